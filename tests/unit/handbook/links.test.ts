import { describe, expect, it } from 'vitest';
import { findDivisionId, parsePosition, resolveLink, type NumberedDivision } from '../../../src/lib/handbook/links';

const index = {
  pages: new Set(['/workplans/a/', '/frameworks/f/']),
  anchors: new Map([['/workplans/a/', new Set(['c13'])]]),
};

describe('resolveLink', () => {
  it('keeps a link whose page and anchor exist', () => {
    expect(resolveLink('/workplans/a/#c13', index)).toEqual({ status: 'ok', path: '/workplans/a/#c13' });
    expect(resolveLink('/frameworks/f', index)).toEqual({ status: 'ok', path: '/frameworks/f/' });
  });

  it('falls back to the page top when only the anchor is unknown', () => {
    expect(resolveLink('/workplans/a/#nope', index)).toEqual({ status: 'page-only', path: '/workplans/a/' });
    expect(resolveLink('/frameworks/f/#x', index)).toEqual({ status: 'page-only', path: '/frameworks/f/' });
  });

  it('reports a page that is not built', () => {
    expect(resolveLink('/self-check/f/', index)).toEqual({ status: 'missing' });
  });
});

const d = (id: string, number: string, children: NumberedDivision[] = []): NumberedDivision => ({ id, number, children });

describe('findDivisionId', () => {
  const plan = [
    d('s1', '1、', [d('s1-c1', '（一）'), d('s1-c2', '（二）')]),
    d('s3', '3、', [d('s3-c13', '（十三）')]),
  ];
  const restarting = [d('s1', '一、', [d('s1-p1', '1.'), d('s1-p3', '3.')]), d('s4', '四、', [d('s4-p3', '3. ')])];

  it('finds a clause at any depth by its printed number', () => {
    expect(findDivisionId(plan, ['（十三）'])).toBe('s3-c13');
  });

  it('uses the outer number to pick a point when numbering restarts in each section', () => {
    expect(findDivisionId(restarting, ['四、', '3.'])).toBe('s4-p3');
    expect(findDivisionId(restarting, ['3.'])).toBe('s1-p3');
  });

  it('treats 5． and 5、 as 5.', () => {
    expect(findDivisionId([d('p5', '5．')], ['5.'])).toBe('p5');
    expect(findDivisionId([d('p5', '5、')], ['5.'])).toBe('p5');
  });

  it('does not confuse a section 一、 with a clause （一）', () => {
    expect(findDivisionId([d('s1', '一、', [d('c1', '（一）')])], ['（一）'])).toBe('c1');
  });

  it('returns undefined when nothing matches', () => {
    expect(findDivisionId(plan, ['（二十三）'])).toBeUndefined();
    expect(findDivisionId(plan, [])).toBeUndefined();
  });

  it('parses a written position', () => {
    expect(parsePosition('四、 3.')).toEqual(['四、', '3.']);
    expect(parsePosition('（十三）')).toEqual(['（十三）']);
  });
});
