// Entry point of the PDF export, loaded by the self-check only when the user asks for a PDF (a
// dynamic import, so jsPDF and the font never weigh on the page's initial JavaScript).
//   prefetchReportAssets()  start fetching jsPDF's chunk and the font (hover/focus on the button);
//                           the bytes are kept for every later export.
//   prepareReport(input)    → { unprintable, build() }: the characters the font cannot print are
//                           known BEFORE the file is made, so the page can tell the user (they
//                           are printed as 〓, never dropped); build() gives the Blob and file name.
//   prepareBlank(framework) the blank form (打印空白表), same shape.
import type { AnswersFile } from '../../schemas/answers.ts';
import type { Framework } from '../../schemas/framework.ts';
import type { ScoreResult } from '../framework/score.ts';
import { layoutReport } from './layout.ts';
import { createDocument, renderLayout, toBinaryString } from './render.ts';
import { printable, unprintable } from './text.ts';

type Ranges = [number, number][];
let assets: Promise<{ font: string; ranges: Ranges }> | undefined;
let onFontProgress: ((text: string) => void) | undefined;

/** Read a response body, telling how far it got: a percentage when the size is known, else the kilobytes so far. */
async function readWithProgress(response: Response): Promise<ArrayBuffer> {
  const length = response.headers.get('content-encoding') ? 0 : Number(response.headers.get('content-length') ?? 0);
  if (!response.body) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onFontProgress?.(length > 0 ? `正在下载字体… ${Math.min(99, Math.floor((received / length) * 100))}%` : `正在下载字体… 已下载 ${Math.round(received / 1024)} KB`);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes.buffer;
}

/** Fetch the font and its coverage once; later calls reuse the same bytes. `progress` hears how the first download goes. */
export function prefetchReportAssets(progress?: (text: string) => void): Promise<{ font: string; ranges: Ranges }> {
  const base = import.meta.env.BASE_URL;
  if (progress) onFontProgress = progress;
  assets ??= Promise.all([
    fetch(`${base}fonts/dudao-sans.ttf`).then((response) => {
      if (!response.ok) throw new Error(`字体文件无法下载（${response.status}）`);
      return readWithProgress(response);
    }),
    fetch(`${base}fonts/dudao-sans.coverage.json`).then((response) => response.json() as Promise<Ranges>),
  ]).then(([bytes, ranges]) => ({ font: toBinaryString(new Uint8Array(bytes)), ranges }));
  assets.catch(() => (assets = undefined));
  return assets;
}

export interface Prepared {
  unprintable: string[];
  build: () => { blob: Blob; fileName: string };
}

/** Every piece of user text in an answers file. */
function userText(file: AnswersFile): string {
  return [
    ...Object.values(file.subject).filter((value): value is string => typeof value === 'string'),
    ...Object.values(file.answers).filter((value): value is string => typeof value === 'string'),
    ...Object.values(file.notes),
    ...Object.values(file.evidence),
    ...Object.values(file.rectification).flatMap((entry) => [entry.responsible, entry.deadline, entry.measure]),
  ].join('\n');
}

/** Deep-copy the answers file with every string made printable (normalised, 〓 for missing glyphs). */
function printableFile(file: AnswersFile, ranges: Ranges): AnswersFile {
  const fix = (text: string) => printable(text, ranges);
  const mapRecord = <T>(record: Record<string, T>, map: (value: T) => T) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
  return {
    ...file,
    subject: { ...file.subject, name: fix(file.subject.name), county: fix(file.subject.county), supervisor: fix(file.subject.supervisor), date: fix(file.subject.date), filledBy: fix(file.subject.filledBy) },
    answers: mapRecord(file.answers, (value) => (typeof value === 'string' ? fix(value) : value)),
    notes: mapRecord(file.notes, fix),
    evidence: mapRecord(file.evidence, fix),
    rectification: mapRecord(file.rectification, (entry) => ({ responsible: fix(entry.responsible), deadline: fix(entry.deadline), measure: fix(entry.measure) })),
  };
}

/** Prepare the self-evaluation report of a filled self-check. */
export async function prepareReport(input: { framework: Framework; file: AnswersFile; result: ScoreResult; today: string }): Promise<Prepared> {
  const { font, ranges } = await prefetchReportAssets();
  return {
    unprintable: unprintable(userText(input.file), ranges),
    build: () => {
      const { doc, measure } = createDocument(font);
      const layout = layoutReport(input.framework, measure, { file: printableFile(input.file, ranges), result: input.result, today: input.today });
      return { blob: new Blob([renderLayout(doc, layout)], { type: 'application/pdf' }), fileName: layout.fileName };
    },
  };
}

/** Prepare the blank form of a framework, for schools that fill it on paper first. */
export async function prepareBlank(framework: Framework): Promise<Prepared> {
  const { font } = await prefetchReportAssets();
  return {
    unprintable: [],
    build: () => {
      const { doc, measure } = createDocument(font);
      const layout = layoutReport(framework, measure);
      return { blob: new Blob([renderLayout(doc, layout)], { type: 'application/pdf' }), fileName: layout.fileName };
    },
  };
}
