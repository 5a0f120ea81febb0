// 回头看: compare two checks of one framework, an earlier and a later one. Per scored point the
// two values as judged by score.ts (exact; rounded only in the display texts), their share of the
// threshold, and the change; the band change and the counts. A point that became unmet, or whose
// value got worse without its status changing, is a 指标下滑预警. Every word shown by the records
// page and the comparison PDF comes from here.
//
// "Worse" follows the threshold's direction: lower for ≥/>, higher for ≤/<; for choices and
// levels a lower score. 下降 is a worse value with the status unchanged (still met, or still unmet).
import type { AnswersFile } from '../../schemas/answers.ts';
import type { Framework, Point } from '../../schemas/framework.ts';
import { percentText } from '../framework/outcome.ts';
import { allPoints, scoreFramework, type AnswerValue, type PointResult } from '../framework/score.ts';
import { displayValue } from '../selfcheck/form.ts';

export type Change = 'new-met' | 'still-unmet' | 'new-unmet' | 'declined' | 'steady' | 'missing';

/** The change of a point in words. */
export const changeLabels: Record<Change, string> = {
  'new-met': '新达标',
  'still-unmet': '仍未达标',
  'new-unmet': '新未达标',
  declined: '下降',
  steady: '持平或提高',
  missing: '无法比较',
};

/** The order of the counts line. */
const changeOrder: Change[] = ['new-met', 'still-unmet', 'new-unmet', 'declined', 'steady', 'missing'];

export interface Side {
  /** The value judged by score.ts (a derived value rounded to its decimals, as the form shows it). */
  value: AnswerValue | null;
  /** value ÷ threshold for ≥/> thresholds. */
  ratio?: number;
  met: boolean | null;
  /** Display texts. */
  valueText: string;
  ratioText: string;
}

export interface PointChange {
  id: string;
  title: string;
  indicator: string;
  before: Side;
  after: Side;
  change: Change;
  changeText: string;
  /** True for 新未达标 and 下降: a 指标下滑预警. */
  warning: boolean;
}

export interface Comparison {
  before: { label: string; date: string };
  after: { label: string; date: string };
  points: PointChange[];
  counts: Record<Change, number>;
  met: { before: number; after: number; scored: number };
  band: { before: string; after: string; direction: 'up' | 'down' | 'same'; text: string };
  /** The 指标下滑预警 lines. */
  warnings: string[];
  /** The counts in one line, e.g. 新达标 1 项，仍未达标 0 项，… */
  countsText: string;
}

/** Which side of the threshold a status is: met, not met (unmet or partial), or not judged. */
function sideMet(result: PointResult | undefined): boolean | null {
  if (!result) return null;
  if (result.status === 'met') return true;
  if (result.status === 'unmet' || result.status === 'partial') return false;
  return null;
}

/** How good a value is in the point's own direction (larger is better), or null when it has no order. */
function goodness(point: Point, value: AnswerValue | null): number | null {
  const input = point.input;
  if (value === null) return null;
  if (typeof value === 'number') {
    const op = point.criterion?.op;
    if (op === undefined) return null;
    return op === '>=' || op === '>' ? value : -value;
  }
  if (input.kind === 'choice' || input.kind === 'level') {
    const options = input.kind === 'choice' ? input.options : input.levels;
    return options.find((option) => option.value === value)?.score ?? null;
  }
  return null;
}

function side(point: Point, result: PointResult | undefined): Side {
  const met = sideMet(result);
  return {
    value: result?.value ?? null,
    ...(result?.ratio === undefined ? {} : { ratio: result.ratio }),
    met,
    valueText: met === null ? '—' : displayValue(result, point.input),
    ratioText: met === null || result?.ratio === undefined ? '—' : percentText(result.ratio),
  };
}

/** The change of one point between two checks. */
export function classify(point: Point, before: Side, after: Side): Change {
  if (before.met === null || after.met === null) return 'missing';
  if (!before.met && after.met) return 'new-met';
  if (before.met && !after.met) return 'new-unmet';
  const was = goodness(point, before.value);
  const now = goodness(point, after.value);
  if (was !== null && now !== null && now < was) return 'declined';
  return after.met ? 'steady' : 'still-unmet';
}

/** The name of a check in a comparison: school and date, e.g. 南岸区示范小学 2025-05-01. */
export function checkLabel(file: AnswersFile): string {
  return [file.subject.name || '（未填学校名称）', file.subject.date || '（未填日期）'].join(' ');
}

/** Two checks in time order (by 自评日期, then save time): [earlier, later]. */
export function chronological(a: AnswersFile, b: AnswersFile): [AnswersFile, AnswersFile] {
  const keyOf = (file: AnswersFile) => `${file.subject.date || '9999'}|${file.savedAt ?? ''}`;
  return keyOf(a) <= keyOf(b) ? [a, b] : [b, a];
}

/** Compare an earlier and a later check of `framework`, each scored with its own 学段. */
export function compareChecks(framework: Framework, earlier: AnswersFile, later: AnswersFile): Comparison {
  const first = scoreFramework(framework, earlier.answers, { stage: earlier.subject.stage });
  const second = scoreFramework(framework, later.answers, { stage: later.subject.stage });
  const points: PointChange[] = [];
  for (const { point, indicator } of allPoints(framework)) {
    const before = side(point, first.points[point.id]);
    const after = side(point, second.points[point.id]);
    if (before.met === null && after.met === null) continue; // never judged: inputs, text, not applicable
    const change = classify(point, before, after);
    points.push({ id: point.id, title: point.title, indicator: indicator.title, before, after, change, changeText: changeLabels[change], warning: change === 'new-unmet' || change === 'declined' });
  }
  const counts = Object.fromEntries(changeOrder.map((change) => [change, points.filter((item) => item.change === change).length])) as Record<Change, number>;
  const rank = (label: string) => framework.bands.findIndex((band) => band.label === label);
  const beforeRank = rank(first.band.label);
  const afterRank = rank(second.band.label);
  const direction = afterRank < beforeRank ? 'up' : afterRank > beforeRank ? 'down' : 'same';
  const directionWords = { up: '提升', down: '下降', same: '不变' } as const;
  const warnings = points
    .filter((item) => item.warning)
    .map((item) => {
      const how = item.change === 'new-unmet' ? '由达标变为未达标' : item.after.met ? '仍达标，但数值下降' : '仍未达标，且数值下降';
      return `指标下滑预警：${item.title} ${item.before.valueText} → ${item.after.valueText}（${how}）`;
    });
  return {
    before: { label: checkLabel(earlier), date: earlier.subject.date },
    after: { label: checkLabel(later), date: later.subject.date },
    points,
    counts,
    met: { before: first.met, after: second.met, scored: points.length },
    band: { before: first.band.label, after: second.band.label, direction, text: `${first.band.label} → ${second.band.label}（${directionWords[direction]}）` },
    warnings,
    countsText: changeOrder.filter((change) => change !== 'missing' || counts.missing > 0).map((change) => `${changeLabels[change]} ${counts[change]} 项`).join('，'),
  };
}

/** The comparison table's column titles, shared by the page and the PDF. */
export const comparisonColumns = ['指标', '前次值', '占标准', '本次值', '占标准', '变化'] as const;

/** The table rows as texts, in the order of `comparisonColumns`. */
export function comparisonRows(comparison: Comparison): string[][] {
  return comparison.points.map((item) => [item.title, item.before.valueText, item.before.ratioText, item.after.valueText, item.after.ratioText, item.warning ? `${item.changeText}（预警）` : item.changeText]);
}
