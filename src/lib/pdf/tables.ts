// A plain document layout of headed sections with paragraphs and tables (header row repeated on
// every page, footer 第 n 页 / 共 N 页): used for the county summary. Pure, like layout.ts.
import { breakLines } from './linebreak.ts';
import { page, type Measure, type Op, type Page, type ReportLayout } from './layout.ts';

export interface Section {
  heading: string;
  paragraphs?: string[];
  table?: { columns: { title: string; width: number }[]; rows: string[][] };
}

const lineHeight = (size: number) => size * 0.3528 * 1.5;

/** Lay out a titled document of sections on A4 pages. */
export function layoutTables(title: string, sections: Section[], measure: Measure, metadata: ReportLayout['metadata'], fileName: string, footer: string): ReportLayout {
  const pages: Page[] = [];
  let ops: Op[] = [];
  let y = page.top;
  const width = page.right - page.left;
  const newPage = () => {
    ops = [];
    pages.push({ ops });
    y = page.top;
  };
  newPage();
  const text = (value: string, size: number, options: { bold?: boolean; center?: boolean } = {}) => {
    for (const line of breakLines(value, width, (part) => measure(part, size))) {
      if (y + lineHeight(size) > page.bottom) newPage();
      ops.push({ kind: 'text', x: options.center ? page.width / 2 : page.left, y: y + size * 0.3528, text: line, size, ...(options.bold ? { bold: true } : {}), ...(options.center ? { align: 'center' as const } : {}) });
      y += lineHeight(size);
    }
  };
  text(title, 18, { bold: true, center: true });
  y += 4;
  for (const section of sections) {
    if (y + 30 > page.bottom) newPage();
    y += 3;
    text(section.heading, 14, { bold: true });
    for (const paragraph of section.paragraphs ?? []) text(paragraph, 10.5);
    if (!section.table) continue;
    const { columns, rows } = section.table;
    const scale = width / columns.reduce((sum, column) => sum + column.width, 0);
    const row = (cells: string[], header: boolean) => {
      const size = 9;
      const wrapped = cells.map((cell, index) => breakLines(cell, columns[index]!.width * scale - 3, (part) => measure(part, size)));
      const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight(size) + 3;
      if (y + height > page.bottom) {
        newPage();
        if (!header) row(columns.map((column) => column.title), true);
      }
      if (header) ops.push({ kind: 'rect', x: page.left, y, w: width, h: height, fill: 'fill' });
      let x = page.left;
      wrapped.forEach((lines, index) => {
        lines.forEach((line, number) => ops.push({ kind: 'text', x: x + 1.5, y: y + 1.5 + size * 0.3528 + number * lineHeight(size), text: line, size, ...(header ? { bold: true } : {}) }));
        x += columns[index]!.width * scale;
      });
      ops.push({ kind: 'line', x1: page.left, y1: y + height, x2: page.right, y2: y + height, colour: 'rule', width: 0.2 });
      y += height;
    };
    row(columns.map((column) => column.title), true);
    for (const cells of rows) row(cells, false);
  }
  pages.forEach((item, index) => {
    item.ops.push({ kind: 'text', x: page.width / 2, y: 285, text: `第 ${index + 1} 页 / 共 ${pages.length} 页`, size: 9, align: 'center', colour: 'muted' });
    item.ops.push({ kind: 'text', x: page.left, y: 285, text: footer, size: 9, colour: 'muted' });
  });
  return { pages, metadata, fileName };
}
