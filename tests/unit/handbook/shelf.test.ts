import { describe, expect, it } from 'vitest';
import { groupShelf, prevNext, sortShelf, type ShelfEntry } from '../../../src/lib/handbook/shelf';

const entry = (id: string, audience: ShelfEntry['data']['audience'], order: number, title = id): ShelfEntry => ({
  id,
  data: { title, audience, order },
});

const shelf = [
  entry('glossary', '通用', 1),
  entry('accountability', '督导部门', 1),
  entry('self-check', '学校', 1),
  entry('supervisor', '责任督学', 1),
  entry('three-colours', '督导部门', 2),
  entry('indicators', '学校', 2),
];

describe('shelf order', () => {
  it('sorts by audience (学校, 责任督学, 督导部门, 通用) and then by order', () => {
    expect(sortShelf(shelf).map((e) => e.id)).toEqual([
      'self-check',
      'indicators',
      'supervisor',
      'accountability',
      'three-colours',
      'glossary',
    ]);
  });

  it('breaks ties in order by title, then id, so the order never depends on file listing', () => {
    const tied = [entry('b', '学校', 1, '乙'), entry('a', '学校', 1, '甲'), entry('c', '学校', 1, '甲')];
    const once = sortShelf(tied).map((e) => e.id);
    expect(sortShelf([...tied].reverse()).map((e) => e.id)).toEqual(once);
  });

  it('does not change the array it is given', () => {
    const copy = [...shelf];
    sortShelf(shelf);
    expect(shelf).toEqual(copy);
  });
});

describe('groupShelf', () => {
  it('groups by audience in shelf order and leaves out empty audiences', () => {
    const groups = groupShelf(shelf.filter((e) => e.data.audience !== '责任督学'));
    expect(groups.map((g) => g.audience)).toEqual(['学校', '督导部门', '通用']);
    expect(groups[0]?.entries.map((e) => e.id)).toEqual(['self-check', 'indicators']);
  });
});

describe('prevNext', () => {
  it('follows the reading order across audience groups', () => {
    const { prev, next } = prevNext(shelf, 'indicators');
    expect(prev?.id).toBe('self-check');
    expect(next?.id).toBe('supervisor');
  });

  it('has no previous page at the start and no next page at the end', () => {
    expect(prevNext(shelf, 'self-check').prev).toBeUndefined();
    expect(prevNext(shelf, 'glossary').next).toBeUndefined();
  });

  it('returns nothing for an unknown page', () => {
    expect(prevNext(shelf, 'nope')).toEqual({});
  });
});
