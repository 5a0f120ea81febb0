// The MDX serializer: escaping is exact, every file compiles with the reference MDX compiler
// (@mdx-js/mdx) and with the one Astro uses (satteri), and reading a written document (compiled
// by satteri, read from the syntax tree) gives the document back.
import { compile } from '@mdx-js/mdx';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { mdxToJs, mdxToMdast, type MdastNode } from 'satteri';
import { describe, expect, it } from 'vitest';
import { escapeMdxText, readWorkplanMdx, toMdx } from '../../../src/lib/workplan/mdx';
import { parseWorkplan } from '../../../src/lib/workplan/parse';
import { normaliseSpacing } from '../../../src/lib/workplan/spacing';
import type { Block, Division, WorkplanBody, WorkplanDocument } from '../../../src/schemas/workplan';

/** Characters that mean something to Markdown, MDX or GFM, plus Chinese text and digits. */
const nastyChars = [...'<>{}*_[]\\#-+=.)(!|~`&:@"\'/$^ 1中文。，“”'];
const nastyText = fc
  .array(fc.constantFrom(...nastyChars, 'import ', 'export ', 'www.', 'http://a.b/c_d', 'a@b.cn', '&amp;', '<b>', '{x}', '1. ', '# ', '> ', '- '), { minLength: 1, maxLength: 12 })
  .map((parts) => normaliseSpacing(parts.join('')))
  .filter((text) => text.length > 0);

const nastyDocumentText = [
  '2024年余杭区教育督导工作要点',
  'import { x } from "y"; export const a = 1;',
  '一、<script>alert(1)</script> {危险} *强调* _下划线_',
  '1.落实<督政>{督学}要求。正文含 [链接](http://example.com) 与 ![图](x.png)、#标签、> 引用、- 列表、&amp; 实体、|a|b|、~~删除~~、`代码`、\\反斜杠\\、a_b_c、www.example.com、user@example.com、https://example.com/a_b。',
  '2.export default 1。# 不是标题。',
  '3.1) 不是列表。=== 不是标题。--- 也不是。',
].join('\n');

function paragraphsOfMdast(node: MdastNode): string[] {
  const text = (n: MdastNode): string =>
    'value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? (n.children as MdastNode[]).map(text).join('') : '';
  if (node.type === 'paragraph') return [text(node)];
  if ('children' in node) return (node.children as MdastNode[]).flatMap(paragraphsOfMdast);
  return [];
}

/** The paragraphs of a body in the order the MDX file writes them. */
function paragraphsInFileOrder(body: WorkplanBody): string[] {
  const blocks = (list: Block[]): string[] =>
    list.flatMap((block) => (block.type === 'paragraph' ? [block.text] : block.type === 'list' ? block.items.map((item) => item.text).filter(Boolean) : []));
  const division = (d: Division): string[] => [...blocks(d.blocks), ...d.children.flatMap(division)];
  return [...(body.notice?.paragraphs ?? []), ...blocks(body.preamble), ...body.divisions.flatMap(division), ...body.closing.paragraphs];
}

const seedFiles = readdirSync('content/workplans').filter((name) => name.endsWith('.mdx')).map((name) => `content/workplans/${name}`);
const nasty = toMdx(parseWorkplan(nastyDocumentText, { sourceName: 'nasty.txt' }).doc);

