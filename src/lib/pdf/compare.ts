// The comparison report (回头看对比报告) as a PDF: the two checks, band change, counts, the
// 指标下滑预警 lines and the table per indicator, on the shared tables layout with the CJK font
// slices. Loaded by the records page on click.
import type { Framework } from '../../schemas/framework.ts';
import { siteConfig } from '../../site.config.mjs';
import { comparisonColumns, comparisonRows, type Comparison } from '../cycle/compare.ts';
import { fontsFor, type Progress } from './export.ts';
import { creator } from './layout.ts';
import { createDocument, renderLayout } from './render.ts';
import { layoutTables, type Section } from './tables.ts';
import { fileNameOf, printable, unprintable } from './text.ts';

/** Sections of the comparison report. */
export function comparisonSections(comparison: Comparison): Section[] {
  const widths = [60, 22, 14, 22, 14, 26];
  return [
    {
      heading: '对比概况',
      paragraphs: [
        `前次：${comparison.before.label}；本次：${comparison.after.label}。`,
        `达标 ${comparison.met.before} 项 → ${comparison.met.after} 项（共 ${comparison.met.scored} 项）；等级 ${comparison.band.text}。`,
        `${comparison.countsText}。`,
      ],
    },
    { heading: '指标下滑预警', paragraphs: comparison.warnings.length > 0 ? comparison.warnings : ['没有下滑的指标。'] },
    { heading: '逐项对比', table: { columns: comparisonColumns.map((title, index) => ({ title, width: widths[index]! })), rows: comparisonRows(comparison) } },
  ];
}

/** Build the comparison PDF in the browser; `unprintable` lists what no font has (printed as 〓). */
export async function exportComparison(framework: Framework, comparison: Comparison, today: string, progress?: Progress): Promise<{ blob: Blob; fileName: string; unprintable: string[] }> {
  const raw = comparisonSections(comparison);
  const title = `《${framework.title}》回头看对比报告`;
  const text = [title, ...raw.flatMap((section) => [section.heading, ...(section.paragraphs ?? []), ...(section.table?.rows.flat() ?? [])])].join('\n');
  const { fonts, ranges } = await fontsFor(text, progress);
  const target = createDocument(fonts);
  const clean = (value: string) => printable(value, ranges);
  const sections = raw.map((section) => ({
    heading: clean(section.heading),
    paragraphs: section.paragraphs?.map(clean),
    ...(section.table ? { table: { columns: section.table.columns, rows: section.table.rows.map((row) => row.map(clean)) } } : {}),
  }));
  const layout = layoutTables(clean(title), sections, target.measure, { title, subject: framework.title, author: siteConfig.name, keywords: '回头看, 指标下滑预警', creator }, fileNameOf([comparison.after.label, '回头看对比', today]), `${framework.shortTitle ?? framework.title} · ${today}`);
  return { blob: new Blob([renderLayout(target, layout)], { type: 'application/pdf' }), fileName: layout.fileName, unprintable: unprintable(text, ranges) };
}
