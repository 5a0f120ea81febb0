import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from '../../support/temp';
import { distIsFromCache, distStamp, ownedByPostBuildSteps, staleFiles, writeStamps } from '../../../src/integrations/keep-dist';

const temp = temporaryFolders('keep-dist');
function write(root: string, file: string, text = 'x', old = false): void {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
  if (old) utimesSync(join(root, file), new Date('2020-01-01'), new Date('2020-01-01'));
}

describe('keeping dist/ between builds', () => {
  it('keeps dist/ only when it is the finished output of the last build with the same cache', () => {
    const root = temp();
    const [dist, other, cache] = ['dist', 'dist-other', 'cache'].map((name) => join(root, name)) as [string, string, string];
    mkdirSync(dist);
    mkdirSync(other);
    expect(distIsFromCache(dist, cache)).toBe(false);
    writeStamps(dist, cache);
    expect(distIsFromCache(dist, cache)).toBe(true);
    // Another cache, or a later build into another folder with this cache.
    expect(distIsFromCache(dist, join(root, 'cache-2'))).toBe(false);
    writeStamps(other, cache);
    expect(distIsFromCache(dist, cache)).toBe(false);
    expect(distIsFromCache(other, cache)).toBe(true);
    // A build that stopped half-way removed the stamp first.
    rmSync(join(other, distStamp));
    expect(distIsFromCache(other, cache)).toBe(false);
  });

  it('lists as stale only old files that were neither kept nor in public/ nor owned by a later step', () => {
    const root = temp();
    const dist = join(root, 'dist');
    const publicDir = join(root, 'public');
    write(dist, 'workplans/kept/index.html', 'kept', true);
    write(dist, 'workplans/gone/index.html', 'gone', true);
    write(dist, '_astro/old.js', 'old', true);
    write(dist, '_astro/new.js', 'new');
    write(dist, 'fonts/dudao-sans-core.ttf', 'font', true);
    write(publicDir, 'fonts/dudao-sans-core.ttf', 'font');
    write(dist, 'fonts/dudao-sans-09.ttf', 'slice no longer built', true);
    for (const owned of ['workplans/gone/index.html.br', 'search/shards/00.json', 'search/meta.json', 'sw.js', '_nginx/security-headers.conf']) write(dist, owned, 'owned', true);
    write(dist, distStamp, 'id', true);
    const stale = staleFiles(dist, { since: Date.now() - 60_000, kept: new Set(['workplans/kept/index.html']), publicDir });
    expect(stale).toEqual(['_astro/old.js', 'fonts/dudao-sans-09.ttf', 'workplans/gone/index.html']);
  });

  it('leaves to the later steps exactly their own files', () => {
    expect(['a/index.html.br', 'a/index.html.gz', 'search/texts/01.json', 'search/search.js', 'sw.js', '_nginx/x.conf'].every(ownedByPostBuildSteps)).toBe(true);
    expect(['search/index.html', 'index.html', 'sw-register.js', '_headers', 'search.js'].some(ownedByPostBuildSteps)).toBe(false);
  });
});
