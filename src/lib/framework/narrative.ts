// The narrative sections of a self-evaluation report (自评报告), in the order offices file them:
// 基本情况, 主要做法与成效, 存在问题, 整改措施. Plain data without zod, so the lazily loaded
// narrative panel, the draft restore and the reports share one list of sections and limits.

/** The key of a narrative section in the answers file. */
export type NarrativeKey = 'basics' | 'practice' | 'problems' | 'measures';

/** The narrative of a report: one text per section, each optional. */
export type Narrative = Partial<Record<NarrativeKey, string>>;

/** The most characters a section may hold: a long report section is a few pages, never a book. */
export const narrativeLimit = 5000;

/** The sections in report order, with the heading printed for each. */
export const narrativeSections: readonly { key: NarrativeKey; title: string; hint: string }[] = [
  { key: 'basics', title: '基本情况', hint: '学校规模、办学条件、自评组织等。' },
  { key: 'practice', title: '主要做法与成效', hint: '对照指标的主要做法和取得的成效。' },
  { key: 'problems', title: '存在问题', hint: '自评发现的问题和不足。' },
  { key: 'measures', title: '整改措施', hint: '针对问题的整改思路、措施和时限。' },
];

/** Characters as readers count them (a character outside the BMP counts once). */
export function characterCount(text: string): number {
  return [...text].length;
}

/** The count under a section: 已输入 120 字，最多 5000 字 (or how many too many). */
export function countText(text: string): string {
  const count = characterCount(text);
  return count > narrativeLimit ? `已输入 ${count} 字，超出上限 ${narrativeLimit} 字 ${count - narrativeLimit} 字` : `已输入 ${count} 字，最多 ${narrativeLimit} 字`;
}

/** Why a section's text cannot be kept, or null when it can. */
export function narrativeProblem(key: NarrativeKey, text: string): string | null {
  const title = narrativeSections.find((section) => section.key === key)!.title;
  const count = characterCount(text);
  return count > narrativeLimit ? `“${title}”有 ${count} 字，超过上限 ${narrativeLimit} 字，请删减后再保存` : null;
}

/** The sections that have text, in report order. */
export function filledSections(narrative: Narrative | undefined): { key: NarrativeKey; title: string; text: string }[] {
  return narrativeSections.flatMap(({ key, title }) => {
    const text = narrative?.[key]?.trim() ?? '';
    return text === '' ? [] : [{ key, title, text }];
  });
}

/** Paragraphs of a section's text: split at line breaks, blank lines dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
