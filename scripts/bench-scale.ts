// Scale benchmark: `npm run bench:scale -- <N> [--keep] [--rebuild]`. Generates N work plans (the
// seeds plus generated ones, scripts/lib/scale-corpus.ts) in a temporary copy of the project, builds
// it phase by phase (the steps of `npm run build`, each timed with /usr/bin/time for its peak
// memory) and prints a table: seconds and peak RSS per phase, dist/ size, pages, the largest HTML
// page (raw and gzip), the largest catalogue page and the search index per 1,000 points.
// --rebuild: after the full build, change one plan and build again (the incremental case).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { scaleProject } from './lib/scale-corpus.ts';

const args = process.argv.slice(2);
const total = Number(args.find((a) => /^\d+$/.test(a)) ?? 300);
const rebuild = args.includes('--rebuild');
const node = process.execPath;

const project = scaleProject(process.cwd(), total);
console.log(`bench:scale ${total} plans in ${project}; ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);

interface Phase {
  name: string;
  seconds: number;
  /** User + system CPU seconds (less sensitive to other load on the machine than wall time). */
  cpu: number;
  peakMiB: number;
}

/** The steps of `npm run build` (package.json), grouped into the phases the table reports. */
function buildSteps(): [string, string[]][] {
  const script = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).scripts.build as string;
  return script.split('&&').map((step) => {
    const words = step.trim().split(/\s+/);
    const phase = /build-font/.test(step) ? 'font' : /^astro build/.test(step.trim()) ? 'Astro' : /build-search/.test(step) ? 'search index' : /precompress/.test(step) ? 'pre-compression' : 'other';
    const argv = words[0] === 'node' ? [node, ...words.slice(1)] : words[0] === 'astro' ? [node, join(project, 'node_modules/astro/bin/astro.mjs'), ...words.slice(1)] : words;
    return [phase, argv];
  });
}

function runBuild(label: string): Phase[] {
  const phases = new Map<string, Phase>();
  for (const [name, argv] of buildSteps()) {
    const started = performance.now();
    const result = spawnSync('/usr/bin/time', ['-v', ...argv], {
      cwd: project,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, DUDAO_CONTENT_DIR: join(project, 'content'), DUDAO_PRECOMPRESS_CACHE: join(project, '.precompress-cache'), DUDAO_SEARCH_CACHE: join(project, '.search-cache'), DUDAO_SW_CACHE: join(project, '.sw-cache'), DUDAO_HEADERS_CACHE: join(project, '.headers-cache'), DUDAO_WORKPLAN_CACHE: join(project, '.workplan-cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) {
      console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
      throw new Error(`${label}: ${argv.join(' ')} failed`);
    }
    const peakKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1] ?? 0);
    const phase = phases.get(name) ?? { name, seconds: 0, cpu: 0, peakMiB: 0 };
    phase.seconds += seconds;
    phase.cpu += Number(/User time \(seconds\): ([\d.]+)/.exec(result.stderr)?.[1] ?? 0) + Number(/System time \(seconds\): ([\d.]+)/.exec(result.stderr)?.[1] ?? 0);
    phase.peakMiB = Math.max(phase.peakMiB, peakKiB / 1024);
    phases.set(name, phase);
    const summary = result.stdout.split('\n').filter((l) => /precompress|search:|pages? built|font/i.test(l)).slice(-3);
    for (const line of summary) console.log(`  ${name}: ${line.trim()}`);
  }
  return ['font', 'Astro', 'search index', 'pre-compression', 'other'].map((n) => phases.get(n) ?? { name: n, seconds: 0, cpu: 0, peakMiB: 0 });
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

function printPhases(label: string, phases: Phase[]) {
  const whole = phases.reduce((s, p) => s + p.seconds, 0);
  console.log(`\n${label} (${total} plans, load ${loadavg()[0]!.toFixed(2)} after)`);
  const cpu = phases.reduce((s, p) => s + p.cpu, 0);
  console.log('| phase | wall s | share | CPU s | peak RSS MiB |\n|---|---:|---:|---:|---:|');
  for (const p of phases) console.log(`| ${p.name} | ${p.seconds.toFixed(1)} | ${((p.seconds / whole) * 100).toFixed(0)} % | ${p.cpu.toFixed(1)} | ${p.peakMiB.toFixed(0)} |`);
  console.log(`| **whole** | **${whole.toFixed(1)}** | | **${cpu.toFixed(1)}** | **${Math.max(...phases.map((p) => p.peakMiB)).toFixed(0)}** |`);
}

const full = runBuild('full build');
printPhases('Full build', full);

const dist = join(project, 'dist');
const files = walk(dist);
const plain = files.filter((f) => !/\.(br|gz)$/.test(f));
const html = plain.filter((f) => f.endsWith('.html'));
const size = (list: string[]) => list.reduce((s, f) => s + statSync(f).size, 0);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const sized = html.map((f) => ({ f, raw: statSync(f).size })).sort((a, b) => b.raw - a.raw);
const gz = (f: string) => gzipSync(readFileSync(f), { level: 9 }).length;
const largest = sized[0]!;
const catalogue = sized.find((s) => !/\/workplans\/\d{4}-[a-z0-9-]+\/index\.html$/.test(s.f) && /\/(workplans|themes)\//.test(s.f));
const search = walk(join(dist, 'search')).filter((f) => !/\.(br|gz)$/.test(f) && !f.endsWith('search.js'));
const meta = JSON.parse(readFileSync(join(dist, 'search', 'meta.json'), 'utf8')) as { docs: { count: number }[] };
const points = meta.docs.reduce((sum, doc) => sum + doc.count, 0);
const searchBytes = size(search);
console.log('\n| output | value |\n|---|---:|');
console.log(`| dist/ (without .br/.gz) | ${mib(size(plain))} |`);
console.log(`| dist/ with .br/.gz | ${mib(size(files))} |`);
console.log(`| HTML pages | ${html.length} |`);
console.log(`| largest HTML page | ${relative(dist, largest.f)}: ${(largest.raw / 1024).toFixed(0)} KiB raw, ${(gz(largest.f) / 1024).toFixed(0)} KiB gzip |`);
if (catalogue) console.log(`| largest catalogue page | ${relative(dist, catalogue.f)}: ${(catalogue.raw / 1024).toFixed(0)} KiB raw, ${(gz(catalogue.f) / 1024).toFixed(1)} KiB gzip |`);
console.log(`| search index | ${meta.docs.length} documents, ${points} points, ${mib(searchBytes)} raw; ${((searchBytes / points) * 1000 / 2 ** 20).toFixed(2)} MiB per 1,000 points |`);

// Brotli quality trade-off per kind of file, on up to 150 files of each kind (single core).
const kinds: [string, (f: string) => boolean][] = [
  ['HTML', (f) => f.endsWith('.html')],
  ['search index JSON', (f) => f.includes('/search/') && f.endsWith('.json')],
  ['scripts and styles', (f) => /\.(js|css)$/.test(f)],
  ['fonts (.ttf)', (f) => f.endsWith('.ttf')],
];
console.log('\n| brotli quality trade-off (CPU s, size vs q11) | files (sample) | q5 | q7 | q9 | q10 | q11 |\n|---|---:|---:|---:|---:|---:|---:|');
for (const [label, test] of kinds) {
  const all = plain.filter((f) => test(f) && statSync(f).size >= 512);
  const sample = all.filter((_, i) => i % Math.max(1, Math.ceil(all.length / 150)) === 0);
  const cells = [5, 7, 9, 10, 11].map((quality) => {
    const before = process.cpuUsage();
    let bytes = 0;
    for (const f of sample) bytes += brotliCompressSync(readFileSync(f), { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }).length;
    const used = process.cpuUsage(before);
    return { ms: (used.user + used.system) / 1000, bytes };
  });
  const q11 = cells[4]!;
  const scale = all.length / Math.max(1, sample.length);
  console.log(`| ${label} | ${all.length} (${sample.length}) | ${cells.map((c) => `${((c.ms * scale) / 1000).toFixed(1)} s, ${(((c.bytes - q11.bytes) / q11.bytes) * 100).toFixed(1)} %`).join(' | ')} |`);
}
console.log('(CPU seconds, estimated for all files of the kind, independent of the machine load; % : size against quality 11)');

if (rebuild) {
  const file = join(project, 'content', 'workplans', readdirSync(join(project, 'content', 'workplans')).sort().at(-1)!);
  appendFileSync(file, '\n');
  writeFileSync(file, readFileSync(file, 'utf8').replace('督导', '督导 '));
  const again = runBuild('rebuild after one plan changed');
  printPhases('Rebuild after one plan changed', again);
}
