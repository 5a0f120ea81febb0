// The between-school coefficient of variation (校际差异系数) of one indicator in one stage,
// weighted by enrolment, as circulated with the 2012 办法's 说明 and used with the 2017 limits
// (小学 ≤ 0.50, 初中 ≤ 0.45, each indicator separately):
//   X̄ = Σ Pᵢ·Xᵢ / Σ Pᵢ,   S = √( Σ (Pᵢ/P)·(Xᵢ − X̄)² ),   CV = S / X̄
// Population (not sample) standard deviation. Each school's share of Σ (Pᵢ/P)(Xᵢ − X̄)² says which
// schools pull the CV up most.

export interface SchoolValue {
  id: string;
  students: number;
  value: number;
}

export interface CvResult {
  cv: number;
  mean: number;
  sd: number;
  schools: number;
  /** Each school's share of the weighted variance (sums to 1 unless all values are equal), largest first. */
  contributions: { id: string; share: number; value: number }[];
}

/** The 2017 limits per stage. */
export const cvLimits = { 小学: 0.5, 初中: 0.45 } as const;

/** A school the CV cannot use (no students, not a finite value). */
export class CvInputError extends Error {}

/** Enrolment-weighted CV of one indicator over the schools of one stage. */
export function weightedCv(schools: readonly SchoolValue[]): CvResult {
  if (schools.length === 0) throw new CvInputError('没有可计算的学校');
  for (const school of schools) {
    if (!(school.students > 0) || !Number.isFinite(school.students)) throw new CvInputError(`学校“${school.id}”的在校生数为 ${school.students}，不能参与加权计算（在校生数必须大于0）`);
    if (!Number.isFinite(school.value)) throw new CvInputError(`学校“${school.id}”的指标值不是有效数字`);
  }
  const total = schools.reduce((sum, school) => sum + school.students, 0);
  const mean = schools.reduce((sum, school) => sum + school.students * school.value, 0) / total;
  const terms = schools.map((school) => ({ id: school.id, value: school.value, term: (school.students / total) * (school.value - mean) ** 2 }));
  const variance = terms.reduce((sum, item) => sum + item.term, 0);
  const sd = Math.sqrt(variance);
  return {
    cv: mean === 0 ? 0 : sd / mean,
    mean,
    sd,
    schools: schools.length,
    contributions: terms
      .map((item) => ({ id: item.id, value: item.value, share: variance === 0 ? 0 : item.term / variance }))
      .sort((a, b) => b.share - a.share),
  };
}
