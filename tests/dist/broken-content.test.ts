// A content file that breaks its schema fails the build with a message naming the file and field.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** Build the site against a copy of content/ with one extra file, and return the outcome. */
function buildWith(relativePath: string, text: string) {
  const root = mkdtempSync(join(tmpdir(), 'dudao-broken-'));
  cpSync('content', join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'content', relativePath), text);
  const result = spawnSync('npx', ['astro', 'build', '--outDir', join(root, 'dist')], {
    env: { ...process.env, DUDAO_CONTENT_DIR: join(root, 'content') },
    encoding: 'utf8',
  });
  rmSync(root, { recursive: true, force: true });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('a broken content file', () => {
  it('fails the build and names the file and the bad field', () => {
    const { status, output } = buildWith(
      'workplans/broken-fixture.mdx',
      '---\ntitle: 测试文件\nkind: 工作要点\nregion:\n  province: 重庆市\n  district: 南岸区\nyear: 二〇二五\nissuers: []\n---\n\n正文\n',
    );
    expect(status).not.toBe(0);
    expect(output).toContain('broken-fixture.mdx');
    expect(output).toMatch(/year/);
  });
});
