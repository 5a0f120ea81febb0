// Words of the county view, the county CSV and the county PDF, derived from the framework and the
// results so no component writes a rule number, a limit or a count of its own.
import type { Framework } from '../../schemas/framework.ts';
import { ruleSentence } from '../framework/outcome.ts';
import { cvLimits } from '../stats/cv.ts';
import type { LoadIssue } from './load.ts';

/** The school rule's outcome in words. */
export const schoolRuleLabels = { pass: '符合', fail: '不符合', incomplete: '数据不全' } as const;

/** The CV limits in one sentence: 小学不超过 0.50，初中不超过 0.45. */
export function cvLimitSentence(): string {
  return Object.entries(cvLimits)
    .map(([stage, limit]) => `${stage}不超过 ${limit.toFixed(2)}`)
    .join('，');
}

/** The school rule of the county's framework in words, e.g. 7 项中至少 6 项达标，其余不低于标准的 85%. */
export function schoolRuleSentence(framework: Framework): string {
  const rule = framework.rules[0];
  return rule ? ruleSentence(rule) : '';
}

/** A school's met count against the number of indicators, e.g. 6/7. */
export function metCountText(metCount: number, indicators: number): string {
  return `${metCount}/${indicators}`;
}

/** One load issue as a line: file, row, column, message. */
export function issueText(issue: LoadIssue): string {
  return `${issue.file}${issue.row ? ` 第${issue.row}行` : ''}${issue.column ? `“${issue.column}”列` : ''}：${issue.message}`;
}

/** The first `limit` issues as lines, and how many more there are. */
export function issueLines(issues: readonly LoadIssue[], limit = 20): { lines: string[]; more: number } {
  return { lines: issues.slice(0, limit).map(issueText), more: Math.max(0, issues.length - limit) };
}

/** The status line after reading files: what was read and what was not, never a success line for a failure. */
export function loadSummary(files: number, schools: number, issues: number): { text: string; failed: boolean } {
  if (schools === 0) return { text: `已选择 ${files} 个文件，没有读取到可用的学校数据${issues > 0 ? `：${issues} 处问题见下方` : ''}。`, failed: true };
  return { text: `已读取 ${files} 个文件：${schools} 所学校${issues > 0 ? `；另有 ${issues} 处问题见下方，有问题的行未读取` : ''}。`, failed: false };
}
