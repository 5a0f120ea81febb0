// A broken framework fails validation with the path of the bad field; every committed framework validates.
import { describe, expect, it } from 'vitest';
import { frameworkSchema } from '../../../src/schemas/framework';
import { frameworkFiles, loadFramework } from './load';

/** A minimal valid framework with two numeric inputs and one derived ratio. */
export function minimal(overrides: Record<string, unknown> = {}, point: Record<string, unknown> = {}) {
  return {
    id: 'test',
    title: '测试',
    version: '1',
    issuer: '测试',
    source: { title: '《测试》', tag: 'V' },
    subject: 'school',
    stages: ['小学', '初中'],
    summary: '测试',
    scoring: 'criteria',
    dimensions: [
      {
        id: 'd',
        title: '维度',
        indicators: [
          {
            id: 'i',
            title: '指标',
            source: { title: '《测试》', tag: 'S' },
            points: [
              { id: 'a', title: '甲', input: { kind: 'integer' } },
              { id: 'b', title: '乙', input: { kind: 'integer', min: 1 } },
              { id: 'r', title: '比', input: { kind: 'derived', formula: 'a / b' }, criterion: { op: '>=', value: { 小学: 1, 初中: 2 } }, ...point },
            ],
          },
        ],
      },
    ],
    bands: [{ colour: 'green', label: '绿', meaning: '好' }],
    ...overrides,
  };
}

function issues(data: unknown): string[] {
  const result = frameworkSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('framework schema', () => {
  it('accepts a minimal framework', () => {
    expect(issues(minimal())).toEqual([]);
  });

  it('names an unknown field in a formula with its path', () => {
    expect(issues(minimal({}, { input: { kind: 'derived', formula: 'a / c' } }))).toEqual([
      'dimensions.0.indicators.0.points.2.input.formula: 公式引用了不存在的要点 “c”',
    ]);
  });

  it('names a formula that does not parse', () => {
    expect(issues(minimal({}, { input: { kind: 'derived', formula: 'a / (b' } }))[0]).toMatch(/points\.2\.input\.formula: 公式无法解析/u);
  });

  it('finds a cycle between derived values', () => {
    const data = minimal();
    const points = data.dimensions[0]!.indicators[0]!.points as Record<string, unknown>[];
    points.push({ id: 's', title: '丙', input: { kind: 'derived', formula: 'r + 1' } });
    points[2] = { ...points[2], input: { kind: 'derived', formula: 's / b' } };
    expect(issues(data).join('\n')).toMatch(/公式循环引用：(r → s → r|s → r → s)/u);
  });

  it('requires a threshold for every stage the point applies to', () => {
    expect(issues(minimal({}, { criterion: { op: '>=', value: { 小学: 1 } } }))).toEqual([
      'dimensions.0.indicators.0.points.2.criterion.value: 缺少学段“初中”的阈值',
    ]);
    expect(issues(minimal({}, { criterion: { op: '>=', value: { 小学: 1 } }, when: { stages: ['小学'] } }))).toEqual([]);
  });

  it('rejects duplicate ids, unknown rule points and unknown fields', () => {
    expect(issues(minimal({}, { id: 'a' })).join('\n')).toMatch(/points\.2\.id: id “a” 重复/u);
    expect(issues(minimal({ rules: [{ id: 'x', kind: 'at-least', title: 't', of: ['zz'], count: 1, source: { title: '《t》', tag: 'M' } }] })).join('\n')).toMatch(/rules\.0\.of\.0: 规则引用了不存在的要点 “zz”/u);
    expect(issues(minimal({ colour: 'x' })).join('\n')).toMatch(/出现未知的键.*"colour"/u);
  });

  it.each(frameworkFiles)('%s validates', (file) => {
    expect(() => loadFramework(file.replace(/\.yaml$/u, ''))).not.toThrow();
  });
});
