// The county spreadsheet: one row per school (or per stage of a school), with the raw inputs of
// the 优质均衡 school framework as columns. Generated from the framework, so it cannot drift.
import type { Framework } from '../../schemas/framework.ts';
import { allPoints } from '../framework/score.ts';
import { csvDocument } from '../csv/write.ts';

export interface TemplateColumn {
  /** Point id for inputs; a fixed key for the identifying columns. */
  key: string;
  title: string;
  kind: 'text' | 'stage' | 'year' | 'integer' | 'number';
  required: boolean;
}

/** The columns of the county template: school, stage, year, every raw input, and the split columns for 九年一贯制. */
export function templateColumns(framework: Framework): TemplateColumn[] {
  const inputs = allPoints(framework)
    .map(({ point }) => point)
    .filter((point) => point.input.kind === 'integer' || point.input.kind === 'number')
    .map((point) => ({
      key: point.id,
      title: `${point.title}${'unit' in point.input && point.input.unit ? `（${point.input.unit}）` : ''}`,
      kind: point.input.kind as 'integer' | 'number',
      required: true,
    }));
  return [
    { key: 'name', title: '学校名称', kind: 'text', required: true },
    { key: 'stage', title: '学段', kind: 'stage', required: true },
    { key: 'year', title: '年度', kind: 'year', required: false },
    ...inputs,
    { key: 'students_primary', title: '小学部在校生数（九年一贯制填）', kind: 'integer', required: false },
    { key: 'students_junior', title: '初中部在校生数（九年一贯制填）', kind: 'integer', required: false },
  ];
}

/** The template as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese headers). */
export function templateCsv(framework: Framework): string {
  return csvDocument([templateColumns(framework).map((column) => column.title)]);
}
