// An indicator framework (指标体系), written once by an office as content/frameworks/<id>.yaml.
// The portal derives from it both the readable page and the self-check form.
//
// Model: metadata → dimensions (一级指标) → indicators (二级指标) → points (评估要点). Every point has
// an `id` (unique in the framework; answers, formulas and rules refer to it) and an `input`: yes/no,
// number, integer, choice, level, text, or `derived` (a formula over other points, parsed and
// checked here at build time). A point may carry a `criterion` (a threshold, possibly per school
// stage), `points` to earn, `veto` (一票否决), and `when` (applies only to some stages or when
// another answer has a value). Framework-level `rules` express composite conditions such as
// "at least 6 of these 7 met, the rest ≥ 85% of their threshold"; `bands` map the outcome to
// 绿/黄/红. Every indicator cites its source with the reference's verification tag.
import { z } from './zod.ts';
import { formulaRefs, type Formula } from '../lib/framework/formula.ts';
import { FormulaError, parseFormula } from '../lib/framework/parse-formula.ts';

export const stages = ['幼儿园', '小学', '初中', '九年一贯制', '高中', '特殊教育'] as const;
export const stageSchema = z.enum(stages).describe('学段');

export const verificationTagSchema = z
  .enum(['V', 'S', 'M'])
  .describe('How far the fact was verified: V 已核对原文, S 据二手资料, M 待核对 (recalled, unverified)');

export const frameworkSourceSchema = z
  .object({
    title: z.string().min(1).describe('Document title with 《》'),
    number: z.string().optional().describe('Document number, e.g. 教督〔2017〕6号'),
    clause: z.string().optional().describe('Article, section or table the fact comes from'),
    tag: verificationTagSchema,
    note: z.string().optional().describe('What exactly was or was not verified'),
    href: z.string().startsWith('/').optional().describe('Link within the portal, e.g. to the work-plan point that names the framework'),
  })
  .strict();

const thresholdValueSchema = z.union([z.number(), z.partialRecord(stageSchema, z.number())]).describe('A number, or one number per school stage');

export const criterionSchema = z
  .object({
    op: z.enum(['>=', '>', '<=', '<']).describe('How the value compares with the threshold'),
    value: thresholdValueSchema,
    source: frameworkSourceSchema.optional().describe('Where the threshold comes from, when it differs from the indicator source'),
  })
  .strict();

const idSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/u, 'id 只能由字母、数字和下划线组成，且不以数字开头')
  .describe('Stable id: answers files, formulas and rules refer to it');

const levelSchema = z
  .object({
    value: z.string().min(1).describe('Stored answer, e.g. A'),
    label: z.string().min(1).describe('Shown label, e.g. 优秀'),
    descriptor: z.string().optional().describe('What this level means for this point'),
    score: z.number().min(0).max(1).describe('Share of the point’s points earned at this level'),
    met: z.boolean().describe('Whether this level counts as meeting the point'),
  })
  .strict();

const optionSchema = z
  .object({
    value: z.string().min(1),
    label: z.string().min(1),
    score: z.number().min(0).max(1).default(0).describe('Share of the point’s points earned'),
    met: z.boolean().default(false),
  })
  .strict();

export const inputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yesno'), expect: z.boolean().optional().describe('The answer that meets the point; without it the answer is information (e.g. a question that other points depend on)') }).strict(),
  z
    .object({
      kind: z.literal('number'),
      unit: z.string().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      decimals: z.number().int().min(0).max(6).default(2).describe('Decimals accepted and shown'),
    })
    .strict(),
  z.object({ kind: z.literal('integer'), unit: z.string().optional(), min: z.number().int().default(0), max: z.number().int().optional() }).strict(),
  z.object({ kind: z.literal('choice'), options: z.array(optionSchema).min(2) }).strict(),
  z.object({ kind: z.literal('level'), levels: z.array(levelSchema).min(2) }).strict(),
  z.object({ kind: z.literal('text'), multiline: z.boolean().default(true) }).strict(),
  z
    .object({
      kind: z.literal('derived'),
      formula: z.string().min(1).describe('Over other point ids: + - × ÷ ( ), min/max/ceil/floor'),
      unit: z.string().optional(),
      decimals: z.number().int().min(0).max(6).default(2).describe('The value is rounded half-up to this many decimals before it is compared'),
    })
    .strict()
    // The parsed formula travels with the framework, so the self-check scores without shipping the
    // parser; null only for a formula the cross-field check below reports as unparsable.
    .transform((input) => ({ ...input, tree: parseOrNull(input.formula) })),
]);

