// How each audience is named on the shelf and what it finds there.
import type { HandbookAudience } from './shelf';

/** Group heading for each audience. */
export const audienceLabels: Record<HandbookAudience, string> = {
  学校: '学校',
  责任督学: '责任督学',
  督导部门: '督导部门',
  通用: '通用参考',
};

/** One line under each group heading on /handbooks/. */
export const audienceHints: Record<HandbookAudience, string> = {
  学校: '校长和学校督导室：开展自评、准备佐证材料、落实整改。',
  责任督学: '挂牌责任督学：进校督导、记录发现、推动问题解决。',
  督导部门: '区县政府教育督导室：运用督导结果、预警与问责、解读指标。',
  通用: '各方通用的术语与参考。',
};
