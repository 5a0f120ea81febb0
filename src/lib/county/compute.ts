// The county view's numbers: each school's 7 derived values, met/not met and the school rule
// (with the self-check's own scoring code), and per stage and indicator the enrolment-weighted
// 校际差异系数 against its limit, with the schools that pull it up most; plus the year-over-year
// early warning (指标下滑预警) when two years are loaded.
import type { Framework } from '../../schemas/framework.ts';
import { scoreFramework } from '../framework/score.ts';
import { CvInputError, cvLimits, weightedCv } from '../stats/cv.ts';
import type { SchoolRecord } from './load.ts';
import { csvDocument } from '../csv/write.ts';
import { schoolRuleLabels } from './present.ts';

export type Stage = '小学' | '初中';

export interface SchoolResult {
  key: string;
  name: string;
  stage: Stage;
  year: number | null;
  /** Enrolment used as the CV weight (for a split 九年一贯制 part: that part's pupils). */
  students: number;
  /** Values as shown and judged: rounded to the point's decimals, like the self-check. */
  values: Record<string, number | null>;
  /** Exact values (raw inputs divided, never rounded): the CV, the mean and the contributions use these. */
  exact: Record<string, number | null>;
  met: Record<string, boolean>;
  metCount: number;
  rule: 'pass' | 'fail' | 'incomplete';
  source: string;
  /** How the year was decided when the row had none. */
  yearFrom?: string;
  /** Part of a 九年一贯制 school split by the 1 : 1.1 weighting. */
  splitFrom?: string;
}

export interface IndicatorCv {
  /** The statistic group (year and stage) this row belongs to. */
  group: string;
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
  /** Schools of the group without a value for this indicator. */
  missing: string[];
  error?: string;
}

/** A loaded school that is in no statistic, and why. */
export interface Excluded {
  name: string;
  stage: string;
  year: number | null;
  source: string;
  reason: string;
}

/** One statistic group: the schools of one stage in one year. */
export interface Group {
  key: string;
  stage: Stage;
  year: number | null;
  label: string;
  schools: number;
}

export interface CountyResult {
  indicators: { id: string; title: string; unit: string }[];
  schools: SchoolResult[];
  cvs: IndicatorCv[];
  groups: Group[];
  /** Loaded schools in no statistic, each with its reason. */
  excluded: Excluded[];
  /** Decisions the page states, e.g. a missing year taken from the other rows. */
  notices: string[];
  years: number[];
  declines: { name: string; stage: Stage; indicator: string; from: number; to: number; fromYear: number; toYear: number; lostMet: boolean }[];
  cvRises: { stage: Stage; indicator: string; from: number; to: number; crossedLimit: boolean }[];
}

export interface CountyOptions {
  /** Split 九年一贯制 schools into a 小学 and a 初中 part by the 1 : 1.1 weighted enrolment. */
  splitNineYear: boolean;
}

const juniorWeight = 1.1;

/** The key and the label of a statistic group. */
export function groupOf(year: number | null, stage: Stage): { key: string; label: string } {
  return { key: `${year ?? '—'}:${stage}`, label: `${year === null ? '' : `${year}年`}${stage}` };
}

/**
 * Give every record a year. A record without one takes the single year of the other rows of its
 * file, else the single year of everything loaded; when none was given anywhere, all stay in one
 * group without a year; when several years are loaded and the file does not tell, the record is
 * left out with that reason (never guessed).
 */
