// scripts/precompress.ts on a small dist/: outputs are linked from its cache, a kept dist/ loses the
// outputs of files that are gone, and nothing from public/ is touched.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from '../../support/temp';

const temp = temporaryFolders('precompress');

function precompress(dist: string, cache: string): string {
  const result = spawnSync(process.execPath, ['scripts/precompress.ts', dist], { env: { ...process.env, DUDAO_PRECOMPRESS_CACHE: cache }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('pre-compression', () => {
  it('writes .br and .gz of every page, links them from the cache, and removes those of pages that are gone', () => {
    const root = temp();
    const dist = join(root, 'dist');
    const cache = join(root, 'cache');
    const page = `<!doctype html><html lang="zh-CN"><p>${'督导工作要点，'.repeat(100)}</p></html>`;
    mkdirSync(join(dist, 'a'), { recursive: true });
    mkdirSync(join(dist, 'b'), { recursive: true });
    writeFileSync(join(dist, 'a/index.html'), page);
    writeFileSync(join(dist, 'b/index.html'), page.replace('督导', '督学'));
    writeFileSync(join(dist, 'small.html'), '<p>小</p>');

    expect(precompress(dist, cache)).toMatch(/2 files \(2 compressed/u);
    expect(brotliDecompressSync(readFileSync(join(dist, 'a/index.html.br'))).toString()).toBe(page);
    expect(gunzipSync(readFileSync(join(dist, 'a/index.html.gz'))).toString()).toBe(page);
    expect(existsSync(join(dist, 'small.html.br'))).toBe(false);

    // Again, as on a kept dist/: nothing compressed, the same files in place, each a link to its entry.
    const before = statSync(join(dist, 'a/index.html.br')).ino;
    rmSync(join(dist, 'b/index.html'));
    expect(precompress(dist, cache)).toMatch(/1 files \(0 compressed on 0 threads, 1 from cache.*2 outdated removed/u);
    expect(statSync(join(dist, 'a/index.html.br')).ino).toBe(before);
    expect(statSync(join(dist, 'a/index.html.br')).nlink).toBe(2);
    expect(existsSync(join(dist, 'b/index.html.br'))).toBe(false);
    expect(existsSync(join(dist, 'b/index.html.gz'))).toBe(false);
  });
});
