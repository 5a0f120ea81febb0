// Scoring of a self-check: pure, deterministic and fast (it runs on every keystroke).
// Only types are imported from the schema, so the self-check island does not ship zod.
//
// Rounding: a derived value is rounded half-up to its `decimals` (default 2) BEFORE it is compared
// with a threshold, so the number the user sees is the number that is judged (4.195 shows as 4.20
// and meets ≥ 4.2). Thresholds are compared exactly as written (≥ includes the threshold, 以上).
import type { Band, Criterion, Framework, Point, Rule, Stage } from '../../schemas/framework.ts';
import { evaluateFormula, type Formula } from './formula.ts';

export type AnswerValue = boolean | number | string;
export type Answers = Readonly<Record<string, AnswerValue | null | undefined>>;

export type PointStatus = 'met' | 'unmet' | 'partial' | 'unanswered' | 'not-applicable' | 'info';

export interface PointResult {
  id: string;
  status: PointStatus;
  /** The value that was judged: the answer, or the rounded derived value. */
  value: AnswerValue | null;
  /** For derived values: the exact value before rounding (statistics such as the CV use it). */
  exact?: number | null;
  /** For derived values: the inputs the value came from. */
  inputs?: { id: string; title: string; value: number | null }[];
  /** The threshold that applied for the stage. */
  threshold?: { op: Criterion['op']; value: number };
  /** value ÷ threshold, for ≥/> thresholds. */
  ratio?: number;
  earned: number;
  possible: number;
}

export interface DimensionResult {
  id: string;
  title: string;
  earned: number;
  possible: number;
  /** earned ÷ possible × 100, null when nothing is scored. */
  percent: number | null;
  met: number;
  unmet: number;
  answered: number;
  total: number;
}

export interface RuleResult {
  id: string;
  title: string;
  status: 'pass' | 'fail' | 'incomplete';
  met: number;
  required: number;
  /** Points below the remainder ratio (they fail the rule even when enough others are met). */
  belowRemainder: string[];
}

export interface ScoreResult {
  points: Record<string, PointResult>;
  dimensions: DimensionResult[];
  rules: RuleResult[];
  /** Overall percentage (weighted by dimension), null when nothing is scored. */
  percent: number | null;
  earned: number;
  possible: number;
  met: number;
  unmet: number;
  vetoes: { id: string; title: string; reason: string }[];
  band: Band;
  /** True when every required applicable point is answered: until then the band is provisional. */
  complete: boolean;
  progress: { answered: number; total: number };
  /** Points not met or only partly met, in framework order: the basis of the 整改清单. */
  unmetPoints: { id: string; title: string; indicator: string; dimension: string; status: 'unmet' | 'partial' }[];
}

export interface ScoreOptions {
  stage?: Stage;
}

/** A derived point's formula, parsed when the framework was validated (so scoring needs no parser). */
function formulaOf(point: Point): Formula | null {
  return point.input.kind === 'derived' ? point.input.tree : null;
}

/** Round half-up (away from zero) to `decimals`, without binary artefacts such as 1.005 → 1.00. */
export function roundHalfUp(value: number, decimals: number): number {
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  return sign * Number(`${Math.round(shifted)}e-${decimals}`);
}

/** The threshold of a criterion for a stage; null when the criterion names no value for it. */
export function thresholdFor(criterion: Criterion, stage: Stage | undefined): number | null {
  if (typeof criterion.value === 'number') return criterion.value;
  if (stage === undefined) return null;
  return criterion.value[stage] ?? null;
}

/** Whether a value satisfies a comparison. */
export function compare(value: number, op: Criterion['op'], threshold: number): boolean {
  if (op === '>=') return value >= threshold;
  if (op === '>') return value > threshold;
  if (op === '<=') return value <= threshold;
  return value < threshold;
}

/** Whether a point applies to this stage and these answers. */
export function applies(point: Point, answers: Answers, stage: Stage | undefined): boolean {
  const when = point.when;
  if (!when) return true;
  if (when.stages && (stage === undefined || !when.stages.includes(stage))) return false;
  if (when.point !== undefined && answers[when.point] !== when.equals) return false;
  return true;
}

/** Every point of a framework in order, with its indicator and dimension. */
export function allPoints(framework: Framework) {
  return framework.dimensions.flatMap((dimension) =>
    dimension.indicators.flatMap((indicator) => indicator.points.map((point) => ({ point, indicator, dimension }))),
  );
}