export function assignYears(records: readonly SchoolRecord[]): { records: (SchoolRecord & { yearFrom?: string })[]; excluded: Excluded[]; notices: string[] } {
  const yearsOf = (list: readonly SchoolRecord[]) => [...new Set(list.map((record) => record.year).filter((year): year is number => year !== null))].sort();
  const all = yearsOf(records);
  // The years of each file, once (not a scan of every record for each row without a year).
  const byFile = new Map<string, SchoolRecord[]>();
  for (const record of records) {
    const list = byFile.get(record.file);
    if (list) list.push(record);
    else byFile.set(record.file, [record]);
  }
  const fileYears = new Map([...byFile].map(([file, list]) => [file, yearsOf(list)]));
  const excluded: Excluded[] = [];
  const assigned: (SchoolRecord & { yearFrom?: string })[] = [];
  const fromFile = new Map<string, number>();
  const fromOthers: string[] = [];
  for (const record of records) {
    if (record.year !== null || all.length === 0) {
      assigned.push(record);
      continue;
    }
    const own = fileYears.get(record.file) ?? [];
    if (own.length === 1) {
      assigned.push({ ...record, year: own[0]!, yearFrom: `未填年度，按同一文件其他学校的年度 ${own[0]} 计入` });
      fromFile.set(record.file, (fromFile.get(record.file) ?? 0) + 1);
    } else if (all.length === 1) {
      assigned.push({ ...record, year: all[0]!, yearFrom: `未填年度，按已读取数据的年度 ${all[0]} 计入` });
      fromOthers.push(record.name);
    } else {
      excluded.push({ name: record.name, stage: record.stage, year: null, source: record.source, reason: `未填年度，而已读取的数据涉及 ${all.join('、')} 年，无法判断属于哪一年：请在文件中填写年度后重新读取` });
    }
  }
  const notices = [
    ...[...fromFile].map(([file, count]) => `${file}：${count} 所学校未填年度，已按同一文件其他学校的年度计入。`),
    ...(fromOthers.length > 0 ? [`${fromOthers.length} 所学校（${fromOthers.slice(0, 5).join('、')}${fromOthers.length > 5 ? '等' : ''}）未填年度，已按已读取数据的年度 ${all[0]} 计入。`] : []),
  ];
  return { records: assigned, excluded, notices };
}

/**
 * Keep one record per school, stage and year. The rule: the one read last is used (a corrected
 * file read after the old one replaces it); each earlier one is listed as not counted.
 */
export function dropDuplicates<T extends SchoolRecord>(records: readonly T[]): { records: T[]; excluded: Excluded[] } {
  const last = new Map<string, number>();
  const key = (record: SchoolRecord) => `${record.name}\u0000${record.stage}\u0000${record.year ?? ''}`;
  records.forEach((record, index) => last.set(key(record), index));
  const excluded: Excluded[] = [];
  const kept = records.filter((record) => {
    const winner = records[last.get(key(record))!]!;
    if (winner === record) return true;
    const same = JSON.stringify(winner.answers) === JSON.stringify(record.answers);
    const reason =
      winner.source === record.source
        ? `${record.source} 被读取了不止一次（同一文件选择了两次），只计一次`
        : `与 ${winner.source} 重复（同一学校、学段、年度${same ? '，数据相同' : '，数据不同'}），采用后读取的 ${winner.source}`;
    excluded.push({ name: record.name, stage: record.stage, year: record.year, source: record.source, reason });
    return false;
  });
  return { records: kept, excluded };
}

