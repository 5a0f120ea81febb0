// Write .br and .gz siblings for every compressible file in dist/, so a static server can send
// pre-compressed bytes (nginx brotli_static/gzip_static, Caddy precompressed, most CDNs).
//
// Fast at scale:
// - parallel: one worker thread per core compresses with zlib's synchronous brotli and gzip
//   (zlib's async API hops to the thread pool every 16 KB chunk, which a loaded machine makes slow);
// - incremental: outputs are kept in a content-addressed cache (node_modules/.cache/dudao-precompress,
//   or DUDAO_PRECOMPRESS_CACHE), so a file whose bytes did not change since the last build is not
//   compressed again: its outputs are hard-linked from the cache (copied where the cache is on
//   another file system), which at 3,000 plans takes 0.3 s where copying 11,000 files took 2.6 s;
//   entries this build did not use are removed;
// - brotli quality by kind (see qualityFor): 11 for the few shared assets fetched by everyone
//   (scripts, styles, fonts), 10 for the many HTML pages and search-index files. Measured on a
//   300-plan build (CPU seconds on a quarter of the files, size against 11): HTML q11 5.6 s,
//   q10 1.5 s (+2.4 %), q9 9.6 s (+8.6 %, slower than 10 in zlib's brotli), q7 0.3 s (+8.8 %);
//   search JSON q11 1.7 s, q10 0.5 s (+2.4 %). `npm run bench:scale -- 300` prints the trade-off.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { FileDigests } from './lib/file-digests.ts';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

interface Job {
  file: string;
  quality: number;
  brCached: string;
  gzCached: string;
}

if (!isMainThread) {
  // A worker: compress its share of the files, report the brotli bytes written.
  let bytesOut = 0;
  for (const job of workerData as Job[]) {
    const bytes = readFileSync(job.file);
    const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: job.quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    const gz = gzipSync(bytes, { level: 9 });
    writeFileSync(job.brCached, br);
    writeFileSync(job.gzCached, gz);
    place(job.brCached, `${job.file}.br`);
    place(job.gzCached, `${job.file}.gz`);
    bytesOut += br.length;
  }
  parentPort!.postMessage(bytesOut);
} else {
  await main();
}

/**
 * Put a cached output at `target`: a hard link (the cache entry is never written again, and a file
 * already at `target` is removed first, never written through), or a copy across file systems.
 */
function place(cached: string, target: string): void {
  // Left in place by the previous build (dist/ is kept, src/integrations/keep-dist.ts): already the entry.
  const existing = statSync(target, { throwIfNoEntry: false });
  if (existing && existing.nlink > 1) {
    const entry = statSync(cached);
    if (existing.ino === entry.ino && existing.dev === entry.dev) return;
  }
  rmSync(target, { force: true });
  try {
    linkSync(cached, target);
  } catch (error) {
    if (!['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    copyFileSync(cached, target);
  }
}

/** Brotli quality for a file: 11 for the few shared assets, 10 for pages and search-index data. */
function qualityFor(file: string): number {
  const ext = extname(file);
  if (ext === '.html' || ext === '.xml' || (ext === '.json' && /[\\/]search[\\/]/.test(file))) return 10;
  return 11;
}

/** Every file under a folder, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

async function main(): Promise<void> {
  const compressible = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.ttf', '.wasm', '.csv']);
  const root = process.argv[2] ?? 'dist';
  const cacheDir = resolve(process.env.DUDAO_PRECOMPRESS_CACHE ?? 'node_modules/.cache/dudao-precompress');
  const started = performance.now();
  mkdirSync(cacheDir, { recursive: true });
  // Digests of unchanged files are known without reading them (scripts/lib/file-digests.ts).
  const digests = new FileDigests(join(cacheDir, 'digests.json'));
  const all = walk(root);
  const sized = all.filter((file) => compressible.has(extname(file))).map((file) => ({ file, size: statSync(file).size }));
  const files = sized.filter(({ size }) => size >= 512);
  const used = new Set<string>();
  const jobs: (Job & { size: number })[] = [];
  let raw = 0;
  let brotli = 0;
  for (const { file, size } of files) {
    const quality = qualityFor(file);
    const key = `${digests.digest(file).slice(0, 40)}-q${quality}`;
    const brCached = join(cacheDir, `${key}.br`);
    const gzCached = join(cacheDir, `${key}.gz`);
    used.add(`${key}.br`).add(`${key}.gz`);
    raw += size;
    if (existsSync(brCached) && existsSync(gzCached)) {
      place(brCached, `${file}.br`);
      place(gzCached, `${file}.gz`);
      brotli += statSync(brCached).size;
    } else {
      jobs.push({ file: resolve(file), quality, brCached, gzCached, size: size * (quality >= 11 ? 4 : 1) });
    }
  }
  // Share the work out by estimated cost, largest first, to the least loaded worker.
  const lanes = Math.min(Math.max(1, availableParallelism()), Math.max(1, jobs.length));
  const shares: { cost: number; jobs: Job[] }[] = Array.from({ length: lanes }, () => ({ cost: 0, jobs: [] }));
  for (const job of [...jobs].sort((a, b) => b.size - a.size)) {
    const lane = shares.reduce((min, share) => (share.cost < min.cost ? share : min));
    lane.cost += job.size;
    lane.jobs.push({ file: job.file, quality: job.quality, brCached: job.brCached, gzCached: job.gzCached });
  }
  if (jobs.length > 0) {
    const outputs = await Promise.all(
      shares.map(
        (share) =>
          new Promise<number>((done, fail) => {
            const worker = new Worker(new URL(import.meta.url), { workerData: share.jobs });
            worker.once('message', (bytes: number) => done(bytes));
            worker.once('error', fail);
            worker.once('exit', (code) => (code === 0 ? undefined : fail(new Error(`压缩进程异常退出（${code}）`))));
          }),
      ),
    );
    brotli += outputs.reduce((sum, bytes) => sum + bytes, 0);
  }
  for (const name of readdirSync(cacheDir)) if (/^[0-9a-f]{40}-q\d+\.(br|gz)$/u.test(name) && !used.has(name)) rmSync(join(cacheDir, name), { force: true });
  digests.save();
  // A kept dist/ may hold outputs of files that are gone or no longer compressed: remove them (not a
  // .gz or .br that public/ itself holds).
  const written = new Set(files.flatMap(({ file }) => [`${file}.br`, `${file}.gz`]));
  const orphans = all.filter((file) => /\.(br|gz)$/u.test(file) && !written.has(file) && compressible.has(extname(file.slice(0, -3))) && !existsSync(join('public', relative(root, file))));
  for (const file of orphans) rmSync(file, { force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `precompress: ${files.length} files (${jobs.length} compressed on ${jobs.length > 0 ? lanes : 0} threads, ${files.length - jobs.length} from cache, ${digests.read} read; ${orphans.length} outdated removed), ${(raw / 1024).toFixed(0)} KiB → ${(brotli / 1024).toFixed(0)} KiB brotli in ${seconds} s`,
  );
}
