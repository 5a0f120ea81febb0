// Benchmark of the PDF report: font size (raw, gzip, brotli), Node layout + render time and PDF
// size for the largest framework, and click-to-file time in headless Chromium, first export of a
// fresh page (jsPDF chunk and font fetched) and later exports (bytes kept). Run after
// `npm run build`. Prints a table; asserts nothing.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { chromium, type Page } from 'playwright-core';
import { frameworkSchema } from '../src/schemas/framework.ts';
import { emptyAnswers } from '../src/lib/framework/draft.ts';
import { allPoints, scoreFramework } from '../src/lib/framework/score.ts';
import { layoutReport } from '../src/lib/pdf/layout.ts';
import { createDocument, renderLayout, toBinaryString } from '../src/lib/pdf/render.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { browserPath } from './lib/system.ts';

const rows: [string, string, string][] = [];
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const fontBytes = readFileSync('dist/fonts/dudao-sans.ttf');
rows.push(['font download (dudao-sans.ttf)', `${kib(fontBytes.length)} raw, ${kib(gzipSync(fontBytes, { level: 9 }).length)} gzip, ${kib(brotliCompressSync(fontBytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length)} brotli`, '≤ 1.6 MB brotli']);

const frameworks = ['youzhi-junheng-xianji', 'youzhi-junheng-xuexiao', 'zeren-duxue-jingchangxing', 'xueqian-puji-puhui'].map((id) => frameworkSchema.parse(parse(readFileSync(`content/frameworks/${id}.yaml`, 'utf8'))));
const largest = [...frameworks].sort((a, b) => allPoints(b).length - allPoints(a).length)[0]!;
const file = emptyAnswers(largest);
file.subject.name = '基准测试区';
for (const { point } of allPoints(largest)) {
  if (point.input.kind === 'yesno') file.answers[point.id] = point.input.expect ?? true;
  else if (point.input.kind === 'number' || point.input.kind === 'integer') file.answers[point.id] = 90;
  file.notes[point.id] = '已核对台账，材料见附件。';
}
const font = toBinaryString(fontBytes);
const times: number[] = [];
let size = 0;
for (let run = 0; run < 7; run++) {
  const started = performance.now();
  const { doc, measure } = createDocument(font);
  const result = scoreFramework(largest, file.answers);
  size = renderLayout(doc, layoutReport(largest, measure, { file, result, today: '2026-11-22' })).byteLength;
  times.push(performance.now() - started);
}
rows.push([`Node: layout + render, ${largest.id} (${allPoints(largest).length} points, notes on every point)`, `${median(times).toFixed(0)} ms median`, '']);
rows.push(['PDF size', kib(size), '≤ 200 KB']);

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
try {
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