/** Compute every school and every stage × indicator CV (per year when several years are loaded). */
export function computeCounty(framework: Framework, loaded: readonly SchoolRecord[], options: CountyOptions): CountyResult {
  const rule = framework.rules[0];
  const ids = rule?.of ?? [];
  const points = new Map(framework.dimensions.flatMap((dimension) => dimension.indicators.flatMap((indicator) => indicator.points.map((point) => [point.id, point] as const))));
  const indicators = ids.map((id) => {
    const point = points.get(id)!;
    return { id, title: point.title, unit: point.input.kind === 'derived' ? point.input.unit ?? '' : '' };
  });
  const dated = assignYears(loaded);
  const unique = dropDuplicates(dated.records);
  const excluded: Excluded[] = [...dated.excluded, ...unique.excluded];
  const schools: SchoolResult[] = [];

  const score = (record: SchoolRecord & { yearFrom?: string }, stage: Stage, answers: Record<string, number>, students: number, splitFrom?: string) => {
    const result = scoreFramework(framework, answers, { stage });
    const values: Record<string, number | null> = {};
    const exact: Record<string, number | null> = {};
    const met: Record<string, boolean> = {};
    for (const id of ids) {
      const point = result.points[id];
      values[id] = typeof point?.value === 'number' ? point.value : null;
      exact[id] = typeof point?.exact === 'number' ? point.exact : values[id]!;
      met[id] = point?.status === 'met';
    }
    const ruleResult = result.rules[0];
    schools.push({
      key: `${schools.length}\u0000${record.source}\u0000${stage}`,
      name: splitFrom ? `${record.name}（${stage}部）` : record.name,
      stage,
      year: record.year,
      students,
      values,
      exact,
      met,
      metCount: Object.values(met).filter(Boolean).length,
      rule: ruleResult?.status ?? 'incomplete',
      source: record.source,
      ...(record.yearFrom ? { yearFrom: record.yearFrom } : {}),
      ...(splitFrom ? { splitFrom } : {}),
    });
  };

  for (const record of unique.records) {
    if (record.stage !== '九年一贯制') {
      score(record, record.stage, record.answers, record.answers.students ?? 0);
      continue;
    }
    if (!options.splitNineYear) {
      excluded.push({ name: record.name, stage: record.stage, year: record.year, source: record.source, reason: '九年一贯制学校：请按小学部、初中部各填一行，或勾选“按1∶1.1折算拆分九年一贯制学校”' });
      continue;
    }
    if (!record.split || record.split.primary <= 0 || record.split.junior <= 0) {
      excluded.push({ name: record.name, stage: record.stage, year: record.year, source: record.source, reason: '九年一贯制学校拆分需要填写小学部和初中部在校生数（都不少于 1）' });
      continue;
    }
    const { primary, junior } = record.split;
    // Shared resources divided by weighted enrolment: 小学 per-pupil = total ÷ (P小 + 1.1·P初); 初中 = 1.1 × that.
    score(record, '小学', { ...record.answers, students: primary + juniorWeight * junior }, primary, record.name);
    score(record, '初中', { ...record.answers, students: primary / juniorWeight + junior }, junior, record.name);
  }

  const years = [...new Set(schools.map((school) => school.year).filter((year): year is number => year !== null))].sort();
  const cvs: IndicatorCv[] = [];
  const groups: Group[] = [];
  const yearGroups: (number | null)[] = years.length > 0 ? years : [null];
  for (const year of yearGroups) {
    for (const stage of ['小学', '初中'] as const) {
      const members = schools.filter((school) => school.stage === stage && school.year === year);
      if (members.length === 0) continue;
      const { key, label } = groupOf(year, stage);
      groups.push({ key, stage, year, label, schools: members.length });
      for (const indicator of indicators) {
        const point = points.get(indicator.id)!;
        const criterion = point.criterion!;
        const threshold = typeof criterion.value === 'number' ? criterion.value : criterion.value[stage]!;
        const usable = members.filter((school) => school.exact[indicator.id] !== null);
        const missing = members.filter((school) => school.exact[indicator.id] === null).map((school) => school.name);
        const base = { group: key, stage, year, ...indicator, threshold, limit: cvLimits[stage], schools: usable.length, missing };
        try {
          const result = weightedCv(usable.map((school) => ({ id: school.name, students: school.students, value: school.exact[indicator.id]! })));
          const top = result.contributions.filter((item) => item.share > 0).slice(0, 3).map((item) => ({ name: item.id, share: item.share, value: item.value }));
          cvs.push({ ...base, cv: result.cv, mean: result.mean, pass: result.cv <= cvLimits[stage], top });
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
    const before = new Map(schools.filter((school) => school.year === fromYear).map((school) => [`${school.name}\u0000${school.stage}`, school]));
    for (const school of schools.filter((item) => item.year === toYear)) {
      const previous = before.get(`${school.name}\u0000${school.stage}`);
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
  return { indicators, schools, cvs, groups, excluded, notices: dated.notices, years, declines, cvRises };
}

/** The results as CSV: one row per school with its values, then one row per stage × indicator CV, then the schools not counted. */
export function resultsCsv(result: CountyResult): string {
  return csvDocument([
    ['学校', '学段', '年度', '在校生数（权重）', ...result.indicators.map((indicator) => `${indicator.title}（${indicator.unit}）`), '达标项数', '学校规则', '来源'],
    ...result.schools.map((school) => [school.name, school.stage, school.year ?? '', school.students, ...result.indicators.map((indicator) => school.values[indicator.id] ?? ''), school.metCount, schoolRuleLabels[school.rule], school.source]),
    [],
    ['学段', '年度', '指标', '校际差异系数', '上限', '是否达标', '县域均值', '学校数'],
    ...result.cvs.map((item) => [item.stage, item.year ?? '', item.title, item.cv === null ? '' : item.cv.toFixed(4), item.limit.toFixed(2), item.pass === null ? item.error ?? '' : item.pass ? '达标' : '未达标', item.mean === null ? '' : item.mean.toFixed(2), item.schools]),
    ...(result.excluded.length > 0 ? [[], ['未计入统计的学校', '学段', '年度', '来源', '原因'], ...result.excluded.map((item) => [item.name, item.stage, item.year ?? '', item.source, item.reason])] : []),
  ]);
}
