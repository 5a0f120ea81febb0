// Write .br and .gz siblings for every compressible file in dist/, so a static server can send
// pre-compressed bytes (nginx brotli_static/gzip_static, Caddy precompressed, most CDNs).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const compressible = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.ttf', '.wasm', '.csv']);
const root = process.argv[2] ?? 'dist';

/** Every file under a folder, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

let files = 0;
let raw = 0;
let brotli = 0;
for (const file of walk(root)) {
  if (!compressible.has(extname(file)) || statSync(file).size < 512) continue;
  const bytes = readFileSync(file);
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  files += 1;
  raw += bytes.length;
  brotli += br.length;
}
console.log(`precompress: ${files} files, ${(raw / 1024).toFixed(0)} KiB → ${(brotli / 1024).toFixed(0)} KiB brotli`);
