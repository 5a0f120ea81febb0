// Benchmark: the self-check records page in Chromium against the built site. 50 records are put
// in IndexedDB, then (1) the list: from the island asking the store (performance mark
// dudao-records-load) to 50 rows on screen and painted, and from navigation start; (2) a
// comparison of two records: the click → the comparison table on screen and painted.
// Run after `npm run build`. Prints a table; asserts nothing.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { parse } from 'yaml';
import { serveStatic } from '../tests/support/static-server.ts';
import { browserPath } from './lib/system.ts';
import { frameworkSchema } from '../src/schemas/framework.ts';
import { emptyAnswers } from '../src/lib/framework/draft.ts';
import { makeRecord } from '../src/lib/cycle/records.ts';

const framework = frameworkSchema.parse(parse(readFileSync('content/frameworks/youzhi-junheng-xuexiao.yaml', 'utf8')));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** 50 records of one school over the years, with varying resources (deterministic). */
const records = Array.from({ length: 50 }, (_, index) => {
  const file = emptyAnswers(framework);
  const year = 1977 + index;
  const spread = 0.8 + ((index * 37) % 50) / 100;
  file.subject = { ...file.subject, name: `示范小学${index + 1}`, stage: '小学', date: `${year}-05-01` };
  file.answers = { students: 1000, teachers_higher: Math.round(50 * spread), backbone: Math.round(12 * spread), pe_art: Math.round(10 * spread), teaching_rooms: 5000 * spread, sports: 8000 * spread, equipment_value: 2500000 * spread, multimedia_rooms: Math.round(25 * spread) };
  return makeRecord(framework, file, `${year}-05-01T08:00:00.000Z`);
});

const { server, origin } = await serveStatic('dist');
const browser = await chromium.launch({
  executablePath: browserPath(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const lists: number[] = [];
const reads: number[] = [];
const navigations: number[] = [];
const comparisons: number[] = [];
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/self-check/${framework.id}/records/`);
  // The records in the database idb-keyval uses (database dudao-cycle, object store records).
  await page.evaluate(
    (items) =>
      new Promise<void>((done, fail) => {
        const request = indexedDB.open('dudao-cycle');
        request.onupgradeneeded = () => request.result.createObjectStore('records');
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const transaction = request.result.transaction('records', 'readwrite');
          for (const item of items) transaction.objectStore('records').put(item, item.key);
          transaction.oncomplete = () => {
            request.result.close();
            done();
          };
        };
      }),
    records,
  );
  // Each run: record when the 50th row is in the list and a frame has been painted.
  await context.addInitScript(() => {
    const timing = ((window as unknown as { __listed: Promise<number> }).__listed = new Promise<number>((done) => {
      const observer = new MutationObserver(() => {
        if (document.querySelectorAll('table.records tbody tr').length < 50) return;
        observer.disconnect();
        requestAnimationFrame(() => done(performance.now()));
      });
      observer.observe(document, { childList: true, subtree: true });
    }));
    void timing;
  });
  for (let run = 0; run < 7; run++) {
    await page.reload();
    const listedAt = await page.evaluate(() => (window as unknown as { __listed: Promise<number> }).__listed);
    const [mark, read] = await page.evaluate(() => ['dudao-records-load', 'dudao-records-read'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN));
    lists.push(listedAt - mark!);
    reads.push(read! - mark!);
    navigations.push(listedAt);
    await page.getByRole('checkbox', { name: '选择“示范小学1 1977-05-01”用于对比' }).check();
    await page.getByRole('checkbox', { name: '选择“示范小学50 2026-05-01”用于对比' }).check();
    comparisons.push(
      await page.evaluate(
        () =>
          new Promise<number>((done) => {
            const button = [...document.querySelectorAll('button')].find((item) => item.textContent === '对比所选的两条记录')!;
            const begin = performance.now();
            const observer = new MutationObserver(() => {
              if (!document.querySelector('[aria-label="逐项对比"] tbody tr')) return;
              observer.disconnect();
              requestAnimationFrame(() => done(performance.now() - begin));
            });
            observer.observe(document.body, { childList: true, subtree: true });
            setTimeout(() => done(Number.NaN), 10_000);
            button.click();
          }),
      ),
    );
  }
} finally {
  await browser.close();
  server.close();
}
console.log('\n| records page, Chromium (median of 7) | measured | target |\n| --- | --- | --- |');
console.log(`| list of 50 records: store read → 50 rows painted | ${median(lists).toFixed(0)} ms | ≤ 100 ms |`);
console.log(`| of which reading the store (IndexedDB) | ${median(reads).toFixed(0)} ms | |`);
console.log(`| list of 50 records: navigation start → 50 rows painted | ${median(navigations).toFixed(0)} ms | |`);
console.log(`| comparison of two records: click → table painted | ${median(comparisons).toFixed(0)} ms | ≤ 50 ms |`);
