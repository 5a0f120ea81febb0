// What the self-check form does with typed text: parse numbers with a clear Chinese message,
// describe values and thresholds for display. Pure, so the island stays a thin renderer.
import type { Input, Point } from '../../schemas/framework.ts';
import type { PointResult } from '../framework/score.ts';
import { checkAnswer } from '../framework/check.ts';

export type Parsed = { value: number | null } | { error: string };

/** Parse what the user typed into a number or integer field (full-width digits and 。/， accepted). */
export function parseNumberField(raw: string, point: Point): Parsed {
  const input = point.input;
  if (input.kind !== 'number' && input.kind !== 'integer') return { error: '此要点不是数值' };
  const text = raw
    .trim()
    .replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[。．]/gu, '.')
    .replace(/[,，\s]/gu, '');
  if (text === '') return { value: null };
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/u.test(text)) return { error: `请填写数字，例如 ${input.kind === 'integer' ? '120' : '4.5'}` };
  const value = Number(text);
  const checked = checkAnswer(point, value);
  if (!checked.ok) return { error: checked.message };
  return { value };
}

/** A value for display with its unit, e.g. 4.20 人/百生, 是, 良好. */
export function displayValue(result: PointResult | undefined, input: Input): string {
  if (!result || result.value === null) return '—';
  const unit = 'unit' in input && input.unit ? ` ${input.unit}` : '';
  if (typeof result.value === 'boolean') return result.value ? '是' : '否';
  if (typeof result.value === 'number') return `${input.kind === 'derived' ? result.value.toFixed(input.decimals) : result.value}${unit}`;
  if (input.kind === 'level') return input.levels.find((level) => level.value === result.value)?.label ?? result.value;
  if (input.kind === 'choice') return input.options.find((option) => option.value === result.value)?.label ?? result.value;
  return result.value;
}

/** Status of a point as a short word; colour is never the only signal. */
export const statusLabels: Record<PointResult['status'], string> = {
  met: '达标',
  unmet: '未达标',
  partial: '部分达标',
  unanswered: '未填写',
  'not-applicable': '不适用',
  info: '已填写',
};
