// Words for a framework's parts, shared by the readable page, the form and the report. The
// self-check form loads this module with its first JavaScript: wording only the readable framework
// needs (with the formula printer) lives in describe.ts.
import type { Criterion, FrameworkSource, Input, Stage } from '../../schemas/framework.ts';

/** The user-facing name of a verification tag. */
export const tagLabels: Record<FrameworkSource['tag'], string> = { V: '已核对原文', S: '据二手资料', M: '待核对' };

/** ASCII slugs of the stages for static filter pages. */
export const stageSlugs: Record<Stage, string> = {
  幼儿园: 'kindergarten',
  小学: 'primary',
  初中: 'junior',
  九年一贯制: 'nine-year',
  高中: 'senior',
  特殊教育: 'special',
};

const opSymbols: Record<Criterion['op'], string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/** A comparison as a reader writes it, e.g. ≥ 4.2 人/百生. */
export function comparisonText(op: Criterion['op'], value: number, unit?: string): string {
  return `${opSymbols[op]} ${value}${unit ? ` ${unit}` : ''}`;
}

/** The unit of a numeric input, if any. */
export function unitOf(input: Input): string | undefined {
  return input.kind === 'number' || input.kind === 'integer' || input.kind === 'derived' ? input.unit : undefined;
}
