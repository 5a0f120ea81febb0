import { describe, expect, it } from 'vitest';
import { readMdxDivisions } from '../../../src/lib/handbook/mdx-divisions';
import { findDivisionId } from '../../../src/lib/handbook/links';

const body = `
<Masthead issuers={["区政府"]} />
<Division id="s1" level="section" number={"一、"} heading={"优化管理体制"}>
<Division id="s1-c1" level="clause" number={"（一）"} heading={"完善机构设置。"}>
正文 {"<"} 与 \`}\` 文字
</Division>
<Division id="s1-c2" level="clause" number="（二）" heading={"全面落实\\"职能\\"。"} />
</Division>
<Division id="s3" level="section" number={"三、"} heading={"健全问责机制"}>
<Division id="s3-c13" level="clause" number={"（十三）"} heading={"严肃约谈制度。"}>
<Note text={"（责任单位：区教委）"} />
</Division>
</Division>
`;

describe('readMdxDivisions', () => {
  it('reads nested divisions with ids and printed numbers, in document order', () => {
    const tree = readMdxDivisions(body);
    expect(tree.map((d) => d.id)).toEqual(['s1', 's3']);
    expect(tree[0]?.children.map((d) => [d.id, d.number])).toEqual([
      ['s1-c1', '（一）'],
      ['s1-c2', '（二）'],
    ]);
    expect(findDivisionId(tree, ['（十三）'])).toBe('s3-c13');
    expect(findDivisionId(tree, ['三、', '（十三）'])).toBe('s3-c13');
  });

  it('ignores components without an id and number, and tolerates escaped quotes', () => {
    const tree = readMdxDivisions('<Point id="p1" number={"1."} lead={"他说\\"好\\"。"}><Theme name="x" /></Point>');
    expect(tree).toEqual([{ id: 'p1', number: '1.', children: [] }]);
  });

  it('returns an empty tree for a body without divisions', () => {
    expect(readMdxDivisions('纯文本')).toEqual([]);
  });
});
