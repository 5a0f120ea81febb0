// Checking the builder's state with the framework schema (the one that checks published files),
// and turning each issue into a Chinese message that names the part in the user's words and the
// id of the form field to focus. Formulas are also parsed on their own, live, with the position of
// the problem.
import { frameworkSchema, type Framework, type Stage } from '../../../schemas/framework.ts';
import { stages as allStages } from '../../../schemas/framework.ts';
import { FormulaError, parseFormula } from '../parse-formula.ts';
import { formulaRefs } from '../formula.ts';
import { formatIssue } from '../../validation/messages.ts';
import { toRaw, type BuilderState } from './state.ts';

export interface BuilderIssue {
  /** The id of the form field to focus. */
  fieldId: string;
  /** Where and what, e.g. 要点 1.1.2“生师比”的公式：公式引用了不存在的要点 “c”. */
  message: string;
}

export type Validation = { ok: true; framework: Framework; issues: [] } | { ok: false; issues: BuilderIssue[] };

/** The form field id of a part's field: the part's key (or `meta`) and the field path. */
export function fieldId(owner: string, ...field: (string | number)[]): string {
  return ['b', owner, ...field].join('-');
}

/** Stable index of a stage in field ids (ids stay ASCII). */
export function stageIndex(stage: Stage): number {
  return allStages.indexOf(stage);
}

const fieldWords: Record<string, string> = {
  id: '编号',
  title: '名称',
  shortTitle: '简称',
  version: '版本',
  issuer: '发布单位',
  date: '日期',
  subject: '评估对象',
  stages: '学段',
  summary: '简介',
  notes: '说明',
  scoring: '计分方式',
  description: '说明',
  weight: '权重',
  guidance: '填写提示',
  evidence: '佐证材料',
  points: '分值',
  veto: '一票否决理由',
  required: '必填',
  kind: '填写方式',
  expect: '达标答案',
  unit: '单位',
  min: '最小值',
  max: '最大值',
  decimals: '小数位数',
  options: '选项',
  levels: '等级',
  value: '值',
  label: '名称',
  descriptor: '等级说明',
  score: '得分比例',
  met: '算作达标',
  formula: '公式',
  criterion: '阈值',
  op: '比较方式',
  when: '适用条件',
  equals: '条件值',
  point: '条件要点',
  of: '纳入规则的要点',
  count: '至少达标项数',
  remainderRatio: '其余项不低于阈值的比例',
  colour: '颜色',
  meaning: '含义',
  minPercent: '最低得分率',
  maxUnmet: '最多未完全达标项数',
  maxFailed: '最多未达标项数',
  rulesPass: '要求规则全部通过',
  number: '文号',
  clause: '条款',
  tag: '核对情况',
  note: '核对说明',
  href: '站内链接',
  source: '依据',
};

const quoted = (title: string) => (title.trim() === '' ? '' : `“${title}”`);

