// The rectification ledger as a PDF (整改台账): progress, then every item with its point, problem,
// measure, person, deadline and status (overdue in words). Loaded by the ledger page on click.
import type { Framework } from '../../schemas/framework.ts';
import { isOverdue, pointPlaces, progressText, type LedgerItem } from '../cycle/ledger.ts';
import { siteConfig } from '../../site.config.mjs';
import { fontsFor, type Progress } from './export.ts';
import { creator } from './layout.ts';
import { createDocument, renderLayout } from './render.ts';
import { layoutTables, type Section } from './tables.ts';
import { fileNameOf, printable, unprintable } from './text.ts';

/** Sections of the ledger PDF: progress, then the table of items. */
export function ledgerSections(framework: Framework, items: readonly LedgerItem[], today: string, school: string): Section[] {
  const places = pointPlaces(framework);
  return [
    {
      heading: '整改进度',
      paragraphs: [`${school ? `${school}，` : ''}截至 ${today}：${progressText(items, today)}`],
      ...(items.length > 0
        ? {
            table: {
              columns: [{ title: '序号', width: 9 }, { title: '要点和问题', width: 44 }, { title: '整改措施和佐证', width: 44 }, { title: '责任人', width: 16 }, { title: '完成时限', width: 21 }, { title: '状态', width: 31 }],
              rows: items.map((item, index) => [
                String(index + 1),
                `${places.get(item.pointId)?.title ?? item.pointId}：${item.problem}`,
                [item.measure, item.evidence ? `佐证：${item.evidence}` : ''].filter(Boolean).join('；'),
                item.responsible,
                item.deadline,
                `${item.status}${item.closedOn ? `（${item.closedOn}）` : ''}${isOverdue(item, today) ? '（已逾期）' : ''}`,
              ]),
            },
          }
        : {}),
    },
  ];
}

/** Build the ledger PDF in the browser; `unprintable` lists what no font has (printed as 〓). */
export async function exportLedgerPdf(framework: Framework, items: readonly LedgerItem[], today: string, school: string, progress?: Progress): Promise<{ blob: Blob; fileName: string; unprintable: string[] }> {
  const raw = ledgerSections(framework, items, today, school);
  const text = raw.flatMap((section) => [section.heading, ...(section.paragraphs ?? []), ...(section.table?.rows.flat() ?? [])]).join('\n');
  const { fonts, ranges } = await fontsFor(text, progress);
  const target = createDocument(fonts);
  const clean = (value: string) => printable(value, ranges);
  const sections = raw.map((section) => ({
    heading: clean(section.heading),
    paragraphs: section.paragraphs?.map(clean),
    ...(section.table ? { table: { columns: section.table.columns, rows: section.table.rows.map((row) => row.map(clean)) } } : {}),
  }));
  const title = `《${framework.title}》整改台账`;
  const layout = layoutTables(title, sections, target.measure, { title, subject: framework.title, author: school || siteConfig.name, keywords: '整改台账', creator }, fileNameOf([school, framework.shortTitle ?? framework.title, '整改台账', today]), `${framework.shortTitle ?? framework.title} · ${today}`);
  return { blob: new Blob([renderLayout(target, layout)], { type: 'application/pdf' }), fileName: layout.fileName, unprintable: unprintable(text, ranges) };
}
