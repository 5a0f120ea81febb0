// The county view's numbers: each school's 7 derived values, met/not met and the school rule
// (with the self-check's own scoring code), and per stage and indicator the enrolment-weighted
// 校际差异系数 against its limit, with the schools that pull it up most; plus the year-over-year
// early warning (指标下滑预警) when two years are loaded.
import type { Framework } from '../../schemas/framework.ts';
import { scoreFramework } from '../framework/score.ts';
import { CvInputError, cvLimits, weightedCv } from '../stats/cv.ts';
import type { LoadIssue, SchoolRecord } from './load.ts';

export type Stage = '小学' | '初中';

export interface SchoolResult {
  key: string;
  name: string;
  stage: Stage;
  year: number | null;
  /** Enrolment used as the CV weight (for a split 九年一贯制 part: that part's pupils). */
  students: number;
  values: Record<string, number | null>;
  met: Record<string, boolean>;
  metCount: number;
  rule: 'pass' | 'fail' | 'incomplete';
  source: string;
  /** Part of a 九年一贯制 school split by the 1 : 1.1 weighting. */
  splitFrom?: string;
}

export interface IndicatorCv {
  stage: Stage;
  year: number | null;
  id: string;
  title: string;
  unit: string;
  threshold: number;
  limit: number;
  cv: number | null;
  mean: number | null;
  pass: boolean | null;
  schools: number;
  top: { name: string; share: number; value: number }[];
  error?: string;
}

export interface CountyResult {
  indicators: { id: string; title: string; unit: string }[];
  schools: SchoolResult[];
  cvs: IndicatorCv[];
  issues: LoadIssue[];
  years: number[];
  declines: { name: string; stage: Stage; indicator: string; from: number; to: number; fromYear: number; toYear: number; lostMet: boolean }[];
  cvRises: { stage: Stage; indicator: string; from: number; to: number; crossedLimit: boolean }[];
}

export interface CountyOptions {
  /** Split 九年一贯制 schools into a 小学 and a 初中 part by the 1 : 1.1 weighted enrolment. */
  splitNineYear: boolean;
}

const juniorWeight = 1.1;