/** Score a self-check: every point's status, dimension and overall scores, rules, vetoes and band. */
export function scoreFramework(framework: Framework, answers: Answers, options: ScoreOptions = {}): ScoreResult {
  const { stage } = options;
  const entries = allPoints(framework);
  const byId = new Map(entries.map((entry) => [entry.point.id, entry]));
  const numbers = new Map<string, number | null>();

  // Numeric value of a point (an answer, or a derived value computed on demand, memoised).
  const numberOf = (id: string): number | null => {
    if (numbers.has(id)) return numbers.get(id)!;
    const point = byId.get(id)?.point;
    let value: number | null = null;
    if (point && applies(point, answers, stage)) {
      if (point.input.kind === 'derived') {
        numbers.set(id, null); // guards against a cycle the schema would have rejected
        const formula = formulaOf(point);
        const raw = formula === null ? null : evaluateFormula(formula, numberOf);
        value = raw === null ? null : roundHalfUp(raw, point.input.decimals);
      } else {
        const answer = answers[id];
        value = typeof answer === 'number' && Number.isFinite(answer) ? answer : null;
      }
    }
    numbers.set(id, value);
    return value;
  };

  // The same without rounding at any step, for statistics over many schools.
  const exacts = new Map<string, number | null>();
  const exactOf = (id: string): number | null => {
    if (exacts.has(id)) return exacts.get(id)!;
    const point = byId.get(id)?.point;
    if (!point || point.input.kind !== 'derived') return numberOf(id);
    exacts.set(id, null);
    const formula = formulaOf(point);
    const value = numberOf(id) === null || formula === null ? null : evaluateFormula(formula, exactOf);
    exacts.set(id, value);
    return value;
  };

  const points: Record<string, PointResult> = {};
  for (const { point } of entries) {
    points[point.id] = scorePoint(point, answers, stage, numberOf, byId);
    if (point.input.kind === 'derived') points[point.id]!.exact = exactOf(point.id);
  }

  const dimensions: DimensionResult[] = framework.dimensions.map((dimension) => {
    const results = dimension.indicators.flatMap((indicator) => indicator.points.map((point) => ({ point, result: points[point.id]! })));
    const earned = sum(results.map(({ result }) => result.earned));
    const possible = sum(results.map(({ result }) => result.possible));
    const counted = results.filter(({ point, result }) => point.required && result.status !== 'not-applicable' && point.input.kind !== 'derived');
    return {
      id: dimension.id,
      title: dimension.title,
      earned,
      possible,
      percent: possible > 0 ? roundHalfUp((earned / possible) * 100, 1) : null,
      met: results.filter(({ result }) => result.status === 'met').length,
      unmet: results.filter(({ result }) => result.status === 'unmet').length,
      answered: counted.filter(({ result }) => result.status !== 'unanswered').length,
      total: counted.length,
    };
  });

  const weighted = framework.dimensions
    .map((dimension, index) => ({ dimension: dimensions[index]!, weight: dimension.weight ?? dimensions[index]!.possible }))
    .filter(({ dimension }) => dimension.possible > 0);
  const totalWeight = sum(weighted.map(({ weight }) => weight));
  const percent = totalWeight > 0 ? roundHalfUp(sum(weighted.map(({ dimension, weight }) => (dimension.earned / dimension.possible) * weight)) / totalWeight * 100, 1) : null;

  const rules = framework.rules.map((rule) => scoreRule(rule, points));
  const vetoes = entries
    .filter(({ point }) => point.veto !== undefined && points[point.id]!.status === 'unmet')
    .map(({ point }) => ({ id: point.id, title: point.title, reason: point.veto! }));

  const scored = Object.values(points).filter((result) => result.status === 'met' || result.status === 'unmet' || result.status === 'partial');
  const unmetCount = scored.filter((result) => result.status !== 'met').length;
  const progress = {
    answered: sum(dimensions.map((dimension) => dimension.answered)),
    total: sum(dimensions.map((dimension) => dimension.total)),
  };
  const complete = progress.answered === progress.total;
  const failed = scored.filter((result) => result.status === 'unmet').length;
  const band = chooseBand(framework.bands, { percent, unmet: unmetCount + (complete ? 0 : progress.total - progress.answered), failed, rules, vetoed: vetoes.length > 0 });

  const unmetPoints = entries
    .filter(({ point }) => points[point.id]!.status === 'unmet' || points[point.id]!.status === 'partial')
    .map(({ point, indicator, dimension }) => ({
      id: point.id,
      title: point.title,
      indicator: indicator.title,
      dimension: dimension.title,
      status: points[point.id]!.status as 'unmet' | 'partial',
    }));

  return {
    points,
    dimensions,
    rules,
    percent,
    earned: sum(dimensions.map((dimension) => dimension.earned)),
    possible: sum(dimensions.map((dimension) => dimension.possible)),
    met: scored.length - unmetCount,
    unmet: unmetCount,
    vetoes,
    band,
    complete,
    progress,
    unmetPoints,
  };
}

