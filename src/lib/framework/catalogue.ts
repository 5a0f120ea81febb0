// Catalogue filters over frameworks (build time only: pinyin slugs never reach the browser).
import type { Framework, Stage } from '../../schemas/framework.ts';
import { stages } from '../../schemas/framework.ts';
import { toPinyin } from '../workplan/slug.ts';
import { stageSlugs } from './present.ts';
import { allPoints } from './score.ts';

/** Stages in canonical order, with how many frameworks apply to each. */
export function stageFilters(frameworks: readonly Pick<Framework, 'stages'>[]): { stage: Stage; slug: string; count: number }[] {
  return stages
    .map((stage) => ({ stage, slug: stageSlugs[stage], count: frameworks.filter((framework) => framework.stages.includes(stage)).length }))
    .filter((filter) => filter.count > 0);
}

/** Issuing bodies with a pinyin slug each and counts, in Chinese collation order. */
export function issuerFilters(frameworks: readonly Pick<Framework, 'issuer'>[]): { issuer: string; slug: string; count: number }[] {
  const issuers = [...new Set(frameworks.map((framework) => framework.issuer))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return issuers.map((issuer) => ({ issuer, slug: toPinyin(issuer).slice(0, 60), count: frameworks.filter((framework) => framework.issuer === issuer).length }));
}

/** Counts of a framework's parts for the catalogue. */
export function frameworkCounts(framework: Framework): { dimensions: number; indicators: number; points: number } {
  return {
    dimensions: framework.dimensions.length,
    indicators: framework.dimensions.reduce((total, dimension) => total + dimension.indicators.length, 0),
    points: allPoints(framework).length,
  };
}