/** Compute every school and every stage × indicator CV (per year when several years are loaded). */
export function computeCounty(framework: Framework, records: readonly SchoolRecord[], options: CountyOptions): CountyResult {
  const rule = framework.rules[0];
  const ids = rule?.of ?? [];
  const points = new Map(framework.dimensions.flatMap((dimension) => dimension.indicators.flatMap((indicator) => indicator.points.map((point) => [point.id, point] as const))));
  const indicators = ids.map((id) => {
    const point = points.get(id)!;
    return { id, title: point.title, unit: point.input.kind === 'derived' ? point.input.unit ?? '' : '' };
  });
  const issues: LoadIssue[] = [];
  const schools: SchoolResult[] = [];

  const score = (record: SchoolRecord, stage: Stage, answers: Record<string, number>, students: number, splitFrom?: string) => {
    const result = scoreFramework(framework, answers, { stage });
    const values: Record<string, number | null> = {};
    const met: Record<string, boolean> = {};
    for (const id of ids) {
      const point = result.points[id];
      values[id] = typeof point?.value === 'number' ? point.value : null;
      met[id] = point?.status === 'met';
    }
    const ruleResult = result.rules[0];
    schools.push({
      key: `${record.name}|${stage}|${record.year ?? ''}`,
      name: splitFrom ? `${record.name}（${stage}部）` : record.name,
      stage,
      year: record.year,
      students,
      values,
      met,
      metCount: Object.values(met).filter(Boolean).length,
      rule: ruleResult?.status ?? 'incomplete',
      source: record.source,
      ...(splitFrom ? { splitFrom } : {}),
    });
  };

  for (const record of records) {
    if (record.stage !== '九年一贯制') {
      score(record, record.stage, record.answers, record.answers.students ?? 0);
      continue;
    }
    if (!options.splitNineYear) {
      issues.push({ file: record.source, column: '学段', message: `九年一贯制学校“${record.name}”未计入：请按小学部、初中部各填一行，或开启“按1∶1.1折算拆分九年一贯制学校”` });
      continue;
    }
    if (!record.split || record.split.primary <= 0 || record.split.junior <= 0) {
      issues.push({ file: record.source, column: '小学部在校生数（九年一贯制填）', message: `九年一贯制学校“${record.name}”需填写小学部和初中部在校生数才能拆分` });
      continue;
    }
    const { primary, junior } = record.split;
    // Shared resources divided by weighted enrolment: 小学 per-pupil = total ÷ (P小 + 1.1·P初); 初中 = 1.1 × that.
    score(record, '小学', { ...record.answers, students: primary + juniorWeight * junior }, primary, record.name);
    score(record, '初中', { ...record.answers, students: primary / juniorWeight + junior }, junior, record.name);
  }

  const years = [...new Set(schools.map((school) => school.year).filter((year): year is number => year !== null))].sort();
  const cvs: IndicatorCv[] = [];
  const yearGroups: (number | null)[] = years.length > 0 ? years : [null];
  for (const year of yearGroups) {
    for (const stage of ['小学', '初中'] as const) {
      const group = schools.filter((school) => school.stage === stage && (year === null || school.year === year));
      if (group.length === 0) continue;
      for (const indicator of indicators) {
        const point = points.get(indicator.id)!;
        const criterion = point.criterion!;
        const threshold = typeof criterion.value === 'number' ? criterion.value : criterion.value[stage]!;
        const usable = group.filter((school) => school.values[indicator.id] !== null);
        const base = { stage, year, ...indicator, threshold, limit: cvLimits[stage], schools: usable.length };
        try {
          const result = weightedCv(usable.map((school) => ({ id: school.name, students: school.students, value: school.values[indicator.id]! })));
          cvs.push({ ...base, cv: result.cv, mean: result.mean, pass: result.cv <= cvLimits[stage], top: result.contributions.slice(0, 3).map((item) => ({ name: item.id, share: item.share, value: item.value })) });
        } catch (error) {
          if (!(error instanceof CvInputError)) throw error;
          cvs.push({ ...base, cv: null, mean: null, pass: null, top: [], error: error.message });
        }
      }
    }
  }

  // Year over year: the latest year against the one before.
  const declines: CountyResult['declines'] = [];
  const cvRises: CountyResult['cvRises'] = [];
  if (years.length >= 2) {
    const [fromYear, toYear] = years.slice(-2) as [number, number];
    const before = new Map(schools.filter((school) => school.year === fromYear).map((school) => [`${school.name}|${school.stage}`, school]));
    for (const school of schools.filter((item) => item.year === toYear)) {
      const previous = before.get(`${school.name}|${school.stage}`);
      if (!previous) continue;
      for (const indicator of indicators) {
        const from = previous.values[indicator.id];
        const to = school.values[indicator.id];
        if (from !== null && from !== undefined && to !== null && to !== undefined && to < from) {
          declines.push({ name: school.name, stage: school.stage, indicator: indicator.title, from, to, fromYear, toYear, lostMet: previous.met[indicator.id]! && !school.met[indicator.id] });
        }
      }
    }
    for (const now of cvs.filter((item) => item.year === toYear && item.cv !== null)) {
      const then = cvs.find((item) => item.year === fromYear && item.stage === now.stage && item.id === now.id && item.cv !== null);
      if (then && now.cv! > then.cv!) cvRises.push({ stage: now.stage, indicator: now.title, from: then.cv!, to: now.cv!, crossedLimit: then.cv! <= now.limit && now.cv! > now.limit });
    }
  }
  return { indicators, schools, cvs, issues, years, declines, cvRises };
}

/** The results as CSV: one row per school with its values, then one row per stage × indicator CV. */
export function resultsCsv(result: CountyResult): string {
  const cell = (value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
  };
  const lines = [
    ['学校', '学段', '年度', '在校生数（权重）', ...result.indicators.map((indicator) => `${indicator.title}（${indicator.unit}）`), '达标项数', '学校规则'],
    ...result.schools.map((school) => [school.name, school.stage, school.year ?? '', school.students, ...result.indicators.map((indicator) => school.values[indicator.id] ?? ''), school.metCount, { pass: '符合', fail: '不符合', incomplete: '数据不全' }[school.rule]]),
    [],
    ['学段', '年度', '指标', '校际差异系数', '上限', '是否达标', '县域均值', '学校数'],
    ...result.cvs.map((item) => [item.stage, item.year ?? '', item.title, item.cv === null ? '' : item.cv.toFixed(4), item.limit, item.pass === null ? item.error ?? '' : item.pass ? '达标' : '未达标', item.mean === null ? '' : item.mean.toFixed(2), item.schools]),
  ];
  return `\ufeff${lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}
