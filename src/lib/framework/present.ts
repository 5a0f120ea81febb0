// Words for a framework's parts, shared by the readable page, the form and the report.
import type { Criterion, Framework, FrameworkSource, Input, Point, Stage } from '../../schemas/framework.ts';
import { describeFormula } from './formula.ts';
import { allPoints } from './score.ts';

/** The user-facing name of a verification tag. */
export const tagLabels: Record<FrameworkSource['tag'], string> = { V: '已核对原文', S: '据二手资料', M: '待核对' };

/** Who a framework assesses, in words. */
export const subjectLabels: Record<Framework['subject'], string> = { school: '学校自评', county: '区县自查（督政）', visit: '责任督学督导记录' };

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

/** The thresholds of a criterion per stage, e.g. [{stage:'小学', text:'≥ 4.2 人/百生'}]; one row without stage when it is the same for all. */
export function thresholdRows(criterion: Criterion, framework: Pick<Framework, 'stages'>, unit?: string): { stage?: Stage; text: string }[] {
  if (typeof criterion.value === 'number') return [{ text: comparisonText(criterion.op, criterion.value, unit) }];
  const values = criterion.value;
  const rows = framework.stages.flatMap((stage) => (values[stage] === undefined ? [] : [{ stage, text: comparisonText(criterion.op, values[stage]!, unit) }]));
  const distinct = new Set(rows.map((row) => row.text));
  return distinct.size === 1 && rows.length === framework.stages.length ? [{ text: rows[0]!.text }] : rows;
}

/** How a point is answered, in words (e.g. 填写整数（人）, 由公式计算：…). */
export function inputDescription(point: Point, framework: Framework): string {
  const input = point.input;
  switch (input.kind) {
    case 'yesno':
      return input.expect === undefined ? '选择“是”或“否”' : `选择“是”或“否”，${input.expect ? '“是”' : '“否”'}为达标`;
    case 'number':
      return `填写数值${input.unit ? `（${input.unit}）` : ''}，最多 ${input.decimals} 位小数`;
    case 'integer':
      return `填写整数${input.unit ? `（${input.unit}）` : ''}`;
    case 'choice':
      return `选择：${input.options.map((option) => option.label).join('、')}`;
    case 'level':
      return `分级评定：${input.levels.map((level) => level.label).join('、')}`;
    case 'text':
      return '文字说明';
    case 'derived': {
      const titles = new Map(allPoints(framework).map(({ point }) => [point.id, point.title]));
      return `由公式计算：${input.tree ? describeFormula(input.tree, (id) => titles.get(id) ?? id) : input.formula}${input.unit ? `（${input.unit}）` : ''}，四舍五入保留 ${input.decimals} 位小数后判断`;
    }
  }
}
