// Words of the builder's form: input kinds, band colours, subjects, scoring.
import type { Colour, InputKind } from './state.ts';

/** Each input kind as the builder offers it. */
export const inputKindLabels: Record<InputKind, string> = {
  yesno: '是/否',
  number: '数值（可有小数）',
  integer: '整数',
  choice: '单项选择（按选项计分）',
  level: '分级评定（等级和说明）',
  text: '文字说明',
  derived: '由公式计算',
};

/** Band colours in words. */
export const colourLabels: Record<Colour, string> = { green: '绿', yellow: '黄', red: '红' };

/** Scoring methods in words. */
export const scoringLabels = { points: '按得分率（得分 ÷ 总分）', criteria: '按达标项数和规则' } as const;

/** A part of the framework in words, by its position: 一级指标 1, 二级指标 1.2, 要点 1.2.3. */
export function partName(d: number, i?: number, p?: number): string {
  if (i === undefined) return `一级指标 ${d + 1}`;
  if (p === undefined) return `二级指标 ${d + 1}.${i + 1}`;
  return `要点 ${d + 1}.${i + 1}.${p + 1}`;
}
