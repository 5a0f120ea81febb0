// Temporary folders for a test file, removed after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A function that makes a new temporary folder (`dudao-<name>-…`); every folder it made is removed after each test. */
export function temporaryFolders(name: string): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), `dudao-${name}-`));
    made.push(dir);
    return dir;
  };
}
