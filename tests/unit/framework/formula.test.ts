import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFormula, formulaRefs } from '../../../src/lib/framework/formula';
import { describeFormula } from '../../../src/lib/framework/describe';
import { FormulaError, parseFormula } from '../../../src/lib/framework/parse-formula';

const evaluate = (source: string, values: Record<string, number | null> = {}) => evaluateFormula(parseFormula(source), (name) => values[name] ?? null);

describe('formulas', () => {
  it('follows precedence, parentheses, unary minus and both multiplication signs', () => {
    expect(evaluate('1 + 2 * 3')).toBe(7);
    expect(evaluate('(1 + 2) × 3')).toBe(9);
    expect(evaluate('10 ÷ 4 - 1')).toBe(1.5);
    expect(evaluate('-2 * -3')).toBe(6);
    expect(evaluate('10 - 4 - 3')).toBe(3);
    expect(evaluate('min(3, max(1, 2), 5) + ceil(0.2) + floor(1.8)')).toBe(4);
  });

  it('refers to fields by id and lists them', () => {
    expect(evaluate('teachers ÷ students × 100', { teachers: 42, students: 1000 })).toBeCloseTo(4.2, 10);
    expect(formulaRefs(parseFormula('a / b + a * c'))).toEqual(['a', 'b', 'c']);
  });

  it('has no value when a field is empty or the divisor is zero', () => {
    expect(evaluate('a / b', { a: 1, b: null })).toBeNull();
    expect(evaluate('a / b', { a: 1, b: 0 })).toBeNull();
  });

  it.each([
    ['', '公式为空'],
    ['a +', '公式不完整'],
    ['(a + b', '此处应为“)”'],
    ['a b', '此处不应出现“b”'],
    ['a ^ 2', '不能使用字符“^”'],
    ['sqrt(a)', '未知的函数“sqrt”'],
    ['ceil(a, b)', '参数个数不对'],
  ])('rejects %j with a message', (source, message) => {
    expect(() => parseFormula(source)).toThrow(FormulaError);
    expect(() => parseFormula(source)).toThrow(message);
  });

  it('reads back for people with labels and Chinese operators', () => {
    expect(describeFormula(parseFormula('t / s * 100'), (name) => ({ t: '教师数', s: '学生数' })[name] ?? name)).toBe('教师数 ÷ 学生数 × 100');
    expect(describeFormula(parseFormula('(a + b) / (c - d)'), (name) => name)).toBe('（a ＋ b） ÷ （c － d）');
  });

  it('agrees with JavaScript arithmetic on random expressions of two fields', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (a, b) => {
        expect(evaluate('(a + b) * a / b - a', { a, b })).toBeCloseTo(((a + b) * a) / b - a, 8);
      }),
    );
  });
});
