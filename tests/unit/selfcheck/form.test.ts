import { describe, expect, it } from 'vitest';
import { displayValue, parseNumberField } from '../../../src/lib/selfcheck/form';
import type { Point } from '../../../src/schemas/framework';

const number = { id: 'n', title: '面积', evidence: [], points: 0, required: true, input: { kind: 'number', unit: '平方米', min: 0, decimals: 2 } } as Point;
const integer = { ...number, input: { kind: 'integer', unit: '人', min: 1 } } as Point;

describe('number fields', () => {
  it.each([
    ['', { value: null }],
    [' 12.5 ', { value: 12.5 }],
    ['１２．５', { value: 12.5 }],
    ['1,200', { value: 1200 }],
    ['4.', { value: 4 }],
    ['abc', { error: '请填写数字，例如 4.5' }],
    ['1.234', { error: '最多 2 位小数' }],
    ['-1', { error: '须不少于 0' }],
  ])('reads %j', (raw, expected) => {
    expect(parseNumberField(raw, number)).toEqual(expected);
  });

  it('asks for whole numbers and respects the minimum of an integer field', () => {
    expect(parseNumberField('2.5', integer)).toEqual({ error: '应为整数' });
    expect(parseNumberField('0', integer)).toEqual({ error: '须不少于 1' });
    expect(parseNumberField('300', integer)).toEqual({ value: 300 });
  });

  it('shows derived values with their decimals and unit', () => {
    const derived = { ...number, input: { kind: 'derived', formula: 'a', unit: '人/百生', decimals: 2 } } as Point;
    expect(displayValue({ id: 'n', status: 'met', value: 4.2, earned: 0, possible: 0 }, derived.input)).toBe('4.20 人/百生');
    expect(displayValue(undefined, derived.input)).toBe('—');
  });
});
