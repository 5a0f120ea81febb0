// Every rule kind of the scoring module on a small synthetic framework.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameworkSchema } from '../../../src/schemas/framework';
import { roundHalfUp, scoreFramework } from '../../../src/lib/framework/score';

const levels = [
  { value: 'A', label: '优秀', score: 1, met: true },
  { value: 'B', label: '良好', score: 0.8, met: true },
  { value: 'C', label: '合格', score: 0.6, met: true },
  { value: 'D', label: '待改进', score: 0, met: false },
];
const source = { title: '《测试》', tag: 'V' as const };

const framework = frameworkSchema.parse({
  id: 'graded',
  title: '测试',
  version: '1',
  issuer: '测试',
  source,
  subject: 'school',
  stages: ['小学', '初中'],
  summary: '测试',
  scoring: 'points',
  dimensions: [
    {
      id: 'one',
      title: '一',
      weight: 3,
      indicators: [
        {
          id: 'i1',
          title: '指标1',
          source,
          points: [
            { id: 'level', title: '分级', input: { kind: 'level', levels }, points: 10 },
            { id: 'choice', title: '选项', input: { kind: 'choice', options: [{ value: 'x', label: '全部', score: 1, met: true }, { value: 'y', label: '部分', score: 0.5 }, { value: 'z', label: '没有' }] }, points: 4 },
          ],
        },
      ],
    },
    {
      id: 'two',
      title: '二',
      weight: 1,
      indicators: [
        {
          id: 'i2',
          title: '指标2',
          source,
          points: [
            { id: 'exam', title: '以考试方式招生', input: { kind: 'yesno', expect: false }, veto: '以考试方式招生属一票否决', points: 0 },
            { id: 'has_canteen', title: '设有食堂', input: { kind: 'yesno' }, points: 0, required: false },
            { id: 'canteen_ok', title: '食堂持证', input: { kind: 'yesno', expect: true }, points: 5, when: { point: 'has_canteen', equals: true } },
            { id: 'junior_only', title: '初中要点', input: { kind: 'number', decimals: 1 }, criterion: { op: '<=', value: 45 }, points: 5, when: { stages: ['初中'] } },
            { id: 'note', title: '说明', input: { kind: 'text' } , required: false },
          ],
        },
      ],
    },
  ],
  bands: [
    { colour: 'green', label: '绿', meaning: '好', minPercent: 85, maxFailed: 0 },
    { colour: 'yellow', label: '黄', meaning: '中', minPercent: 60 },
    { colour: 'red', label: '红', meaning: '差' },
  ],
});

describe('scoring', () => {
  it('earns a level’s share of points and marks a passing but imperfect level met', () => {
    const result = scoreFramework(framework, { level: 'B', choice: 'y', exam: false }, { stage: '小学' });
    expect(result.points.level).toMatchObject({ status: 'met', earned: 8, possible: 10 });
    expect(result.points.choice).toMatchObject({ status: 'partial', earned: 2, possible: 4 });
  });

  it('weights dimensions: (10/14 × 3 + 0 × 1) ÷ 4', () => {
    const result = scoreFramework(framework, { level: 'A', choice: 'z', exam: false, has_canteen: true, canteen_ok: false }, { stage: '小学' });
    expect(result.dimensions.map((dimension) => dimension.percent)).toEqual([71.4, 0]);
    expect(result.percent).toBe(roundHalfUp(((10 / 14) * 3 * 100) / 4, 1));
  });

  it('skips points whose condition does not hold, for progress and for points', () => {
    const without = scoreFramework(framework, { has_canteen: false }, { stage: '小学' });
    expect(without.points.canteen_ok?.status).toBe('not-applicable');
    expect(without.points.junior_only?.status).toBe('not-applicable');
    expect(without.progress.total).toBe(3);
    const junior = scoreFramework(framework, { has_canteen: true }, { stage: '初中' });
    expect(junior.progress.total).toBe(5);
  });

  it('compares ≤ thresholds inclusively', () => {
    expect(scoreFramework(framework, { junior_only: 45 }, { stage: '初中' }).points.junior_only?.status).toBe('met');
    expect(scoreFramework(framework, { junior_only: 45.1 }, { stage: '初中' }).points.junior_only?.status).toBe('unmet');
  });

  it('a fired veto selects the last band whatever the score', () => {
    const result = scoreFramework(framework, { level: 'A', choice: 'x', exam: true, has_canteen: false }, { stage: '小学' });
    expect(result.percent).toBe(100);
    expect(result.vetoes).toEqual([{ id: 'exam', title: '以考试方式招生', reason: '以考试方式招生属一票否决' }]);
    expect(result.band.colour).toBe('red');
  });

  it('chooses bands by score and failed points', () => {
    const band = (answers: Record<string, string | boolean>) => scoreFramework(framework, { exam: false, has_canteen: false, ...answers }, { stage: '小学' }).band.colour;
    expect(band({ level: 'A', choice: 'x' })).toBe('green');
    expect(band({ level: 'A', choice: 'y' })).toBe('green'); // 12/14 = 85.7 %, partial is not failed
    expect(band({ level: 'C', choice: 'x' })).toBe('yellow'); // 10/14 = 71.4 %
    expect(band({ level: 'D', choice: 'x' })).toBe('red');
  });

  it('keeps text answers as information, never as a score', () => {
    expect(scoreFramework(framework, { note: '已整改' }).points.note).toMatchObject({ status: 'info', possible: 0 });
  });

  it('lists unmet and partial points in framework order for the rectification list', () => {
    const result = scoreFramework(framework, { level: 'D', choice: 'y', exam: false, has_canteen: true, canteen_ok: false }, { stage: '小学' });
    expect(result.unmetPoints.map((point) => [point.id, point.status, point.indicator])).toEqual([
      ['level', 'unmet', '指标1'],
      ['choice', 'partial', '指标1'],
      ['canteen_ok', 'unmet', '指标2'],
    ]);
  });

  it('rounds half-up without binary artefacts', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(4.195, 2)).toBe(4.2);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
  });

  it('never lowers the score when one more point is met (property)', () => {
    const answer = fc.record({ level: fc.constantFrom('A', 'B', 'C', 'D'), choice: fc.constantFrom('x', 'y', 'z') });
    fc.assert(
      fc.property(answer, (answers) => {
        const base = scoreFramework(framework, { ...answers, exam: false, has_canteen: false }, { stage: '小学' });
        const better = scoreFramework(framework, { ...answers, level: 'A', exam: false, has_canteen: false }, { stage: '小学' });
        expect(better.percent!).toBeGreaterThanOrEqual(base.percent!);
        const order = ['green', 'yellow', 'red'];
        expect(order.indexOf(better.band.colour)).toBeLessThanOrEqual(order.indexOf(base.band.colour));
      }),
    );
  });
});
