// Entry point of the PDF export, loaded by the self-check only when the user asks for a PDF (a
// dynamic import, so jsPDF and the fonts never weigh on the page's initial JavaScript).
//   prefetchReportAssets()  start fetching the font manifest and the core font (hover/focus on
//                           the button); the bytes are kept for every later export.
//   prepareReport(input, progress?)
//                           → { unprintable, build() }: fetches the supplementary font slices the
//                           text needs (progress: "正在准备字体… 40%" over everything still to
//                           download); the characters no font has are known BEFORE the file is
//                           made, so the page can tell the user (printed as 〓, never dropped);
//                           build() gives the Blob and file name.
//   prepareBlank(framework, progress?) the blank form (打印空白表), same shape.
import type { AnswersFile } from '../../schemas/answers.ts';
import type { Framework } from '../../schemas/framework.ts';
import type { ScoreResult } from '../framework/score.ts';
import type { LedgerItem } from '../cycle/ledger.ts';
import { allRanges, slicesFor, unpackManifest, type FontFile, type FontManifest, type LoadedFont, type PackedManifest, type Ranges } from './fonts.ts';
import { layoutReport } from './layout.ts';
import { createDocument, renderLayout, toBinaryString } from './render.ts';
import { normalizeText, printable, unprintable } from './text.ts';

export type Progress = (text: string) => void;

let manifest: Promise<{ manifest: FontManifest; ranges: Ranges }> | undefined;
/** Font files being or already downloaded, by file name; `received` counts decoded bytes. */
const downloads = new Map<string, { size: number; received: number; data: Promise<string> }>();
/** The exports waiting for fonts, each with the files it needs and where its progress goes. */
const listeners = new Set<{ files: FontFile[]; progress: Progress }>();

function notify() {
  for (const { files, progress } of listeners) {
    const total = files.reduce((sum, file) => sum + file.size, 0);
    const received = files.reduce((sum, file) => sum + Math.min(file.size, downloads.get(file.file)?.received ?? 0), 0);
    progress(`正在准备字体… ${total > 0 ? Math.min(99, Math.floor((received / total) * 100)) : 0}%`);
  }
}

/** Read a response body chunk by chunk, counting what arrived for the progress. */
async function readBody(response: Response, entry: { received: number }): Promise<Uint8Array> {
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    entry.received = bytes.length;
    notify();
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    entry.received += value.length;
    notify();
  }
  const bytes = new Uint8Array(entry.received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Download one font file once; later calls share the same bytes. */
function download(file: FontFile): Promise<string> {
  const known = downloads.get(file.file);
  if (known) return known.data;
  const entry = { size: file.size, received: 0, data: Promise.resolve('') };
  entry.data = fetch(`${import.meta.env.BASE_URL}fonts/${file.file}`)
    .then((response) => {
      if (!response.ok) throw new Error(`字体文件无法下载（${response.status}）`);
      return readBody(response, entry);
    })
    .then(toBinaryString);
  entry.data.catch(() => downloads.delete(file.file));
  downloads.set(file.file, entry);
  return entry.data;
}

function loadManifest(): Promise<{ manifest: FontManifest; ranges: Ranges }> {
  manifest ??= fetch(`${import.meta.env.BASE_URL}fonts/dudao-sans.json`)
    .then((response) => {
      if (!response.ok) throw new Error(`字体清单无法下载（${response.status}）`);
      return response.json() as Promise<PackedManifest>;
    })
    .then((packed) => {
      const unpacked = unpackManifest(packed);
      return { manifest: unpacked, ranges: allRanges(unpacked) };
    });
  manifest.catch(() => (manifest = undefined));
  return manifest;
}

/** Start fetching the manifest and the core font (hover or focus on the export buttons). */
export async function prefetchReportAssets(): Promise<void> {
  const { manifest } = await loadManifest();
  await download(manifest.core);
}

/** The fonts for a text: the core and the slices holding its other characters, downloaded with progress. */
export async function fontsFor(text: string, progress?: Progress): Promise<{ fonts: LoadedFont[]; ranges: Ranges }> {
  const { manifest, ranges } = await loadManifest();
  const needed = slicesFor(normalizeText(text), manifest);
  const files = [manifest.core, ...needed.map((index) => manifest.slices[index]!)];
  const listener = progress && files.some((file) => !downloads.has(file.file) || downloads.get(file.file)!.received < file.size) ? { files, progress } : undefined;
  if (listener) {
    listeners.add(listener);
    notify();
  }
  try {
    const data = await Promise.all(files.map(download));
    return { fonts: files.map((file, index) => ({ name: index === 0 ? 'DudaoSans' : `DudaoSans${file.file.replace(/\D/gu, '')}`, ranges: file.ranges, data: data[index]! })), ranges };
  } finally {
    if (listener) listeners.delete(listener);
  }
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
    ...Object.values(file.narrative ?? {}),
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
    ...(file.narrative ? { narrative: mapRecord(file.narrative, (text) => (text === undefined ? text : fix(text))) } : {}),
  };
}

/** Prepare the self-evaluation report of a filled self-check. */
export async function prepareReport(input: { framework: Framework; file: AnswersFile; result: ScoreResult; today: string; ledger?: readonly LedgerItem[] }, progress?: Progress): Promise<Prepared> {
  const ledger = input.ledger ?? [];
  const text = [userText(input.file), ...ledger.flatMap((item) => [item.problem, item.measure, item.responsible, item.evidence])].join('\n');
  const { fonts, ranges } = await fontsFor(text, progress);
  return {
    unprintable: unprintable(text, ranges),
    build: () => {
      const target = createDocument(fonts);
      // The file name keeps the real characters (the user's name as typed), the pages the printable ones.
      const fix = (value: string) => printable(value, ranges);
      const printableLedger = ledger.map((item) => ({ ...item, problem: fix(item.problem), measure: fix(item.measure), responsible: fix(item.responsible), evidence: fix(item.evidence) }));
      const layout = layoutReport(input.framework, target.measure, { file: printableFile(input.file, ranges), result: input.result, today: input.today, ledger: printableLedger }, input.file.subject.name);
      return { blob: new Blob([renderLayout(target, layout)], { type: 'application/pdf' }), fileName: layout.fileName };
    },
  };
}

/** Prepare the blank form of a framework, for schools that fill it on paper first. */
export async function prepareBlank(framework: Framework, progress?: Progress): Promise<Prepared> {
  const { fonts } = await fontsFor('', progress);
  return {
    unprintable: [],
    build: () => {
      const target = createDocument(fonts);
      const layout = layoutReport(framework, target.measure);
      return { blob: new Blob([renderLayout(target, layout)], { type: 'application/pdf' }), fileName: layout.fileName };
    },
  };
}
