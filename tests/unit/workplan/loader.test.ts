import { describe, expect, it } from 'vitest';
import { frontmatterOf } from '../../../src/lib/workplan/loader';

describe('the work-plan loader reads the frontmatter', () => {
  it('as written, with a BOM or Windows line ends', () => {
    expect(frontmatterOf('---\ntitle: 测试\nyear: 2025\n---\n\n正文\n', 'a.mdx')).toEqual({ title: '测试', year: 2025 });
    expect(frontmatterOf('\uFEFF---\r\ntitle: 喆\r\n---\r\n', 'b.mdx')).toEqual({ title: '喆' });
  });

  it('refuses a file without it, broken YAML or a list, naming the file in Chinese', () => {
    expect(() => frontmatterOf('正文\n', 'workplans/x.mdx')).toThrow('workplans/x.mdx：文件开头缺少 --- 包围的 frontmatter');
    expect(() => frontmatterOf('---\ntitle: [未闭合\n---\n', 'workplans/y.mdx')).toThrow(/^workplans\/y\.mdx：frontmatter 不是有效的 YAML/u);
    expect(() => frontmatterOf('---\n- 一\n- 二\n---\n', 'workplans/z.mdx')).toThrow('workplans/z.mdx：frontmatter 要是“字段: 值”的列表');
  });
});
