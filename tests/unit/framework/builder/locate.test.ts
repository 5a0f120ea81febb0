// Where a schema issue sends the user: the part in words and the id of the field to focus.
import { describe, expect, it } from 'vitest';
import { emptyOption, emptyState, emptyText } from '../../../../src/lib/framework/builder/state';
import { locateIssue, validateState } from '../../../../src/lib/framework/builder/validate';

function state() {
  const built = emptyState();
  const point = built.dimensions[0]!.indicators[0]!.points[0]!;
  point.title = '制度健全';
  point.evidence = [emptyText('制度汇编'), emptyText('')];
  point.input.options = [emptyOption(), emptyOption()];
  return { built, point, dimension: built.dimensions[0]!, indicator: built.dimensions[0]!.indicators[0]! };
}

describe('issue locations', () => {
  it('sends an option’s field to that option’s input', () => {
    const { built, point } = state();
    expect(locateIssue(built, ['dimensions', 0, 'indicators', 0, 'points', 0, 'input', 'options', 1, 'label'])).toEqual({
      where: '要点 1.1.1“制度健全”的选项的名称',
      fieldId: `b-${point.key}-input-options-1-label`,
    });
  });

  it('sends an evidence item, a condition and a source field to their inputs', () => {
    const { built, point, indicator } = state();
    expect(locateIssue(built, ['dimensions', 0, 'indicators', 0, 'points', 0, 'evidence', 1]).fieldId).toBe(`b-${point.key}-evidence-1`);
    expect(locateIssue(built, ['dimensions', 0, 'indicators', 0, 'points', 0, 'when']).fieldId).toBe(`b-${point.key}-when-enabled`);
    expect(locateIssue(built, ['dimensions', 0, 'indicators', 0, 'points', 0, 'when', 'point']).fieldId).toBe(`b-${point.key}-when-point`);
    expect(locateIssue(built, ['dimensions', 0, 'indicators', 0, 'source', 'title'])).toEqual({ where: '二级指标 1.1的依据的名称', fieldId: `b-${indicator.key}-source-title` });
    expect(locateIssue(built, ['source', 'tag'])).toEqual({ where: '指标体系的依据的核对情况', fieldId: 'b-meta-source-tag' });
  });

  it('sends an empty list to its add button and the stages to their first checkbox', () => {
    const { built, dimension } = state();
    expect(locateIssue(built, ['dimensions', 0, 'indicators']).fieldId).toBe(`b-${dimension.key}-indicators`);
    expect(locateIssue(built, ['stages']).fieldId).toBe('b-meta-stages');
    expect(locateIssue(built, ['notes', 2]).fieldId).toBe('b-meta-notes-2');
  });

  it('lists every problem of a framework started from scratch, each with a field that exists in the form', () => {
    const { built, point } = state();
    const issues = validateState(built).issues;
    expect(issues.map((issue) => issue.fieldId)).toEqual([
      'b-meta-id',
      'b-meta-title',
      'b-meta-issuer',
      'b-meta-source-title',
      'b-meta-stages',
      'b-meta-summary',
      `b-${built.dimensions[0]!.key}-title`,
      `b-${built.dimensions[0]!.indicators[0]!.key}-title`,
      `b-${built.dimensions[0]!.indicators[0]!.key}-source-title`,
      `b-${point.key}-evidence-1`,
      `b-${built.bands[0]!.key}-label`,
      `b-${built.bands[0]!.key}-meaning`,
      `b-${built.bands[1]!.key}-label`,
      `b-${built.bands[1]!.key}-meaning`,
    ]);
    expect(issues[0]!.message).toMatch(/^指标体系的编号：/u);
  });
});