/** The framework with every derived input's parsed formula (re-done, for entries Astro's content cache kept from before a schema change). */
export function withFormulaTrees(framework: Framework): Framework {
  return {
    ...framework,
    dimensions: framework.dimensions.map((dimension) => ({
      ...dimension,
      indicators: dimension.indicators.map((indicator) => ({
        ...indicator,
        points: indicator.points.map((point) => (point.input.kind === 'derived' ? { ...point, input: { ...point.input, tree: parseOrNull(point.input.formula) } } : point)),
      })),
    })),
  };
}

function parseOrNull(source: string): Formula | null {
  try {
    return parseFormula(source);
  } catch (error) {
    if (error instanceof FormulaError) return null;
    throw error;
  }
}

export const conditionSchema = z
  .object({
    stages: z.array(stageSchema).min(1).optional().describe('Applies only to these stages'),
    point: idSchema.optional().describe('Applies only when this point’s answer …'),
    equals: z.union([z.boolean(), z.string(), z.number()]).optional().describe('… equals this value'),
  })
  .strict()
  .refine((when) => (when.point === undefined) === (when.equals === undefined), { message: 'point 和 equals 必须同时出现' });

export const pointSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1).describe('评估要点'),
    guidance: z.string().optional().describe('How to answer, shown as hint text'),
    evidence: z.array(z.string().min(1)).default([]).describe('佐证材料 a school should keep'),
    input: inputSchema,
    criterion: criterionSchema.optional().describe('Threshold for number, integer and derived inputs'),
    points: z.number().min(0).default(0).describe('Points this point is worth'),
    veto: z.string().optional().describe('一票否决: when the point is not met the whole result fails; the text says why'),
    when: conditionSchema.optional(),
    required: z.boolean().default(true).describe('Counts towards progress'),
  })
  .strict();

export const indicatorSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1).describe('二级指标'),
    description: z.string().optional(),
    source: frameworkSourceSchema,
    points: z.array(pointSchema).min(1),
  })
  .strict();

export const dimensionSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1).describe('一级指标'),
    description: z.string().optional(),
    weight: z.number().positive().optional().describe('Weight in the overall score; default: its possible points'),
    indicators: z.array(indicatorSchema).min(1),
  })
  .strict();

export const ruleSchema = z
  .object({
    id: idSchema,
    kind: z.literal('at-least').describe('At least `count` of `of` met; every other one at least `remainderRatio` of its threshold'),
    title: z.string().min(1),
    of: z.array(idSchema).min(1),
    count: z.number().int().min(1),
    remainderRatio: z.number().min(0).max(1).optional(),
    source: frameworkSourceSchema,
  })
  .strict();

export const bandSchema = z
  .object({
    colour: z.enum(['green', 'yellow', 'red']),
    label: z.string().min(1).describe('e.g. 绿'),
    meaning: z.string().min(1).describe('What the band means for the school'),
    minPercent: z.number().min(0).max(100).optional().describe('Overall score at least this'),
    maxUnmet: z.number().int().min(0).optional().describe('At most this many scored points not fully met (unmet or partial)'),
    maxFailed: z.number().int().min(0).optional().describe('At most this many scored points failed outright (unmet, not partial)'),
    rulesPass: z.boolean().optional().describe('Every composite rule passes'),
  })
  .strict();

const frameworkObjectSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/u).describe('URL id, e.g. youzhi-junheng-xuexiao'),
    title: z.string().min(1),
    shortTitle: z.string().optional(),
    version: z.string().min(1).describe('Bump when points change; drafts and answers files carry it'),
    issuer: z.string().min(1).describe('Issuing body of the source document'),
    source: frameworkSourceSchema.describe('The document the framework encodes'),
    date: z.coerce.date().optional().describe('Date of the source document'),
    subject: z.enum(['school', 'county', 'visit']).describe('Who is assessed: a school, a county (督政) or a school visited by a 责任督学'),
    stages: z.array(stageSchema).min(1).describe('School stages the framework applies to'),
    summary: z.string().min(1).describe('One paragraph for the catalogue'),
    notes: z.array(z.string()).default([]).describe('Shown on the page: scope, what is set locally, how to treat 九年一贯制 …'),
    localDetail: z.boolean().default(false).describe('The source names aspects only; detailed points are set locally'),
    scoring: z.enum(['points', 'criteria']).describe('points: a percentage of points earned; criteria: met/unmet counts and rules only'),
    dimensions: z.array(dimensionSchema).min(1),
    rules: z.array(ruleSchema).default([]),
    bands: z.array(bandSchema).min(1).describe('In order, best first; the first whose conditions hold applies; a veto selects the last'),
  })
  .strict();

/** The framework file schema: the object above plus the cross-reference checks below. */
export const frameworkSchema = frameworkObjectSchema.superRefine(checkReferences);

