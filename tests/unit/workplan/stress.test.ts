// Inputs that used to take quadratic time import to the right document. Timings live in the
// bench (scripts/bench-import.ts); these tests check only the output.
import { describe, expect, it } from 'vitest';
import { importWorkplan } from '../../../src/lib/workplan/importer';
import { normaliseSpacing } from '../../../src/lib/workplan/spacing';
import { walkDivisions } from '../../../src/lib/workplan/text';
import {
  bodyNameRun,
  closedBookmarks,
  commaLines,
  largeDocument,
  longNotice,
  movedAttachments,
  openBookmarks,
  spacesLine,
} from '../../fixtures/workplan/stress';

const importText = (text: string) => importWorkplan(new TextEncoder().encode(text), { sourceName: 'stress.txt' });

describe('generated worst cases', () => {
  it('drops a line of 100,000 spaces', async () => {
    const result = await importText(spacesLine());
    expect(result.doc.body.divisions[0]!.children.map((point) => point.heading)).toEqual(['开展评价。', '加强督导。']);
  });

  it('keeps 20,000 unclosed [bookmark: as text', async () => {
    const result = await importText(openBookmarks());
    expect(result.removed).toEqual([]);
    const point = result.doc.body.divisions[0]!.children[0]!;
    expect(point.blocks).toEqual([{ type: 'paragraph', text: '[bookmark:'.repeat(20_000) }]);
  });

  it('removes and reports 20,000 bookmarks', async () => {
    const result = await importText(closedBookmarks());
    expect(result.removed.filter((artefact) => artefact.kind === 'bookmark')).toHaveLength(20_000);
    expect(result.removed[0]).toMatchObject({ line: 4, text: '[bookmark: _Toc0]' });
    const point = result.doc.body.divisions[0]!.children[0]!;
    expect(point.blocks.at(-1)).toEqual({ type: 'paragraph', text: '推进第19999项。' });
  });

  it('joins 40,000 lines broken after ， into one sentence', async () => {
    const result = await importText(commaLines());
    const point = result.doc.body.divisions[0]!.children[1]!;
    expect(point.heading).toBe(`开展${'督导，'.repeat(40_000)}完成评价。`);
    expect(result.removed.filter((artefact) => artefact.kind === 'joined-lines')).toHaveLength(40_000);
  });

  it('imports a 200,000-character document', async () => {
    const text = largeDocument();
    expect(text.length).toBeGreaterThanOrEqual(200_000);
    const result = await importText(text);
    expect(walkDivisions(result.doc.body.divisions)).toHaveLength(20 + 20 * 105);
  });

  it('moves 10,000 attachment lines to the closing matter and reports each', async () => {
    const result = await importText(movedAttachments());
    expect(result.doc.body.closing.attachments).toHaveLength(10_000);
    expect(result.doc.body.closing.attachments.at(-1)).toBe('附件：10000');
    expect(result.removed.filter((artefact) => artefact.kind === 'moved')).toHaveLength(10_000);
  });

  it('keeps 20,000 office-name lines as text of the point', async () => {
    const result = await importText(bodyNameRun());
    const point = result.doc.body.divisions[0]!.children[0]!;
    expect(point.blocks).toHaveLength(20_000);
    expect(result.doc.body.closing.signature).toEqual([]);
  });

  it('reads a notice citing 20,000 documents up to the plan it publishes', async () => {
    const result = await importText(longNotice());
    expect(result.doc.body.notice?.paragraphs).toHaveLength(20_001);
    expect(result.doc.frontmatter.title).toBe('2024年余杭区教育督导工作要点');
    expect(result.doc.frontmatter.date).toEqual(new Date('2024-01-01'));
  });
});

describe('normaliseSpacing', () => {
  it.each([
    ['汉 字', '汉字'],
    ['a  b', 'a b'],
    ['a 汉 b', 'a汉b'],
    ['  2025 年  ', '2025年'],
    ['Word 文档 OLE_LINK1 x', 'Word文档OLE_LINK1 x'],
    [`a${' '.repeat(1000)}b`, 'a b'],
    ['𠀀 a', '𠀀a'],
  ])('case %#', (input, output) => {
    expect(normaliseSpacing(input)).toBe(output);
  });
});