/** Where a schema issue points: the part in words and the field id to focus. */
export function locateIssue(state: BuilderState, path: readonly PropertyKey[]): { where: string; fieldId: string } {
  const [head, ...rest] = path;
  const words = (fields: readonly PropertyKey[]) =>
    fields
      .filter((part, index) => typeof part === 'string' && part !== 'input' && !(part === 'value' && fields[index - 1] === 'criterion'))
      .map((part) => fieldWords[part as string] ?? String(part))
      .join('的');
  // Fields that are lists of scalars or groups of inputs: focus the first control of the group.
  const ownField = (owner: string, fields: readonly PropertyKey[]): string => {
    const parts = fields.filter((part) => typeof part === 'string') as string[];
    if (parts[0] === 'criterion' && parts[1] === 'value') {
      return fieldId(owner, 'criterion', 'value');
    }
    if ((parts[0] === 'evidence' || parts[0] === 'notes') && typeof fields[1] === 'number') return fieldId(owner, parts[0], fields[1]);
    if (parts[0] === 'input' && (parts[1] === 'options' || parts[1] === 'levels') && typeof fields[2] === 'number') {
      return fieldId(owner, 'input', parts[1], fields[2], parts[2] ?? 'value');
    }
    if (parts[0] === 'when' && parts.length === 1) return fieldId(owner, 'when', 'enabled');
    return fieldId(owner, ...(parts.length > 0 ? parts : ['id']));
  };

  if (head === 'dimensions' && typeof rest[0] === 'number') {
    const d = rest[0];
    const dimension = state.dimensions[d];
    if (!dimension) return { where: '一级指标', fieldId: fieldId('meta', 'dimensions') };
    const dimensionWhere = `一级指标 ${d + 1}${quoted(dimension.title)}`;
    if (rest[1] === 'indicators' && typeof rest[2] === 'number') {
      const i = rest[2];
      const indicator = dimension.indicators[i];
      if (!indicator) return { where: dimensionWhere, fieldId: fieldId(dimension.key, 'id') };
      const indicatorWhere = `二级指标 ${d + 1}.${i + 1}${quoted(indicator.title)}`;
      if (rest[3] === 'points' && typeof rest[4] === 'number') {
        const p = rest[4];
        const point = indicator.points[p];
        if (!point) return { where: indicatorWhere, fieldId: fieldId(indicator.key, 'id') };
        const fields = rest.slice(5);
        return { where: `要点 ${d + 1}.${i + 1}.${p + 1}${quoted(point.title)}${fields.length > 0 ? `的${words(fields)}` : ''}`, fieldId: ownField(point.key, fields) };
      }
      const fields = rest.slice(3);
      return { where: `${indicatorWhere}${fields.length > 0 ? `的${words(fields)}` : ''}`, fieldId: ownField(indicator.key, fields) };
    }
    const fields = rest.slice(1);
    return { where: `${dimensionWhere}${fields.length > 0 ? `的${words(fields)}` : ''}`, fieldId: ownField(dimension.key, fields) };
  }
  if (head === 'rules' && typeof rest[0] === 'number') {
    const rule = state.rules[rest[0]];
    if (!rule) return { where: '规则', fieldId: fieldId('meta', 'rules') };
    const fields = rest.slice(1);
    const where = `规则 ${rest[0] + 1}${quoted(rule.title)}${fields.length > 0 ? `的${words(fields)}` : ''}`;
    if (fields[0] === 'of') return { where, fieldId: fieldId(rule.key, 'of') };
    if (fields[0] === 'remainderRatio') return { where, fieldId: fieldId(rule.key, 'remainderPercent') };
    return { where, fieldId: ownField(rule.key, fields) };
  }
  if (head === 'bands' && typeof rest[0] === 'number') {
    const band = state.bands[rest[0]];
    if (!band) return { where: '等级', fieldId: fieldId('meta', 'bands') };
    const fields = rest.slice(1);
    return { where: `等级 ${rest[0] + 1}${quoted(band.label)}${fields.length > 0 ? `的${words(fields)}` : ''}`, fieldId: ownField(band.key, fields) };
  }
  if (head === 'notes' && typeof rest[0] === 'number') {
    return { where: `说明 ${rest[0] + 1}`, fieldId: fieldId('meta', 'notes', rest[0]) };
  }
  if (head === 'stages') return { where: '学段', fieldId: fieldId('meta', 'stages') };
  if (head === undefined) return { where: '指标体系', fieldId: fieldId('meta', 'title') };
  return { where: `指标体系的${words(path)}`, fieldId: ownField('meta', path) };
}

/** The reason of a schema issue in Chinese, without the file path the file formatter puts first. */
function reason(issue: Parameters<typeof formatIssue>[0]): string {
  return formatIssue({ ...issue, path: [] }).replace(/^（整个文件）：/u, '');
}

/** Check the state with the framework schema: the framework (with parsed formulas), or every issue with where it is and the field to focus. */
export function validateState(state: BuilderState): Validation {
  const result = frameworkSchema.safeParse(toRaw(state));
  if (result.success) return { ok: true, framework: result.data, issues: [] };
  const issues = result.error.issues.map((issue) => {
    const { where, fieldId: id } = locateIssue(state, issue.path);
    return { fieldId: id, message: `${where}：${reason(issue)}` };
  });
  return { ok: false, issues };
}

export type FormulaCheck = { ok: true; refs: string[] } | { ok: false; message: string; position: number };

/** A formula parsed live by the safe parser: fine (with the ids it names), or the problem and its 0-based position. */
export function checkFormula(source: string): FormulaCheck {
  try {
    return { ok: true, refs: formulaRefs(parseFormula(source)) };
  } catch (error) {
    if (error instanceof FormulaError) return { ok: false, message: error.message, position: error.position };
    throw error;
  }
}
