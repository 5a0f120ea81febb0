// A content file that breaks its schema fails the build with a message naming the file and field.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroBuild } from '../support/astro-build';

/** Build the site against a copy of content/ with one extra file, and return the outcome. */
function buildWith(relativePath: string, text: string) {
  const root = mkdtempSync(join(tmpdir(), 'dudao-broken-'));
  cpSync('content', join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'content', relativePath), text);
  const outcome = astroBuild(join(root, 'content'), join(root, 'dist'));
  rmSync(root, { recursive: true, force: true });
  return outcome;
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

  it('fails the build when a framework formula names an unknown field, naming the file and the path', () => {
    const framework = [
      'id: broken-framework',
      'title: 测试',
      'version: "1"',
      'issuer: 测试',
      'source: { title: 《测试》, tag: V }',
      'subject: school',
      'stages: [小学]',
      'summary: 测试',
      'scoring: criteria',
      'dimensions:',
      '  - id: d',
      '    title: 维度',
      '    indicators:',
      '      - id: i',
      '        title: 指标',
      '        source: { title: 《测试》, tag: V }',
      '        points:',
      '          - { id: students, title: 学生数, input: { kind: integer } }',
      '          - { id: ratio, title: 比值, input: { kind: derived, formula: teachers ÷ students × 100 } }',
      'bands: [{ colour: green, label: 绿, meaning: 好 }]',
    ].join('\n');
    const { status, output } = buildWith('frameworks/broken-framework.yaml', `${framework}\n`);
    expect(status).not.toBe(0);
    expect(output).toContain('broken-framework.yaml');
    expect(output).toContain('dimensions.0.indicators.0.points.1.input.formula');
    expect(output).toContain('公式引用了不存在的要点 “teachers”');
  });
});
