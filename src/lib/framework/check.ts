// The one answer checker: does a value fit a point's input? Used by the form (after it has parsed
// what was typed), imported answers files, restored drafts and the county view's rows and files, so
// a value is judged the same way wherever it comes from. No zod here: the self-check island loads
// this on page load.
import type { Point } from '../../schemas/framework.ts';

export type AnswerCheck = { ok: true } | { ok: false; message: string };

/** Decimal places of a finite number as written in shortest form (4.25 → 2, 1e-7 → 7). */
export function decimalPlaces(value: number): number {
  const text = String(Math.abs(value));
  const [mantissa, exponent] = text.split('e');
  const fraction = mantissa!.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/** Whether `value` is a valid answer for `point`, and if not why, in words a user reads. */
export function checkAnswer(point: Point, value: unknown): AnswerCheck {
  const input = point.input;
  const fail = (message: string): AnswerCheck => ({ ok: false, message });
  switch (input.kind) {
    case 'yesno':
      return typeof value === 'boolean' ? { ok: true } : fail('应为“是”或“否”');
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('应为数字');
      if (input.kind === 'integer' && !Number.isInteger(value)) return fail('应为整数');
      if (input.kind === 'number' && decimalPlaces(value) > input.decimals) return fail(`最多 ${input.decimals} 位小数`);
      if (input.min !== undefined && value < input.min) return fail(`须不少于 ${input.min}`);
      if (input.max !== undefined && value > input.max) return fail(`须不大于 ${input.max}`);
      return { ok: true };
    }
    case 'choice':
      return input.options.some((option) => option.value === value) ? { ok: true } : fail(`不是可选的选项（可选：${input.options.map((option) => option.label).join('、')}）`);
    case 'level':
      return input.levels.some((level) => level.value === value) ? { ok: true } : fail(`不是可选的等级（可选：${input.levels.map((level) => level.label).join('、')}）`);
    case 'text':
      return typeof value === 'string' ? { ok: true } : fail('应为文字');
    case 'derived':
      return fail('由公式计算，不能直接填写');
  }
}

/** Whether a stored value is a valid answer for the point's input. */
export function validAnswer(point: Point, value: unknown): boolean {
  return checkAnswer(point, value).ok;
}

/** A value as the user would have typed it, for messages (“三十八”, 4.5, 是). */
export function describeValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return `“${value}”`;
  if (value === null || value === undefined) return '空值';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? String(value);
}
