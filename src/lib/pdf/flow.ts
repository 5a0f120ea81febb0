// The page flow every PDF uses (report, blank form, county summary): a cursor down A4 pages,
// paragraphs broken by Chinese line-breaking rules, headings kept with what follows them (a
// heading is never the last line of a page), blocks kept together when they fit on one page,
// tables whose header row is repeated on every page, and the footer "第 n 页 / 共 N 页".
// Pure: text is measured through a callback, so layouts are testable without jsPDF.
import { breakLines } from './linebreak.ts';

export type Colour = 'text' | 'muted' | 'rule' | 'green' | 'yellow' | 'red' | 'fill';
export type Op =
  | { kind: 'text'; x: number; y: number; text: string; size: number; colour?: Colour; align?: 'left' | 'center' | 'right'; bold?: boolean; role?: 'heading' | 'footer' }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: Colour }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; colour?: Colour; width?: number };
export interface Page {
  ops: Op[];
}

/** Width in millimetres of `text` at `size` points. */
export type Measure = (text: string, size: number) => number;

export const page = { width: 210, height: 297, top: 25, bottom: 272, left: 25, right: 190, footer: 285 };
export const sizes = { title: 18, heading: 14, body: 10.5, small: 9 } as const; // 小二, 四号, 五号, 小五
export const lineHeight = (size: number) => size * 0.3528 * 1.5;
const ascent = (size: number) => size * 0.3528;

export interface Column {
  title: string;
  width: number; // mm
}
export interface RowOptions {
  /** One cell across the whole table (a group title), filled unless `fill` is false. */
  span?: boolean;
  fill?: boolean;
  bold?: boolean;
  colours?: (Colour | undefined)[];
}

/** Move an operation down by `dy` millimetres. */
function shifted(op: Op, dy: number): Op {
  return op.kind === 'line' ? { ...op, y1: op.y1 + dy, y2: op.y2 + dy } : { ...op, y: op.y + dy };
}

export class PageFlow {
  readonly pages: Page[] = [];
  ops: Op[] = [];
  /** The cursor: where the next block starts, in mm from the top of the page. */
  y = page.top;
  readonly width = page.right - page.left;
  /** Where content starts on the current page (below a repeated table header). */
  private pageStart = page.top;
  /** A block that must move to the next page with whatever follows it (a heading, a table's group row). */
  private kept: { from: number; y: number } | undefined;
  /** Drawn at the top of every new page while a table is open: its header row. */
  private columns: Column[] | undefined;
  private readonly padding = 1.5;

  readonly measure: Measure;

  constructor(measure: Measure) {
    this.measure = measure;
    this.newPage();
  }

  /** Index in `ops` of the open table's first header row, while it is on the current page. */
  private headerIndex: number | undefined;

  private newPage(withHeader = true) {
    this.ops = [];
    this.pages.push({ ops: this.ops });
    this.y = page.top;
    this.headerIndex = undefined;
    if (this.columns && withHeader) this.row(this.columns.map((column) => column.title), { bold: true, fill: true }, true);
    this.pageStart = this.y;
  }

  /** The room left on a fresh page (below a repeated table header). */
  get pageRoom(): number {
    return page.bottom - this.pageStart;
  }

  /** Make room for `height` mm: a new page when it does not fit, taking a kept block along. */
  ensure(height: number): void {
    const kept = this.kept;
    this.kept = undefined;
    if (this.y + height <= page.bottom) return;
    const moved = kept && kept.y > this.pageStart ? this.ops.splice(kept.from) : [];
    const movedHeight = kept && moved.length > 0 ? this.y - kept.y : 0;
    const from = kept?.y ?? 0;
    // A moved block holding the table's header row brings it along: no second header above it.
    const header = kept && moved.length > 0 && this.headerIndex !== undefined && kept.from <= this.headerIndex ? this.headerIndex - kept.from : undefined;
    this.newPage(header === undefined);
    if (kept && moved.length > 0) {
      if (header !== undefined) this.headerIndex = this.ops.length + header;
      kept.from = this.ops.length;
      kept.y = this.y;
      for (const op of moved) this.ops.push(shifted(op, this.y - from));
      this.y += movedHeight;
    }
  }

  /** Keep a block of `height` mm on one page: start a new page first unless it fits here (or is taller than a page). */
  keepTogether(height: number): void {
    if (height <= this.pageRoom) this.ensure(height);
  }

  /** Lines of `text` at `size` that fit `width` mm. */
  lines(text: string, size: number, width = this.width): string[] {
    return breakLines(text, width, (part) => this.measure(part, size));
  }

