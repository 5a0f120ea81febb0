// How far a cited fact was checked, in the words shown to readers.
import { verificationTags } from '../../schemas/handbook';

export type VerificationTag = (typeof verificationTags)[number];

/** What each verification tag means, as the pages show it. */
export const verificationLabels: Record<VerificationTag, string> = {
  V: '已核对原文',
  S: '据二手资料',
  M: '待核对',
};

/** A longer explanation of each tag, for the legend under a page's sources. */
export const verificationHints: Record<VerificationTag, string> = {
  V: '文字或数字与原文（或本站收录的原件）核对一致。',
  S: '来自新闻报道、地方转载或第三方解读，尚未与全国原文核对。',
  M: '凭记忆整理的原文表述，未找到可核对的出处，使用前请查阅原件。',
};
