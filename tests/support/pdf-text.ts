// Read a PDF the way a reader would, with Mozilla's PDF.js (pdfjs-dist, legacy build for Node):
// the text of every page, the document information and the fonts the pages use. Every PDF test
// reads its files through this, so the tests need no system tool (formerly poppler's pdftotext).
import { readFile } from 'node:fs/promises';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfFont {
  /** The font's PostScript name without the subset prefix, e.g. DudaoSans. */
  name: string;
  /** PDF.js' font type, e.g. CIDFontType2 for a CID-keyed TrueType font. */
  type: string | undefined;
  /** True when the font program is embedded in the file. */
  embedded: boolean;
}

export interface PdfContent {
  /** The text of each page, in content order; a line break where PDF.js sees the end of a line. */
  pages: string[];
  /** All pages' text, separated by form feeds (as pdftotext does). */
  text: string;
  /** The document information dictionary (Title, Author, Producer, …). */
  info: Record<string, unknown>;
  /** Each page's size in points, [width, height]. */
  pageSizes: [number, number][];
  /** Every distinct font the pages draw text with. */
  fonts: PdfFont[];
}

/** Read a PDF file (path or bytes). */
export async function readPdf(source: string | Uint8Array): Promise<PdfContent> {
  const data = typeof source === 'string' ? new Uint8Array(await readFile(source)) : new Uint8Array(source);
  // The PDFs embed their fonts with a ToUnicode map, so no CMap or standard-font files are needed;
  // fontExtraProperties keeps the font names and types for the checks below.
  const task = getDocument({ data, fontExtraProperties: true, verbosity: 0 });
  try {
    const document = await task.promise;
    const pages: string[] = [];
    const pageSizes: [number, number][] = [];
    const fonts = new Map<string, PdfFont>();
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pageSizes.push([x1 - x0, y1 - y0]);
      const operators = await page.getOperatorList();
      operators.fnArray.forEach((fn, index) => {
        if (fn !== OPS.setFont) return;
        const id = (operators.argsArray[index] as [string])[0];
        const font = page.commonObjs.get(id) as { name?: string; type?: string; missingFile?: boolean };
        const name = (font.name ?? id).replace(/^[A-Z]{6}\+/u, '');
        fonts.set(name, { name, type: font.type, embedded: font.missingFile === false });
      });
    }
    const { info } = await document.getMetadata();
    return { pages, text: pages.join('\f'), info: info as Record<string, unknown>, pageSizes, fonts: [...fonts.values()] };
  } finally {
    await task.destroy();
  }
}

/** The text of every page of a PDF file (path or bytes). */
export async function pdfText(source: string | Uint8Array): Promise<string> {
  return (await readPdf(source)).text;
}
