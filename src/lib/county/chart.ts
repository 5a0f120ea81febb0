// Data for one indicator's chart: each school's value as a horizontal bar, against the threshold
// and the county (enrolment-weighted) mean. Pure numbers in a 0–100 coordinate space.
import type { CountyResult, Stage } from './compute.ts';

export interface ChartData {
  bars: { name: string; value: number; width: number; met: boolean }[];
  /** Schools between the highest and lowest bars that are not drawn. */
  omitted: number;
  threshold: number;
  thresholdX: number;
  mean: number | null;
  meanX: number | null;
  max: number;
}

/** Bars (sorted high to low) and reference lines for one stage, year and indicator; with many schools only the `edge` highest and lowest are drawn and the rest counted. */
export function chartData(result: CountyResult, stage: Stage, year: number | null, id: string, edge = 20): ChartData | null {
  const cv = result.cvs.find((item) => item.stage === stage && item.year === year && item.id === id);
  if (!cv) return null;
  const schools = result.schools.filter((school) => school.stage === stage && school.year === year && school.values[id] !== null);
  const max = Math.max(cv.threshold, ...schools.map((school) => school.values[id]!)) * 1.05 || 1;
  const x = (value: number) => (value / max) * 100;
  const all = schools
    .map((school) => ({ name: school.name, value: school.values[id]!, width: x(school.values[id]!), met: school.met[id]! }))
    .sort((a, b) => b.value - a.value);
  const omitted = Math.max(0, all.length - edge * 2);
  return {
    bars: omitted > 0 ? [...all.slice(0, edge), ...all.slice(-edge)] : all,
    omitted,
    threshold: cv.threshold,
    thresholdX: x(cv.threshold),
    mean: cv.mean,
    meanX: cv.mean === null ? null : x(cv.mean),
    max,
  };
}

const collator = new Intl.Collator('zh-CN');

/** Rows sorted by a column, numbers numerically and text in Chinese collation; nulls last. Each key is computed once. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => string | number | null, direction: 'ascending' | 'descending'): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, key: value(row) }));
  keyed.sort((a, b) => {
    const left = a.key;
    const right = b.key;
    if (left === null || right === null) return left === right ? a.index - b.index : left === null ? 1 : -1;
    const order = typeof left === 'number' && typeof right === 'number' ? left - right : collator.compare(String(left), String(right));
    return order * sign || a.index - b.index;
  });
  return keyed.map((item) => item.row);
}
