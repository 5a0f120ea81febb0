// Draw a report layout with jsPDF, embedding the subset font (TrueType, Identity-H), so every
// character is real, selectable text. Works in the browser and in Node (tests, benchmarks).
import { jsPDF } from 'jspdf';
import type { Colour, ReportLayout } from './layout.ts';

const colours: Record<Colour, [number, number, number]> = {
  text: [27, 31, 36],
  muted: [79, 90, 102],
  rule: [170, 178, 186],
  green: [15, 107, 58],
  yellow: [196, 140, 0],
  red: [163, 25, 30],
  fill: [236, 240, 244],
};

/** The font bytes as the binary string jsPDF's virtual file system takes (built in chunks). */
export function toBinaryString(bytes: Uint8Array): string {
  let out = '';
  for (let index = 0; index < bytes.length; index += 0x8000) out += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return out;
}

/** A new A4 jsPDF document with the report font registered; `measure` gives text widths in mm. */
export function createDocument(font: string): { doc: jsPDF; measure: (text: string, size: number) => number } {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
  doc.addFileToVFS('dudao-sans.ttf', font);
  doc.addFont('dudao-sans.ttf', 'DudaoSans', 'normal');
  doc.setFont('DudaoSans', 'normal');
  const measure = (text: string, size: number) => (doc.getStringUnitWidth(text) * size) / doc.internal.scaleFactor;
  return { doc, measure };
}

/** Draw every page of the layout into the document and return the PDF bytes. */
export function renderLayout(doc: jsPDF, layout: ReportLayout): ArrayBuffer {
  layout.pages.forEach((page, index) => {
    if (index > 0) doc.addPage('a4');
    for (const op of page.ops) {
      if (op.kind === 'rect') {
        doc.setFillColor(...colours[op.fill]);
        doc.rect(op.x, op.y, op.w, op.h, 'F');
      } else if (op.kind === 'line') {
        doc.setDrawColor(...colours[op.colour ?? 'text']);
        doc.setLineWidth(op.width ?? 0.2);
        doc.line(op.x1, op.y1, op.x2, op.y2);
      } else {
        doc.setFontSize(op.size);
        doc.setTextColor(...colours[op.colour ?? 'text']);
        if (op.bold) {
          doc.setDrawColor(...colours[op.colour ?? 'text']);
          doc.setLineWidth(0.15);
        }
        doc.text(op.text, op.x, op.y, { align: op.align ?? 'left', ...(op.bold ? { renderingMode: 'fillThenStroke' as const } : {}) });
      }
    }
  });
  doc.setProperties(layout.metadata);
  doc.setDocumentProperties?.(layout.metadata);
  return doc.output('arraybuffer');
}
