import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from '../../support/temp';
import { digestOfFiles, openBodyCache } from '../../../src/lib/workplan/body-cache';
import { readWorkplanBody } from '../../../src/lib/workplan/mdx';

const temp = temporaryFolders('body-cache');

const plans = readdirSync('content/workplans').filter((name) => name.endsWith('.mdx'));

describe('the cache of parsed work-plan bodies', () => {
  it('gives back every seed plan exactly as parsed', () => {
    const dir = temp();
    const first = openBodyCache(dir, 'code-1');
    const parsed = plans.map((name) => {
      const source = readFileSync(join('content/workplans', name), 'utf8');
      return first.body(source, () => readWorkplanBody(source, name));
    });
    expect(first.finish()).toEqual({ parsed: plans.length, cached: 0 });

    const second = openBodyCache(dir, 'code-1');
    plans.forEach((name, index) => {
      const source = readFileSync(join('content/workplans', name), 'utf8');
      const body = second.body(source, () => {
        throw new Error(`${name} parsed again`);
      });
      expect(body, name).toStrictEqual(JSON.parse(JSON.stringify(parsed[index])));
      expect(body, name).toEqual(readWorkplanBody(source, name));
    });
    expect(second.finish()).toEqual({ parsed: 0, cached: plans.length });
  });

  it('parses again when the text or the code changed, and removes only its own unused entries', () => {
    const dir = temp();
    writeFileSync(join(dir, 'README.txt'), 'not an entry');
    const body = (text: string) => ({ divisions: [], blocks: [], text }) as never;
    const first = openBodyCache(dir, 'code-1');
    first.body('甲', () => body('甲'));
    first.body('乙', () => body('乙'));
    first.finish();
    expect(readdirSync(dir)).toHaveLength(3);

    let calls = 0;
    const changedText = openBodyCache(dir, 'code-1');
    changedText.body('甲', () => (calls++, body('甲')));
    changedText.body('乙（改）', () => (calls++, body('乙（改）')));
    expect(calls).toBe(1);
    expect(changedText.finish()).toEqual({ parsed: 1, cached: 1 });
    // The entry of the old 乙 is gone; the file that is not an entry stays.
    expect(readdirSync(dir).sort()).toHaveLength(3);
    expect(existsSync(join(dir, 'README.txt'))).toBe(true);

    const changedCode = openBodyCache(dir, 'code-2');
    expect(changedCode.body('甲', () => body('甲（新代码）'))).toEqual(body('甲（新代码）'));
    expect(changedCode.finish()).toEqual({ parsed: 1, cached: 0 });
  });

  it('parses again over a damaged entry, and caches nothing for a file that fails', () => {
    const dir = temp();
    const first = openBodyCache(dir, 'code');
    first.body('甲', () => ({ text: '甲' }) as never);
    first.finish();
    const [entry] = readdirSync(dir);
    writeFileSync(join(dir, entry!), '{"text": "甲');
    const second = openBodyCache(dir, 'code');
    expect(second.body('甲', () => ({ text: '重读' }) as never)).toEqual({ text: '重读' });
    expect(() =>
      second.body('坏', () => {
        throw new Error('第 3 行：MDX 语法错误');
      }),
    ).toThrow('第 3 行');
    expect(second.finish()).toEqual({ parsed: 1, cached: 0 });
    expect(readdirSync(dir)).toEqual([entry]);
  });

  it('digests the files of a folder and its subfolders, and nothing else', () => {
    const dir = temp();
    writeFileSync(join(dir, 'a.mjs'), 'export const a = 1;');
    writeFileSync(join(dir, 'notes.txt'), 'one');
    const before = digestOfFiles(dir, ['.mjs']);
    writeFileSync(join(dir, 'notes.txt'), 'two');
    expect(digestOfFiles(dir, ['.mjs'])).toBe(before);
    writeFileSync(join(dir, 'a.mjs'), 'export const a = 2;');
    expect(digestOfFiles(dir, ['.mjs'])).not.toBe(before);
  });
});
