// Words for a self-check's outcome, derived from the framework's rule data and the score: the rule
// in a sentence, its outcome with counts, and the points below their threshold with their share of
// it. Shared by the result panel, the PDF report and the county view, so no component writes a
// rule count or a share of its own. Kept apart from present.ts so the form's first JavaScript does
// not carry it (the result panel loads after the form).
import type { Framework, Rule } from '../../schemas/framework.ts';
import { unitOf } from './present.ts';
import { allPoints, type RuleResult, type ScoreResult } from './score.ts';

/** A share as a whole percentage, rounded down so a value just below a limit never reads as reaching it (0.849 → 84%). */
export function percentText(ratio: number): string {
  return `${Math.floor(Math.round(ratio * 1e9) / 1e7)}%`;
}

/** A composite rule in words, from its data: 7 项中至少 6 项达标，其余不低于标准的 85%. */
export function ruleSentence(rule: Pick<Rule, 'of' | 'count' | 'remainderRatio'>): string {
  const remainder = rule.remainderRatio === undefined ? '' : `，其余不低于标准的 ${percentText(rule.remainderRatio)}`;
  return `${rule.of.length} 项中至少 ${rule.count} 项达标${remainder}`;
}

/** A rule's outcome in words. */
export const ruleStatusLabels: Record<RuleResult['status'], string> = { pass: '符合', fail: '不符合', incomplete: '尚未填完' };

/** A rule's outcome with its counts: 不符合（达标 5 项，要求至少 6 项；低于标准 85% 的 1 项）. */
export function ruleOutcome(rule: Pick<Rule, 'remainderRatio'>, result: RuleResult): string {
  const below = result.belowRemainder.length > 0 && rule.remainderRatio !== undefined ? `；低于标准 ${percentText(rule.remainderRatio)} 的 ${result.belowRemainder.length} 项` : '';
  return `${ruleStatusLabels[result.status]}（达标 ${result.met} 项，要求至少 ${result.required} 项${below}）`;
}

/** The points below their threshold, each with its value and its share of the threshold: 每百名学生拥有… 3.80，为标准的 90%. */
export function shortfalls(framework: Framework, result: ScoreResult): { id: string; text: string }[] {
  return allPoints(framework).flatMap(({ point }) => {
    const scored = result.points[point.id];
    if (!scored || scored.status !== 'unmet') return [];
    const unit = unitOf(point.input);
    const value = typeof scored.value === 'number' ? (point.input.kind === 'derived' ? scored.value.toFixed(point.input.decimals) : String(scored.value)) : null;
    const share = scored.ratio === undefined ? '' : `，为标准的 ${percentText(scored.ratio)}`;
    return [{ id: point.id, text: value === null ? point.title : `${point.title} ${value}${unit ? ` ${unit}` : ''}${share}` }];
  });
}
