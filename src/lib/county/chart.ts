// Data for one indicator's chart: each school's value as a horizontal bar, against the threshold
// and the county (enrolment-weighted) mean. Pure numbers in a 0–100 coordinate space.
import type { CountyResult, Stage } from './compute.ts';

export interface ChartData {
  bars: { name: string; value: number; width: number; met: boolean }[];
  threshold: number;
  thresholdX: number;
  mean: number | null;
  meanX: number | null;
  max: number;
}

/** Bars (sorted high to low) and reference lines for one stage, year and indicator. */
export function chartData(result: CountyResult, stage: Stage, year: number | null, id: string): ChartData | null {
  const cv = result.cvs.find((item) => item.stage === stage && item.year === year && item.id === id);
  if (!cv) return null;
  const schools = result.schools.filter((school) => school.stage === stage && (year === null || school.year === year) && school.values[id] !== null);
  const max = Math.max(cv.threshold, ...schools.map((school) => school.values[id]!)) * 1.05 || 1;
  const x = (value: number) => (value / max) * 100;
  return {
    bars: schools
      .map((school) => ({ name: school.name, value: school.values[id]!, width: x(school.values[id]!), met: school.met[id]! }))
      .sort((a, b) => b.value - a.value),
    threshold: cv.threshold,
    thresholdX: x(cv.threshold),
    mean: cv.mean,
    meanX: cv.mean === null ? null : x(cv.mean),
    max,
  };
}

/** Rows sorted by a column, numbers numerically and text in Chinese collation; nulls last. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => string | number | null, direction: 'ascending' | 'descending'): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = value(a);
    const right = value(b);
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    if (typeof left === 'number' && typeof right === 'number') return (left - right) * sign;
    return String(left).localeCompare(String(right), 'zh-CN') * sign;
  });
}
