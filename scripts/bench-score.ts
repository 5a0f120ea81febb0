// Benchmark: one input change → full re-score, for the largest framework (most points), and for
// the 优质均衡 school form. Median of many runs; prints a table; asserts nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { frameworkSchema, type Framework } from '../src/schemas/framework.ts';
import { allPoints, scoreFramework, type Answers } from '../src/lib/framework/score.ts';

const dir = 'content/frameworks';
const frameworks = readdirSync(dir)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => frameworkSchema.parse(parse(readFileSync(join(dir, name), 'utf8'))));

/** Answers that fill every point of a framework with a plausible value. */
function filled(framework: Framework): Record<string, Answers[string]> {
  const answers: Record<string, Answers[string]> = {};
  for (const { point } of allPoints(framework)) {
    const input = point.input;
    if (input.kind === 'yesno') answers[point.id] = true;
    else if (input.kind === 'number' || input.kind === 'integer') answers[point.id] = 1000;
    else if (input.kind === 'choice') answers[point.id] = input.options[0]!.value;
    else if (input.kind === 'level') answers[point.id] = input.levels[1]!.value;
    else if (input.kind === 'text') answers[point.id] = '说明';
  }
  return answers;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const largest = [...frameworks].sort((a, b) => allPoints(b).length - allPoints(a).length)[0]!;
const targets = [largest, ...frameworks.filter((framework) => framework.id === 'youzhi-junheng-xuexiao' && framework !== largest)];
const rows: string[][] = [];
for (const framework of targets) {
  const answers = filled(framework);
  const numeric = allPoints(framework).find(({ point }) => point.input.kind === 'number' || point.input.kind === 'integer')?.point.id;
  const changing = numeric ?? allPoints(framework)[0]!.point.id;
  const stage = framework.stages[0];
  const times: number[] = [];
  for (let run = 0; run < 2000; run++) {
    const next = { ...answers, [changing]: typeof answers[changing] === 'number' ? 1000 + (run % 50) : answers[changing] };
    const started = performance.now();
    scoreFramework(framework, next, { stage });
    times.push(performance.now() - started);
  }
  rows.push([framework.id, String(allPoints(framework).length), `${(median(times.slice(200)) * 1000).toFixed(0)} µs`, `${(Math.max(...times.slice(200)) * 1000).toFixed(0)} µs`, '≤ 2 ms']);
}

console.log('\n| framework | points | median re-score | max | target |\n| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