describe('escaping', () => {
  it('satteri (the compiler Astro uses) reads any escaped paragraph back as the text', () => {
    fc.assert(
      fc.property(nastyText, (text) => {
        expect(paragraphsOfMdast(mdxToMdast(`<Point id="p1">\n\n${escapeMdxText(text)}\n\n</Point>\n`))).toEqual([text]);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves Chinese prose readable', () => {
    expect(escapeMdxText('巩固创建成果，完善推进机制。')).toBe('巩固创建成果，完善推进机制。');
    expect(escapeMdxText('1.巩固')).toBe('1\\.巩固');
  });
});

describe.each([...seedFiles.map((file) => [file, readFileSync(file, 'utf8')]), ['a hand-made nasty document', nasty]])('%s', (file, mdx) => {

  it('compiles with @mdx-js/mdx', async () => {
    await expect(compile(mdx)).resolves.toBeTruthy();
  });

  it('compiles with satteri (the MDX compiler Astro uses)', () => {
    expect(() => mdxToJs(mdx)).not.toThrow();
  });

  it('@mdx-js/mdx reads exactly the paragraph text satteri reads', async () => {
    const { createProcessor } = await import('@mdx-js/mdx');
    // Without remark-frontmatter the reference parser would read the YAML as text: give it the body.
    const reference = createProcessor().parse(mdx.replace(/^---\n[^]*?\n---\n/u, '')) as unknown as MdastNode;
    expect(paragraphsOfMdast(reference)).toEqual(paragraphsInFileOrder(readWorkplanMdx(mdx, file).body));
  });
});

describe('round trip', () => {
  const seed = readWorkplanMdx(readFileSync(seedFiles[0]!, 'utf8'), seedFiles[0]!);
  const blockArb: fc.Arbitrary<Block> = fc.oneof(
    nastyText.map((text) => ({ type: 'paragraph' as const, text })),
    nastyText.map((text) => ({ type: 'note' as const, text })),
    fc.array(fc.record({ marker: nastyText, text: fc.oneof(nastyText, fc.constant('')) }), { minLength: 1, maxLength: 3 }).map((items) => ({ type: 'list' as const, items })),
  );
  // Structures the importer writes: sections only at the top (all top-level divisions, or none),
  // clauses and points anywhere below; ids unique (assigned after generation).
  const divisionArb = (depth: number, levels: Division['level'][]): fc.Arbitrary<Division> =>
    fc.record({
      id: fc.constant(''),
      level: fc.constantFrom(...levels),
      number: nastyText,
      heading: nastyText,
      blocks: fc.array(blockArb, { maxLength: 3 }),
      children: depth > 0 ? fc.array(divisionArb(depth - 1, ['clause', 'point']), { maxLength: 2 }) : fc.constant([]),
    });
  const withIds = (divisions: Division[], prefix = 'd'): Division[] =>
    divisions.map((division, index) => ({ ...division, id: `${prefix}${index}`, children: withIds(division.children, `${prefix}${index}-`) }));
  const divisionsArb = fc
    .oneof(fc.array(divisionArb(2, ['section']), { maxLength: 3 }), fc.array(divisionArb(2, ['clause', 'point']), { maxLength: 3 }))
    .map((divisions) => withIds(divisions));
  const optionalText = fc.option(nastyText, { nil: undefined });
  const bodyArb: fc.Arbitrary<WorkplanBody> = fc
    .record({
      masthead: fc.option(fc.record({ issuers: fc.array(nastyText, { maxLength: 2 }), documentNumber: optionalText }), { nil: undefined }),
      notice: fc.option(
        fc.record({
          title: optionalText,
          recipients: optionalText,
          paragraphs: fc.array(nastyText, { maxLength: 2 }),
          attachments: fc.array(nastyText, { maxLength: 2 }),
          signature: fc.array(nastyText, { maxLength: 2 }),
          date: optionalText,
          publication: optionalText,
        }),
        { nil: undefined },
      ),
      title: nastyText,
      preamble: fc.array(blockArb, { maxLength: 2 }),
      divisions: divisionsArb,
      closing: fc.record({
        paragraphs: fc.array(nastyText, { maxLength: 2 }),
        signature: fc.array(nastyText, { maxLength: 2 }),
        date: optionalText,
        publication: optionalText,
        attachments: fc.array(nastyText, { maxLength: 1 }),
        cc: optionalText,
        printed: fc.array(nastyText, { maxLength: 2 }),
      }),
    })
    .map((body) => JSON.parse(JSON.stringify(body)) as WorkplanBody); // drop undefined keys, as the schema output does

  it('readWorkplanMdx(toMdx(doc)) deep-equals doc for any document', () => {
    fc.assert(
      fc.property(bodyArb, (body) => {
        const doc: WorkplanDocument = { frontmatter: seed.frontmatter, body };
        expect(readWorkplanMdx(toMdx(doc), 'x.mdx')).toEqual(doc);
      }),
      { numRuns: 200 },
    );
  });

  it('names the file and the line of a file that does not compile', () => {
    const mdx = readFileSync(seedFiles[0]!, 'utf8').replace(/<\/(Point|Clause)>/u, '</Section>');
    expect(() => readWorkplanMdx(mdx, 'content/workplans/x.mdx')).toThrow(/^content\/workplans\/x\.mdx:\d+:\d+: MDX 语法错误：Unexpected closing tag `<\/Section>`/u);
  });
});
