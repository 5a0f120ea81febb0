// `npm run import`: writes one MDX per document, prints what it removed, refuses to overwrite
// without --force, and on bad input exits non-zero with file:line and writes nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const seed = 'content/sources/000_f75fc5696027337f.txt';

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test starts the CLI one to three times, and each start loads zod, pinyin, docx and the MDX
// compiler: seconds on a busy machine, beyond vitest's default 5 s per test.
describe('npm run import', { timeout: 30_000 }, () => {
  it('writes the MDX, prints the removed artefacts, and is idempotent', () => {
    const out = mkdtempSync(join(tmpdir(), 'dudao-import-'));
    const first = run(seed, '--out', out);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/2025-nanan-gongzuoyaodian\.mdx \(written/u);
    expect(first.stdout).toContain(`${seed}:31: bookmark: 删除了 Word 书签 [bookmark: OLE_LINK1]`);
    expect(readFileSync(join(out, '2025-nanan-gongzuoyaodian.mdx'), 'utf8')).toBe(
      readFileSync('content/workplans/2025-nanan-gongzuoyaodian.mdx', 'utf8'),
    );
    const again = run(seed, '--out', out);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/\(unchanged/u);
  });

  it('refuses to overwrite a different file without --force, and replaces it with --force', () => {
    const out = mkdtempSync(join(tmpdir(), 'dudao-import-'));
    const target = join(out, '2025-nanan-gongzuoyaodian.mdx');
    writeFileSync(target, 'edited by hand\n');
    const refused = run(seed, '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/已存在且内容不同；要替换它请加 --force/u);
    expect(readFileSync(target, 'utf8')).toBe('edited by hand\n');
    const forced = run(seed, '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/\(replaced/u);
    expect(readdirSync(out)).toEqual(['2025-nanan-gongzuoyaodian.mdx']);
  });

  it.each([
    ['an empty file', '', /empty\.txt:1: 文件是空的/u],
    ['a binary file', '\u0000\u0001PNG', /empty\.txt:1: 这是二进制文件/u],
    ['a file with no title', '一、督政\n1.开展评价。\n', /empty\.txt:1: 找不到标题/u],
    ['a file with no structure', '2024年余杭区教育督导工作要点\n只有一段话。\n', /empty\.txt:1: 没有层次结构/u],
  ])('exits non-zero on %s, names file and line, and writes nothing', (_, content, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'dudao-import-'));
    const file = join(dir, 'empty.txt');
    writeFileSync(file, content);
    const out = join(dir, 'out');
    const result = run(file, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.startsWith(file)).toBe(true);
    expect(readdirSync(dir)).toEqual(['empty.txt']);
  });

  it.each([
    ['a line break', 'a\nb.txt', /^"[^\n]*a\\nb\.txt": 文件名的第 2 个字符是换行符（U\+000A）/u],
    ['a tab', 'a\tb.txt', /^"[^\n]*a\\tb\.txt": 文件名的第 2 个字符是制表符（U\+0009）/u],
    ['a right-to-left override', 'a\u202eb.txt', /文件名的第 2 个字符是不可见的控制字符（U\+202E）/u],
  ])('refuses a source file name with %s with a message, not a stack trace', (_, name, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'dudao-import-'));
    const file = join(dir, name);
    writeFileSync(file, '2024年西湖区教育督导工作要点\n一、督政\n1.开展评价。\n');
    const result = run(file, '--out', join(dir, 'out'), '--region', '浙江省/杭州市/西湖区');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names a folder given instead of a file, without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dudao-import-'));
    const result = run(dir, '--out', join(dir, 'out'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${dir}: 这是一个文件夹，不是文件；请给出其中的 .txt 或 .docx 文件\n`);
  });

  it('uses --slug and --region when given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dudao-import-'));
    const file = join(dir, 'plan.txt');
    writeFileSync(file, '2024年西湖区教育督导工作要点\n一、督政\n1.开展评价。\n');
    const result = run(file, '--out', dir, '--slug', 'xihu-2024', '--region', '江西省/南昌市/西湖区');
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'xihu-2024.mdx'), 'utf8')).toMatch(/province: 江西省\n {2}city: 南昌市\n {2}district: 西湖区/u);
  });

  it('imports a copy of every seed to the same files as committed', () => {
    const out = mkdtempSync(join(tmpdir(), 'dudao-import-'));
    const sources = readdirSync('content/sources').map((name) => join('content/sources', name));
    const result = run(...sources, '--out', out, '--quiet');
    expect(result.code).toBe(0);
    for (const name of readdirSync('content/workplans')) {
      expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join('content/workplans', name), 'utf8'));
    }
  });
});