export type Framework = z.infer<typeof frameworkObjectSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Point = z.infer<typeof pointSchema>;
export type Input = z.infer<typeof inputSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Band = z.infer<typeof bandSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type FrameworkSource = z.infer<typeof frameworkSourceSchema>;

const numericKinds = new Set(['number', 'integer', 'derived']);

/** Cross-field checks: unique ids, formulas that parse and refer to numeric points, no cycles, rules and conditions that name existing points, thresholds for the framework's stages. */
function checkReferences(data: Framework, ctx: z.RefinementCtx): void {
  const where = new Map<string, { point: Point; path: (string | number)[] }>();
  const ids = new Set<string>();
  data.dimensions.forEach((dimension, d) => {
    for (const [id, path] of [[dimension.id, ['dimensions', d, 'id']] as const]) {
      if (ids.has(id)) ctx.addIssue({ code: 'custom', path: [...path], message: `id “${id}” 重复` });
      ids.add(id);
    }
    dimension.indicators.forEach((indicator, i) => {
      if (ids.has(indicator.id)) ctx.addIssue({ code: 'custom', path: ['dimensions', d, 'indicators', i, 'id'], message: `id “${indicator.id}” 重复` });
      ids.add(indicator.id);
      indicator.points.forEach((point, p) => {
        const path = ['dimensions', d, 'indicators', i, 'points', p];
        if (ids.has(point.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `id “${point.id}” 重复` });
        ids.add(point.id);
        where.set(point.id, { point, path });
      });
    });
  });

  const formulas = new Map<string, string[]>();
  for (const [id, { point, path }] of where) {
    if (point.input.kind === 'derived') {
      try {
        const refs = formulaRefs(parseFormula(point.input.formula));
        formulas.set(id, refs);
        for (const ref of refs) {
          const target = where.get(ref)?.point;
          if (!target) ctx.addIssue({ code: 'custom', path: [...path, 'input', 'formula'], message: `公式引用了不存在的要点 “${ref}”` });
          else if (!numericKinds.has(target.input.kind)) ctx.addIssue({ code: 'custom', path: [...path, 'input', 'formula'], message: `公式引用的要点 “${ref}” 不是数值` });
        }
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        ctx.addIssue({ code: 'custom', path: [...path, 'input', 'formula'], message: `公式无法解析：${error.message}` });
      }
    }
    if (point.criterion) {
      if (!numericKinds.has(point.input.kind)) ctx.addIssue({ code: 'custom', path: [...path, 'criterion'], message: '只有数值类要点（number、integer、derived）可以设阈值' });
      const value = point.criterion.value;
      if (typeof value === 'object') {
        for (const stage of data.stages) {
          const applies = !point.when?.stages || point.when.stages.includes(stage);
          if (applies && value[stage] === undefined) ctx.addIssue({ code: 'custom', path: [...path, 'criterion', 'value'], message: `缺少学段“${stage}”的阈值` });
        }
      }
    }
    if (point.when?.point !== undefined && !where.has(point.when.point)) {
      ctx.addIssue({ code: 'custom', path: [...path, 'when', 'point'], message: `条件引用了不存在的要点 “${point.when.point}”` });
    }
    if (point.veto !== undefined && !['choice', 'level'].includes(point.input.kind) && !point.criterion && !(point.input.kind === 'yesno' && point.input.expect !== undefined)) {
      ctx.addIssue({ code: 'custom', path: [...path, 'veto'], message: '一票否决的要点必须能判断是否达标' });
    }
  }

  // Cycles among derived values: depth-first search over formula references.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      ctx.addIssue({ code: 'custom', path: [...(where.get(id)?.path ?? []), 'input', 'formula'], message: `公式循环引用：${cycle.join(' → ')}` });
      return;
    }
    state.set(id, 'visiting');
    for (const ref of formulas.get(id) ?? []) if (formulas.has(ref)) visit(ref, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of formulas.keys()) visit(id, []);

  data.rules.forEach((rule, r) => {
    rule.of.forEach((id, k) => {
      const target = where.get(id)?.point;
      if (!target) ctx.addIssue({ code: 'custom', path: ['rules', r, 'of', k], message: `规则引用了不存在的要点 “${id}”` });
      else if (rule.remainderRatio !== undefined && !target.criterion) {
        ctx.addIssue({ code: 'custom', path: ['rules', r, 'of', k], message: `规则的余项比例要求要点 “${id}” 有阈值` });
      }
    });
    if (rule.count > rule.of.length) ctx.addIssue({ code: 'custom', path: ['rules', r, 'count'], message: `count ${rule.count} 大于要点数 ${rule.of.length}` });
  });
}
