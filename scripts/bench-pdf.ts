// Benchmark of the PDF report: font downloads (core, manifest, supplementary slices; brotli as
// precompressed in dist/), Node layout + render time and PDF size for the largest framework, the
// font bytes a first export fetches in headless Chromium (typical report, and one with rare name
// characters) and click-to-file times, first export of a fresh page and later exports (bytes
// kept). Run after `npm run build`. Prints a table; asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { chromium, type Page } from 'playwright-core';
import { frameworkSchema } from '../src/schemas/framework.ts';
import { emptyAnswers } from '../src/lib/framework/draft.ts';
import { allPoints, scoreFramework } from '../src/lib/framework/score.ts';
import { layoutReport } from '../src/lib/pdf/layout.ts';
import { createDocument, renderLayout } from '../src/lib/pdf/render.ts';
import { fontsFor, readManifest } from '../tests/support/pdf-fonts.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { browserPath } from './lib/system.ts';

const rows: [string, string, string][] = [];
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
/** Brotli size of a dist file: its precompressed sibling, or compressed here. */
const brotliOf = (path: string) => (existsSync(`${path}.br`) ? readFileSync(`${path}.br`).length : brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
const manifest = readManifest();
const coreBytes = readFileSync(`dist/fonts/${manifest.core.file}`);
const manifestBrotli = brotliOf('dist/fonts/dudao-sans.json');
const coreBrotli = brotliOf(`dist/fonts/${manifest.core.file}`);
rows.push([`core font (${manifest.core.ranges.reduce((sum, [start, end]) => sum + end - start + 1, 0)} characters)`, `${kib(coreBytes.length)} raw, ${kib(gzipSync(coreBytes, { level: 9 }).length)} gzip, ${kb(coreBrotli)} brotli`, '']);
rows.push(['font manifest (dudao-sans.json)', `${kb(manifestBrotli)} brotli`, '']);
rows.push(['first export of a typical report: core + manifest', `${kb(coreBrotli + manifestBrotli)} brotli`, '≤ 700 KB']);
const sliceBrotli = manifest.slices.map((slice) => brotliOf(`dist/fonts/${slice.file}`)).sort((a, b) => a - b);
rows.push([`supplementary slices (${manifest.slices.length}, ${manifest.slices.reduce((sum, slice) => sum + slice.ranges.reduce((count, [start, end]) => count + end - start + 1, 0), 0)} characters)`, `median ${kb(sliceBrotli[sliceBrotli.length >> 1]!)}, max ${kb(sliceBrotli.at(-1)!)} brotli`, '']);
const rare = '喆堃玥珺昇㐴';
const rareFiles = fontsFor(rare).slice(1).map((font) => manifest.slices.find((slice) => font.name.endsWith(slice.file.replace(/\D/gu, '')))!);
rows.push([`rare characters ${rare}: extra slices`, `${rareFiles.length} files, ${kb(rareFiles.reduce((sum, slice) => sum + brotliOf(`dist/fonts/${slice.file}`), 0))} brotli`, '≤ 100 KB']);

const frameworks = ['youzhi-junheng-xianji', 'youzhi-junheng-xuexiao', 'zeren-duxue-jingchangxing', 'xueqian-puji-puhui'].map((id) => frameworkSchema.parse(parse(readFileSync(`content/frameworks/${id}.yaml`, 'utf8'))));
const largest = [...frameworks].sort((a, b) => allPoints(b).length - allPoints(a).length)[0]!;
const file = emptyAnswers(largest);
file.subject.name = '基准测试区';
for (const { point } of allPoints(largest)) {
  if (point.input.kind === 'yesno') file.answers[point.id] = point.input.expect ?? true;
  else if (point.input.kind === 'number' || point.input.kind === 'integer') file.answers[point.id] = 90;
  file.notes[point.id] = '已核对台账，材料见附件。';
}
const fonts = fontsFor('基准测试区已核对台账，材料见附件。');
const times: number[] = [];
let size = 0;
for (let run = 0; run < 7; run++) {
  const started = performance.now();
  const target = createDocument(fonts);
  const result = scoreFramework(largest, file.answers);
  size = renderLayout(target, layoutReport(largest, target.measure, { file, result, today: '2026-11-22' })).byteLength;
  times.push(performance.now() - started);
}
rows.push([`Node: layout + render, ${largest.id} (${allPoints(largest).length} points, notes on every point)`, `${median(times).toFixed(0)} ms median`, '']);
rows.push(['PDF size', kb(size), '≤ 200 KB']);

// Browser: click → download event.
const { server, origin } = await serveStatic('dist');
const browser = await chromium.launch({
  executablePath: browserPath(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
async function clickToFile(page: Page): Promise<number> {
  const started = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 PDF 自评报告' }).click()]);
  await download.path();
  return performance.now() - started;
}
/** Brotli bytes of the font files a page fetched (the server sends raw files; dist/ holds the .br each would be sent as). */
function fontBytesOf(page: Page): () => number {
  const paths: string[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/fonts/')) paths.push(path);
  });
  return () => paths.reduce((sum, path) => sum + brotliOf(`dist${path}`), 0);
}
try {
  for (const [label, name] of [['typical report', '基准测试区'], ['report with rare characters', `基准测试区${rare}`]] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched = fontBytesOf(page);
    await page.goto(`${origin}/self-check/${largest.id}/`, { waitUntil: 'load' });
    await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
    await page.getByLabel('区县名称').fill(name);
    await clickToFile(page);
    rows.push([`Chromium: font bytes fetched by the first export, ${label}`, `${kb(fetched())} brotli`, label === 'typical report' ? '≤ 700 KB' : '≤ 800 KB']);
    await context.close();
  }
  const first: number[] = [];
  const cached: number[] = [];
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/self-check/${largest.id}/`, { waitUntil: 'load' });
    await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
    await page.getByLabel('区县名称').fill('基准测试区');
    first.push(await clickToFile(page));
    cached.push(await clickToFile(page));
    await context.close();
  }
  rows.push(['Chromium: click to file, first export (jsPDF + font from localhost)', `${median(first).toFixed(0)} ms median`, '']);
  rows.push(['Chromium: click to file, font already loaded', `${median(cached).toFixed(0)} ms median`, '≤ 300 ms']);
} finally {
  await browser.close();
  server.close();
}

console.log('\n| PDF report | value | target |\n| --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
