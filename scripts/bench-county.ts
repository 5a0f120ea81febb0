// Benchmark: a generated county of 300 schools as CSV → parse, validate, score every school and
// compute every CV. The target is under a second. Prints a table; asserts nothing.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { frameworkSchema } from '../src/schemas/framework.ts';
import { computeCounty } from '../src/lib/county/compute.ts';
import { readSchoolFile } from '../src/lib/county/files.ts';
import { templateCsv } from '../src/lib/county/template.ts';

const framework = frameworkSchema.parse(parse(readFileSync('content/frameworks/youzhi-junheng-xuexiao.yaml', 'utf8')));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** `count` schools (two thirds 小学), deterministic pseudo-random resources. */
function county(count: number): string {
  const rows: string[] = [];
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let index = 0; index < count; index++) {
    const stage = index % 3 === 2 ? '初中' : '小学';
    const students = 100 + Math.floor(random() * 2400);
    const spread = 0.5 + random();
    const per100 = (base: number) => Math.round((base * spread * students) / 100);
    rows.push([`学校${index + 1}`, stage, 2026, students, per100(5), per100(1.2), per100(1), Math.round(5 * spread * students), Math.round(9 * spread * students), Math.round(2500 * spread * students), per100(2.5), '', ''].join(','));
  }
  return templateCsv(framework) + rows.join('\r\n');
}

const rows: string[][] = [];
for (const count of [300, 1000]) {
  const bytes = new TextEncoder().encode(county(count)).buffer as ArrayBuffer;
  const times: number[] = [];
  let schools = 0;
  let cvs = 0;
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    const loaded = await readSchoolFile('county.csv', bytes, framework);
    const result = computeCounty(framework, loaded.schools, { splitNineYear: false });
    times.push(performance.now() - started);
    schools = result.schools.length;
    cvs = result.cvs.length;
  }
  rows.push([String(count), String(schools), String(cvs), `${median(times).toFixed(0)} ms`, count === 300 ? '< 1000 ms' : '']);
}
console.log('\n| schools in CSV | scored | CVs | load + validate + compute (median of 7) | target |\n| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
