// The SHA-256 of files in dist/, remembered between builds by each file's inode, size, modification
// and change times, so the steps after `astro build` read only the files that changed. At 3,000
// plans the three steps that look at every page (security headers, search index, pre-compression)
// read 250 MB each on a rebuild in which one plan had changed; dist/ is kept between builds
// (src/integrations/keep-dist.ts), so an unchanged page keeps its inode and times.
//
// As git does for its index, an entry is saved only when the file's times are at least two seconds
// older than the save: a file written again within the same clock tick, with the same size, would
// otherwise keep its old digest.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

interface Entry {
  /** inode:size:mtimeNs:ctimeNs */
  signature: string;
  digest: string;
  /** ctime in ms, to leave out racy entries when saving. */
  changed: number;
}

const racyMs = 2000;

export class FileDigests {
  readonly #path: string;
  readonly #now: () => number;
  #previous: Record<string, Entry> = {};
  readonly #next: Record<string, Entry> = {};
  /** Files read (and hashed) because their digest was not known. */
  read = 0;

  /** `path`: the JSON file that remembers digests (missing or damaged: everything is read). */
  constructor(path: string, options: { now?: () => number } = {}) {
    this.#path = resolve(path);
    this.#now = options.now ?? Date.now;
    try {
      this.#previous = (JSON.parse(readFileSync(this.#path, 'utf8')) as { files: Record<string, Entry> }).files ?? {};
    } catch {
      this.#previous = {};
    }
  }

  /** The SHA-256 (hex) of a file's bytes. */
  digest(file: string): string {
    const path = resolve(file);
    const stat = statSync(path, { bigint: true });
    const signature = `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
    const known = this.#previous[path];
    if (known && known.signature === signature) {
      this.#next[path] = known;
      return known.digest;
    }
    this.read++;
    const digest = createHash('sha256').update(readFileSync(path)).digest('hex');
    this.#next[path] = { signature, digest, changed: Number(stat.ctimeNs / 1_000_000n) };
    return digest;
  }

  /** Remember the digests of the files asked for in this run (only theirs: files that are gone are forgotten). */
  save(): void {
    const before = this.#now() - racyMs;
    const files = Object.fromEntries(Object.entries(this.#next).filter(([, entry]) => entry.changed < before));
    mkdirSync(dirname(this.#path), { recursive: true });
    const temporary = `${this.#path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ files }));
    renameSync(temporary, this.#path);
  }
}
