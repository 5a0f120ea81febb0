// The shared import (what scripts/import.ts writes and what the publish page puts in its zip) gives
// the committed MDX of each seed byte for byte, with micromark (the browser's parser) as with satteri.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/workplan/import-core';
import { importWorkplanFiles } from '../../../src/lib/workplan/importer';
import { parseMdxPortable } from '../../../src/lib/workplan/mdx-portable';

const root = join(import.meta.dirname, '../../..');
const SEEDS: [string, string][] = [
  ['000_f75fc5696027337f.txt', 'content/workplans/2025-nanan-gongzuoyaodian.mdx'],
  ['001_fe831d2f7d40eae4.txt', 'content/workplans/2026-qijiang-gongzuoyaodian.mdx'],
  ['002_79b1842ce61c72f1.txt', 'content/workplans/2023-fuling-gongzuoyaodian.mdx'],
  ['003_ffd285beb26a04d6.txt', 'content/workplans/2021-nanan-shishifangan.mdx'],
  ['004_546e250b90f793a2.txt', 'content/workplans/2022-minhang-gongzuoyaodian.mdx'],
];

describe('importFiles on each seed', () => {
  for (const [name, mdxPath] of SEEDS) {
    const bytes = new Uint8Array(readFileSync(join(root, 'content/sources', name)));
    const committed = readFileSync(join(root, mdxPath), 'utf8');

    it(`${name}: the Node import names both files and gives the committed MDX`, async () => {
      const files = await importWorkplanFiles(name, bytes, {});
      expect(files.sourcePath).toBe(`content/sources/${name}`);
      expect(files.sourceBytes).toEqual(bytes);
      expect(files.mdxPath).toBe(mdxPath);
      expect(files.mdxText).toBe(committed);
    });

    it(`${name}: the browser's environment (micromark, coverage handed in) gives the same files`, async () => {
      const node = await importWorkplanFiles(name, bytes, {});
      const browser = await importFiles(name, bytes, {}, { parseMdx: parseMdxPortable, coverage: new Set() });
      expect(browser.mdxPath).toBe(mdxPath);
      expect(browser.mdxText).toBe(committed);
      expect(browser.removals).toEqual(node.removals);
    });
  }
});

describe('parseMdxPortable', () => {
  it('names the file and line of an MDX syntax error', () => {
    expect(() => parseMdxPortable('---\ntitle: x\n---\n\n<Title text={"a"} \n', 'bad.mdx')).toThrow(/^bad\.mdx:\d+:\d+: MDX 语法错误：/u);
  });
});
