// A plain document of headed sections with paragraphs and tables, on the shared page flow
// (headings kept with what follows, table header repeated on every page, footer 第 n 页 / 共 N 页):
// used for the county summary. Pure, like layout.ts.
import { PageFlow, sizes, type Measure } from './flow.ts';
import type { ReportLayout } from './layout.ts';

export interface Section {
  heading: string;
  paragraphs?: string[];
  table?: { columns: { title: string; width: number }[]; rows: string[][] };
}

/** Lay out a titled document of sections on A4 pages. */
export function layoutTables(title: string, sections: Section[], measure: Measure, metadata: ReportLayout['metadata'], fileName: string, footer: string): ReportLayout {
  const flow = new PageFlow(measure);
  flow.paragraph(title, sizes.title, { bold: true, align: 'center', gap: 4 });
  for (const section of sections) {
    flow.heading(section.heading);
    for (const paragraph of section.paragraphs ?? []) flow.paragraph(paragraph, sizes.body);
    if (!section.table) continue;
    const { columns, rows } = section.table;
    // Column widths are proportions of the text width.
    const scale = flow.width / columns.reduce((sum, column) => sum + column.width, 0);
    flow.startTable(columns.map((column) => ({ title: column.title, width: column.width * scale })));
    for (const cells of rows) flow.row(cells);
    flow.endTable();
  }
  return { pages: flow.finish(footer), metadata, fileName };
}
