// The 优质均衡 school resource framework scored with its real rules: stage thresholds, derived
// ratios rounded before comparison, and "at least 6 of 7 met, the rest ≥ 85% of the threshold".
import { describe, expect, it } from 'vitest';
import { scoreFramework, type Answers } from '../../../src/lib/framework/score';
import { loadFramework } from './load';

const framework = loadFramework('youzhi-junheng-xuexiao');

/** A 小学 with 1000 students whose seven ratios are all comfortably above the 小学 thresholds. */
const passing: Answers = {
  students: 1000,
  teachers_higher: 50, // 5.00 ≥ 4.2
  backbone: 12, // 1.20 ≥ 1
  pe_art: 10, // 1.00 ≥ 0.9
  teaching_rooms: 5000, // 5.00 ≥ 4.5
  sports: 8000, // 8.00 ≥ 7.5
  equipment_value: 2_500_000, // 2500 ≥ 2000
  multimedia_rooms: 25, // 2.50 ≥ 2.3
};

describe('优质均衡 学校资源配置', () => {
  it('derives the seven ratios from raw counts and shows what each came from', () => {
    const result = scoreFramework(framework, passing, { stage: '小学' });
    expect(result.points.r_qualified).toMatchObject({ status: 'met', value: 5, threshold: { op: '>=', value: 4.2 } });
    expect(result.points.r_qualified?.inputs).toEqual([
      { id: 'teachers_higher', title: '高于规定学历的专任教师数', value: 50 },
      { id: 'students', title: '本学段在校学生数', value: 1000 },
    ]);
    expect(result.met).toBe(7);
    expect(result.rules[0]?.status).toBe('pass');
    expect(result.band.colour).toBe('green');
    expect(result.complete).toBe(true);
    expect(result.progress).toEqual({ answered: 8, total: 8 });
    expect(result.unmetPoints).toEqual([]);
  });

  it('applies the 初中 thresholds to the same school data', () => {
    const result = scoreFramework(framework, passing, { stage: '初中' });
    expect(result.points.r_qualified).toMatchObject({ status: 'unmet', threshold: { value: 5.3 } });
    expect(result.points.r_teaching_area).toMatchObject({ status: 'unmet', threshold: { value: 5.8 } });
    expect(result.rules[0]?.status).toBe('fail');
    expect(result.band.colour).toBe('red');
  });

  it('is yellow when exactly one indicator is below its threshold but at least 85% of it', () => {
    const result = scoreFramework(framework, { ...passing, multimedia_rooms: 20 }, { stage: '小学' }); // 2.00 / 2.3 = 87%
    expect(result.points.r_multimedia?.status).toBe('unmet');
    expect(result.rules[0]).toMatchObject({ status: 'pass', met: 6, belowRemainder: [] });
    expect(result.band.colour).toBe('yellow');
    expect(result.unmetPoints.map((point) => point.id)).toEqual(['r_multimedia']);
  });

  it('is red when the one unmet indicator is below 85% of its threshold', () => {
    const result = scoreFramework(framework, { ...passing, multimedia_rooms: 19 }, { stage: '小学' }); // 1.90 / 2.3 = 82.6%
    expect(result.rules[0]).toMatchObject({ status: 'fail', belowRemainder: ['r_multimedia'] });
    expect(result.band.colour).toBe('red');
  });

  it('is red when two indicators are unmet, however close', () => {
    const result = scoreFramework(framework, { ...passing, multimedia_rooms: 22, backbone: 9 }, { stage: '小学' });
    expect(result.rules[0]).toMatchObject({ status: 'fail', met: 5 });
    expect(result.band.colour).toBe('red');
  });

  it('meets a threshold exactly at the boundary, after rounding to two decimals', () => {
    expect(scoreFramework(framework, { ...passing, teachers_higher: 42 }, { stage: '小学' }).points.r_qualified).toMatchObject({ status: 'met', value: 4.2 });
    // 4.195 rounds half-up to 4.20, which the user sees and which passes ≥ 4.2.
    expect(scoreFramework(framework, { ...passing, students: 2000, teachers_higher: 83.9 }, { stage: '小学' }).points.r_qualified).toMatchObject({ status: 'met', value: 4.2 });
    expect(scoreFramework(framework, { ...passing, students: 2000, teachers_higher: 83.8 }, { stage: '小学' }).points.r_qualified).toMatchObject({ status: 'unmet', value: 4.19 });
  });

  it('leaves ratios unanswered while an input is missing, and the rule incomplete', () => {
    const { multimedia_rooms: _omit, ...partial } = passing;
    const result = scoreFramework(framework, partial, { stage: '小学' });
    expect(result.points.r_multimedia).toMatchObject({ status: 'unanswered', value: null });
    expect(result.rules[0]?.status).toBe('incomplete');
    expect(result.complete).toBe(false);
    expect(result.progress).toEqual({ answered: 7, total: 8 });
  });

  it('treats zero students as no value rather than dividing by zero', () => {
    const result = scoreFramework(framework, { ...passing, students: 0 }, { stage: '小学' });
    expect(result.points.r_qualified?.status).toBe('unanswered');
  });
});
