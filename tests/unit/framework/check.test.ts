// One answer checker for the form, imported files, restored drafts and county rows.
import { describe, expect, it } from 'vitest';
import { checkAnswer, decimalPlaces } from '../../../src/lib/framework/check';
import type { Point } from '../../../src/schemas/framework';

const point = (input: Point['input']) => ({ id: 'p', title: '要点', evidence: [], points: 0, required: true, input }) as Point;
const area = point({ kind: 'number', unit: '平方米', min: 0, max: 100000, decimals: 1 });
const pupils = point({ kind: 'integer', unit: '人', min: 1 });

describe('the answer checker', () => {
  it.each([
    [area, 12.5, { ok: true }],
    [area, 12.55, { ok: false, message: '最多 1 位小数' }],
    [area, -1, { ok: false, message: '须不少于 0' }],
    [area, 100001, { ok: false, message: '须不大于 100000' }],
    [area, '三十八', { ok: false, message: '应为数字' }],
    [area, Number.NaN, { ok: false, message: '应为数字' }],
    [pupils, 0, { ok: false, message: '须不少于 1' }],
    [pupils, 2.5, { ok: false, message: '应为整数' }],
    [pupils, 300, { ok: true }],
    [point({ kind: 'yesno', expect: true }), 'yes', { ok: false, message: '应为“是”或“否”' }],
    [point({ kind: 'yesno' }), false, { ok: true }],
    [point({ kind: 'text', multiline: false }), 3, { ok: false, message: '应为文字' }],
    [point({ kind: 'level', levels: [{ value: 'A', label: '优秀', score: 1, met: true }, { value: 'B', label: '合格', score: 0.6, met: true }] }), 'C', { ok: false, message: '不是可选的等级（可选：优秀、合格）' }],
    [point({ kind: 'derived', formula: 'a', decimals: 2, tree: { kind: 'ref', name: 'a' } }), 4.2, { ok: false, message: '由公式计算，不能直接填写' }],
  ] as const)('judges %#', (target, value, expected) => {
    expect(checkAnswer(target, value)).toEqual(expected);
  });

  it('counts decimal places as written, also in exponent form', () => {
    expect([decimalPlaces(4), decimalPlaces(4.25), decimalPlaces(0.1 + 0.2), decimalPlaces(1e-7), decimalPlaces(1.5e-7)]).toEqual([0, 2, 17, 7, 8]);
  });
});