function scorePoint(
  point: Point,
  answers: Answers,
  stage: Stage | undefined,
  numberOf: (id: string) => number | null,
  byId: Map<string, { point: Point }>,
): PointResult {
  const possible = point.points;
  const base = { id: point.id, earned: 0, possible };
  if (!applies(point, answers, stage)) return { ...base, status: 'not-applicable', value: null, possible: 0 };
  const input = point.input;
  const answer = answers[point.id];

  switch (input.kind) {
    case 'text':
      return { ...base, status: typeof answer === 'string' && answer.trim() !== '' ? 'info' : 'unanswered', value: typeof answer === 'string' ? answer : null, possible: 0 };
    case 'yesno': {
      if (typeof answer !== 'boolean') return { ...base, status: 'unanswered', value: null };
      if (input.expect === undefined) return { ...base, status: 'info', value: answer, possible: 0 };
      const met = answer === input.expect;
      return { ...base, status: met ? 'met' : 'unmet', value: answer, earned: met ? possible : 0 };
    }
    case 'choice':
    case 'level': {
      const options = input.kind === 'choice' ? input.options : input.levels;
      const option = options.find((candidate) => candidate.value === answer);
      if (!option) return { ...base, status: 'unanswered', value: null };
      const status: PointStatus = option.met ? 'met' : option.score > 0 ? 'partial' : 'unmet';
      return { ...base, status, value: option.value, earned: roundHalfUp(possible * option.score, 2) };
    }
    case 'number':
    case 'integer':
    case 'derived': {
      const value = numberOf(point.id);
      const inputs =
        input.kind === 'derived'
          ? parsedRefs(point).map((id) => ({ id, title: byId.get(id)?.point.title ?? id, value: numberOf(id) }))
          : undefined;
      const result: PointResult = { ...base, status: 'unanswered', value, ...(inputs ? { inputs } : {}) };
      const threshold = point.criterion ? thresholdFor(point.criterion, stage) : null;
      if (point.criterion && threshold !== null) {
        result.threshold = { op: point.criterion.op, value: threshold };
      }
      if (value === null) return result;
      if (!point.criterion || threshold === null) return { ...result, status: 'info', possible: 0 };
      const met = compare(value, point.criterion.op, threshold);
      if ((point.criterion.op === '>=' || point.criterion.op === '>') && threshold > 0) result.ratio = value / threshold;
      return { ...result, status: met ? 'met' : 'unmet', earned: met ? possible : 0 };
    }
  }
}

function parsedRefs(point: Point): string[] {
  const formula = formulaOf(point);
  if (!formula) return [];
  const names: string[] = [];
  const walk = (node: Formula): void => {
    if (node.kind === 'ref') {
      if (!names.includes(node.name)) names.push(node.name);
    } else if (node.kind === 'negate') walk(node.operand);
    else if (node.kind === 'binary') {
      walk(node.left);
      walk(node.right);
    } else if (node.kind === 'call') node.args.forEach(walk);
  };
  walk(formula);
  return names;
}

/** Outcome of a composite rule such as "at least 6 of 7 met, the rest ≥ 85% of their threshold". */
function scoreRule(rule: Rule, points: Record<string, PointResult>): RuleResult {
  const results = rule.of.map((id) => points[id]).filter((result): result is PointResult => result !== undefined && result.status !== 'not-applicable');
  const met = results.filter((result) => result.status === 'met').length;
  const unanswered = results.filter((result) => result.status === 'unanswered').length;
  const belowRemainder =
    rule.remainderRatio === undefined
      ? []
      : results.filter((result) => result.status === 'unmet' && (result.ratio === undefined || result.ratio < rule.remainderRatio!)).map((result) => result.id);
  const required = Math.min(rule.count, results.length);
  const base = { id: rule.id, title: rule.title, met, required, belowRemainder };
  if (met >= required && belowRemainder.length === 0 && unanswered === 0) return { ...base, status: 'pass' };
  // Fails for sure when even answering every open point could not reach the count, or a point is below the remainder.
  if (met + unanswered < required || belowRemainder.length > 0) return { ...base, status: 'fail' };
  return { ...base, status: 'incomplete' };
}

/** The first band whose conditions hold; a veto, or no band matching, selects the last. */
export function chooseBand(
  bands: readonly Band[],
  outcome: { percent: number | null; unmet: number; failed: number; rules: readonly RuleResult[]; vetoed: boolean },
): Band {
  const last = bands[bands.length - 1]!;
  if (outcome.vetoed) return last;
  return (
    bands.find(
      (band) =>
        (band.minPercent === undefined || (outcome.percent !== null && outcome.percent >= band.minPercent)) &&
        (band.maxUnmet === undefined || outcome.unmet <= band.maxUnmet) &&
        (band.maxFailed === undefined || outcome.failed <= band.maxFailed) &&
        (band.rulesPass !== true || outcome.rules.every((rule) => rule.status === 'pass')),
    ) ?? last
  );
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
