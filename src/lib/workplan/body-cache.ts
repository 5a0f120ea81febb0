// A cache of parsed work-plan bodies between builds. Every build reads every plan's structure (the
// catalogues, the theme index and the page keys need all of them); at 3,000 plans parsing the MDX
// again took 1.6 s of a rebuild in which one plan had changed.
//
// An entry is the body as JSON, named by the digest of the file's text and of `codeKey`: the code
// that turns text into a body (the build passes a digest of the sources under src/ and of the
// lockfile, so any change to the parser, its dependencies or the schema starts afresh). A body is
// plain data (src/schemas/workplan.ts), so JSON keeps all of it; a file that fails to parse is
// never cached, so its error is reported on every build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkplanBody } from '../../schemas/workplan.ts';

export interface BodyCache {
  /** The body of `source`, from the cache or from `parse` (and then cached). */
  body(source: string, parse: () => WorkplanBody): WorkplanBody;
  /** Remove the entries this build did not use; returns how many bodies were parsed and how many read from the cache. */
  finish(): { parsed: number; cached: number };
}

/** Entries are `<40 hex>.json`: only such files are ever removed from `dir`. */
const entryName = /^[0-9a-f]{40}\.json$/u;

export function openBodyCache(dir: string, codeKey: string): BodyCache {
  mkdirSync(dir, { recursive: true });
  const used = new Set<string>();
  let parsed = 0;
  let cached = 0;
  return {
    body(source, parse) {
      const name = `${createHash('sha256').update(codeKey).update('\0').update(source).digest('hex').slice(0, 40)}.json`;
      used.add(name);
      const path = join(dir, name);
      if (existsSync(path)) {
        try {
          const body = JSON.parse(readFileSync(path, 'utf8')) as WorkplanBody;
          cached++;
          return body;
        } catch {
          // A damaged entry (an interrupted write): parse the text again and replace it.
        }
      }
      const body = parse();
      writeFileSync(path, JSON.stringify(body));
      parsed++;
      return body;
    },
    finish() {
      for (const name of readdirSync(dir)) if (entryName.test(name) && !used.has(name)) rmSync(join(dir, name), { force: true });
      return { parsed, cached };
    },
  };
}

/** A digest of the files under `dir` (recursively) whose names end in one of `extensions`, and of `extra` files. */
export function digestOfFiles(dir: string, extensions: string[], extra: string[] = []): string {
  const hash = createHash('sha256');
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => extensions.some((extension) => name.endsWith(extension)))
    .map((name) => name.split('\\').join('/'))
    .sort();
  for (const name of names) hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
  for (const file of extra) if (existsSync(file)) hash.update(file).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}
