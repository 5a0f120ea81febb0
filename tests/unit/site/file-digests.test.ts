import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileDigests } from '../../../scripts/lib/file-digests';
import { temporaryFolders } from '../../support/temp';

const temp = temporaryFolders('digests');

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** A clock some seconds ahead: the files written by the test are then old enough to be remembered. */
const later = () => Date.now() + 10_000;

describe('file digests remembered between runs', () => {
  it('reads a file once while it is unchanged, and again when it changes, even to the same size', () => {
    const dir = temp();
    const store = join(dir, 'cache', 'digests.json');
    const page = join(dir, 'index.html');
    writeFileSync(page, '<p>督导</p>');

    const first = new FileDigests(store, { now: later });
    expect(first.digest(page)).toBe(sha256('<p>督导</p>'));
    expect(first.read).toBe(1);
    first.save();

    const second = new FileDigests(store, { now: later });
    expect(second.digest(page)).toBe(sha256('<p>督导</p>'));
    expect(second.read).toBe(0);
    second.save();

    writeFileSync(page, '<p>督学</p>');
    const third = new FileDigests(store, { now: later });
    expect(third.digest(page)).toBe(sha256('<p>督学</p>'));
    expect(third.read).toBe(1);
  });

  it('does not remember a file changed within two seconds of saving, nor trust a damaged store', () => {
    const dir = temp();
    const store = join(dir, 'digests.json');
    const page = join(dir, 'index.html');
    writeFileSync(page, '甲');
    const first = new FileDigests(store);
    first.digest(page);
    first.save();
    const second = new FileDigests(store);
    second.digest(page);
    expect(second.read).toBe(1);

    writeFileSync(store, '{"files": {');
    const damaged = new FileDigests(store);
    expect(damaged.digest(page)).toBe(sha256('甲'));
    expect(damaged.read).toBe(1);
  });
});