  /** A paragraph: lines flow onto the next page as needed. */
  paragraph(text: string, size: number = sizes.body, options: { indent?: number; colour?: Colour; bold?: boolean; gap?: number; align?: 'center' } = {}): void {
    const indent = options.indent ?? 0;
    for (const line of this.lines(text, size, this.width - indent)) {
      this.ensure(lineHeight(size));
      const x = options.align === 'center' ? page.width / 2 : page.left + indent;
      this.ops.push({ kind: 'text', x, y: this.y + ascent(size), text: line, size, ...(options.colour ? { colour: options.colour } : {}), ...(options.bold ? { bold: true } : {}), ...(options.align ? { align: options.align } : {}) });
      this.y += lineHeight(size);
    }
    this.y += options.gap ?? 0;
  }

  /** A heading: kept with what follows it (it never ends a page). */
  heading(text: string, size: number = sizes.heading): void {
    if (this.y > this.pageStart) this.y += 3;
    const lines = this.lines(text, size);
    this.ensure(lines.length * lineHeight(size) + 1 + lineHeight(sizes.body));
    const block = this.mark();
    for (const line of lines) {
      this.ops.push({ kind: 'text', x: page.left, y: this.y + ascent(size), text: line, size, bold: true, role: 'heading' });
      this.y += lineHeight(size);
    }
    this.y += 1;
    this.kept = block;
  }

  /** Keep what was drawn since `block` (from mark()) with the next block, e.g. a chart caption. */
  keepWithNext(block: { from: number; y: number }): void {
    this.kept = block;
  }

  /** Where the next block starts, for keepWithNext. */
  mark(): { from: number; y: number } {
    return { from: this.ops.length, y: this.y };
  }

  /** Open a table: its header row now (kept with the first row) and at the top of every page until endTable(). */
  startTable(columns: Column[]): void {
    const titles = columns.map((column) => column.title);
    const kept = this.kept;
    this.columns = undefined;
    this.ensure(this.rowHeight(titles, {}, columns) * 2);
    const block = kept ?? this.mark();
    this.headerIndex = this.ops.length;
    this.row(titles, { bold: true, fill: true }, true, columns);
    this.columns = columns;
    this.kept = block;
  }

  endTable(): void {
    this.columns = undefined;
    this.headerIndex = undefined;
  }

  /** Height of a table row. */
  rowHeight(cells: string[], options: RowOptions = {}, columns = this.columns ?? []): number {
    return Math.max(...this.wrap(cells, options, columns).map((lines) => lines.length)) * lineHeight(sizes.small) + 2 * this.padding;
  }

  private wrap(cells: string[], options: RowOptions, columns: Column[]): string[][] {
    return options.span ? [this.lines(cells[0] ?? '', sizes.small, this.width - 2 * this.padding)] : cells.map((cell, index) => this.lines(cell, sizes.small, columns[index]!.width - 2 * this.padding));
  }

  /** A table row (a span row is kept with the row after it). */
  row(cells: string[], options: RowOptions = {}, header = false, columns = this.columns ?? []): void {
    const size = sizes.small;
    const wrapped = this.wrap(cells, options, columns);
    const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight(size) + 2 * this.padding;
    const previous = this.kept;
    if (!header) this.ensure(height);
    const block = previous ?? this.mark();
    if (header || (options.span && options.fill !== false)) this.ops.push({ kind: 'rect', x: page.left, y: this.y, w: this.width, h: height, fill: 'fill' });
    let x = page.left;
    wrapped.forEach((lines, index) => {
      lines.forEach((line, number) =>
        this.ops.push({ kind: 'text', x: x + this.padding, y: this.y + this.padding + ascent(size) + number * lineHeight(size), text: line, size, ...(header || options.span || options.bold ? { bold: true } : {}), ...(options.colours?.[index] ? { colour: options.colours[index] } : {}) }),
      );
      x += options.span ? this.width : columns[index]!.width;
    });
    this.ops.push({ kind: 'line', x1: page.left, y1: this.y + height, x2: page.right, y2: this.y + height, colour: 'rule', width: 0.2 });
    this.y += height;
    // A span row (group title) goes with the row after it, and so does whatever was kept before it.
    if (options.span && !header) this.kept = block;
  }

  /** Footers on every page: the document's short name on the left, 第 n 页 / 共 N 页 centred. */
  finish(footer: string): Page[] {
    this.pages.forEach((item, index) => {
      item.ops.push({ kind: 'text', x: page.width / 2, y: page.footer, text: `第 ${index + 1} 页 / 共 ${this.pages.length} 页`, size: sizes.small, align: 'center', colour: 'muted', role: 'footer' });
      item.ops.push({ kind: 'text', x: page.left, y: page.footer, text: footer, size: sizes.small, colour: 'muted', role: 'footer' });
    });
    return this.pages;
  }
}
