// Keep dist/ between builds when it is the output of the last build that used the same Astro cache.
//
// Astro empties dist/ before every build, and its incremental build (experimental.incrementalBuild)
// then copies every unchanged page back from its cache: at 3,000 plans, emptying and copying 5,400
// pages was 5 s of a 15 s rebuild. With `vite.build.emptyOutDir: false` Astro leaves an unchanged
// page where it is, but then it trusts whatever dist/ holds. So dist/ is kept only when it is known
// to be the output of this cache's last build:
// - a finished build writes the same random id to dist/.dudao-build and to
//   <cacheDir>/dudao-dist.json (with dist/'s path); the next build keeps dist/ only when both say
//   the same, and removes dist/.dudao-build first, so a build that stops half-way leaves a dist/
//   that the next build empties;
// - a build into another folder, or another build with the same cache, changes the cache's id;
// - after a kept build, every file the build did not write or keep is removed (a plan that is gone,
//   a script of an earlier bundle, a font slice no longer in public/), except the files the
//   post-build steps own (.br/.gz, the search index, sw.js, _nginx/), which they replace or prune.
import type { AstroIntegration } from 'astro';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const distStamp = '.dudao-build';
const cacheStamp = 'dudao-dist.json';

/** Files of dist/ that the steps after `astro build` write and prune themselves (paths relative to dist/, with /). */
export function ownedByPostBuildSteps(file: string): boolean {
  return /\.(br|gz)$/u.test(file) || /^search\/(shards|texts|docs)\//u.test(file) || /^search\/(meta\.json|search\.js)$/u.test(file) || file === 'sw.js' || file.startsWith('_nginx/');
}

/** True when `outDir` is the finished output of the last build that used `cacheDir`. */
export function distIsFromCache(outDir: string, cacheDir: string): boolean {
  try {
    const id = readFileSync(join(outDir, distStamp), 'utf8').trim();
    const stamp = JSON.parse(readFileSync(join(cacheDir, cacheStamp), 'utf8')) as { id?: unknown; outDir?: unknown };
    return id.length > 0 && stamp.id === id && stamp.outDir === resolve(outDir);
  } catch {
    return false;
  }
}

/** Mark `outDir` as the finished output of this build with `cacheDir`. */
export function writeStamps(outDir: string, cacheDir: string): void {
  const id = randomBytes(16).toString('hex');
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, cacheStamp), JSON.stringify({ id, outDir: resolve(outDir) }));
  writeFileSync(join(outDir, distStamp), id);
}

/**
 * Files of a kept dist/ that this build neither wrote (modified before `since`) nor kept (`kept`:
 * its pages, written or left in place), that are not in public/ and that no post-build step owns.
 * Paths relative to dist/, with /.
 */
export function staleFiles(outDir: string, options: { since: number; kept: ReadonlySet<string>; publicDir: string }): string[] {
  const stale: string[] = [];
  for (const entry of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    const file = entry.split('\\').join('/');
    if (file === distStamp || options.kept.has(file) || ownedByPostBuildSteps(file)) continue;
    const stat = statSync(join(outDir, file));
    if (!stat.isFile() || stat.mtimeMs >= options.since) continue;
    if (existsSync(join(options.publicDir, file))) continue;
    stale.push(file);
  }
  return stale.sort();
}

/** Remove files, then the folders they leave empty (up to, not including, `outDir`). */
function removeFiles(outDir: string, files: string[]): void {
  const root = resolve(outDir);
  for (const file of files) {
    rmSync(join(root, file), { force: true });
    for (let dir = dirname(join(root, file)); dir.startsWith(root + '/') || dir.startsWith(root + '\\'); dir = dirname(dir)) {
      if (readdirSync(dir).length > 0) break;
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

export function keepDist(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let publicDir = '';
  let since = 0;
  let kept = false;
  return {
    name: 'dudao:keep-dist',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build') return;
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        publicDir = fileURLToPath(config.publicDir);
        // File times are coarse (a few ms): a second's margin, far less than any build takes.
        since = Date.now() - 1000;
        kept = existsSync(outDir) && distIsFromCache(outDir, cacheDir);
        rmSync(join(outDir, distStamp), { force: true });
        if (kept) {
          updateConfig({ vite: { build: { emptyOutDir: false } } });
          logger.info('dist/ is the output of the last build with this cache: unchanged pages stay in place');
        }
      },
      'astro:build:done': ({ assets, logger }) => {
        if (!outDir) return;
        if (kept) {
          const root = resolve(outDir);
          const keptFiles = new Set<string>();
          for (const urls of assets.values()) for (const url of urls) keptFiles.add(fileURLToPath(url).slice(root.length + 1).split('\\').join('/'));
          const stale = staleFiles(outDir, { since, kept: keptFiles, publicDir });
          removeFiles(outDir, stale);
          if (stale.length > 0) logger.info(`removed ${stale.length} file(s) of earlier builds: ${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ', …' : ''}`);
        }
        writeStamps(outDir, cacheDir);
      },
    },
  };
}
