// 回头看: two checks of the 优质均衡 school framework compared point by point.
import { describe, expect, it } from 'vitest';
import { emptyAnswers } from '../../../src/lib/framework/answers';
import { chronological, compareChecks, comparisonRows } from '../../../src/lib/cycle/compare';
import { loadFramework } from '../framework/load';

const framework = loadFramework('youzhi-junheng-xuexiao');

function school(date: string, answers: Record<string, number>, stage: '小学' | '初中' = '小学') {
  const file = emptyAnswers(framework);
  file.subject = { ...file.subject, name: '南岸区示范小学', stage, date };
  file.answers = answers;
  return file;
}
// 1000 pupils: every ratio meets the 小学 threshold except 网络多媒体教室 (2.00 of 2.3).
const lastYear = { students: 1000, teachers_higher: 50, backbone: 12, pe_art: 10, teaching_rooms: 5000, sports: 8000, equipment_value: 2500000, multimedia_rooms: 20 };

describe('comparing two checks', () => {
  // This year: 多媒体 now met, 骨干教师 fell below its threshold, 运动场馆 still met but lower.
  const comparison = compareChecks(framework, school('2025-05-01', lastYear), school('2026-05-01', { ...lastYear, multimedia_rooms: 25, backbone: 8, sports: 7600 }));

  it('gives each indicator’s two values, share of the threshold and change', () => {
    expect(comparisonRows(comparison)).toEqual([
      ['每百名学生拥有高于规定学历教师数', '5.00 人/百生', '119%', '5.00 人/百生', '119%', '持平或提高'],
      ['每百名学生拥有县级以上骨干教师数', '1.20 人/百生', '120%', '0.80 人/百生', '80%', '新未达标（预警）'],
      ['每百名学生拥有体育、艺术（美术、音乐）专任教师数', '1.00 人/百生', '111%', '1.00 人/百生', '111%', '持平或提高'],
      ['生均教学及辅助用房面积', '5.00 平方米/生', '111%', '5.00 平方米/生', '111%', '持平或提高'],
      ['生均体育运动场馆面积', '8.00 平方米/生', '106%', '7.60 平方米/生', '101%', '下降（预警）'],
      ['生均教学仪器设备值', '2500.00 元/生', '125%', '2500.00 元/生', '125%', '持平或提高'],
      ['每百名学生拥有网络多媒体教室数', '2.00 间/百生', '86%', '2.50 间/百生', '108%', '新达标'],
    ]);
  });

  it('keeps the exact judged values and ratios', () => {
    const sports = comparison.points.find((item) => item.id === 'r_sports_area')!;
    expect(sports.before.value).toBe(8);
    expect(sports.after.value).toBe(7.6);
    expect(sports.after.ratio).toBeCloseTo(1.0133333333, 9);
  });

  it('counts the changes, the band change and the warnings', () => {
    expect(comparison.countsText).toBe('新达标 1 项，仍未达标 0 项，新未达标 1 项，下降 1 项，持平或提高 4 项');
    expect(comparison.met).toEqual({ before: 6, after: 6, scored: 7 });
    expect(comparison.band).toEqual({ before: '黄', after: '红', direction: 'down', text: '黄 → 红（下降）' });
    expect(comparison.before.label).toBe('南岸区示范小学 2025-05-01');
    expect(comparison.warnings).toEqual([
      '指标下滑预警：每百名学生拥有县级以上骨干教师数 1.20 人/百生 → 0.80 人/百生（由达标变为未达标）',
      '指标下滑预警：生均体育运动场馆面积 8.00 平方米/生 → 7.60 平方米/生（仍达标，但数值下降）',
    ]);
  });

  it('tells a value that fell while still unmet from one that stayed, and an unanswered point', () => {
    const before = school('2025-05-01', { ...lastYear, teaching_rooms: 4000 });
    const after = school('2026-05-01', { ...lastYear, teaching_rooms: 3900, multimedia_rooms: 20, equipment_value: undefined as unknown as number });
    delete after.answers.equipment_value;
    const result = compareChecks(framework, before, after);
    const changes = Object.fromEntries(result.points.map((item) => [item.id, item.changeText]));
    expect(changes).toMatchObject({ r_teaching_area: '下降', r_multimedia: '仍未达标', r_equipment: '无法比较' });
    expect(result.warnings).toEqual(['指标下滑预警：生均教学及辅助用房面积 4.00 平方米/生 → 3.90 平方米/生（仍未达标，且数值下降）']);
    expect(result.countsText).toBe('新达标 0 项，仍未达标 1 项，新未达标 0 项，下降 1 项，持平或提高 4 项，无法比较 1 项');
    expect(comparisonRows(result).find((row) => row[0] === '生均教学仪器设备值')).toEqual(['生均教学仪器设备值', '2500.00 元/生', '125%', '—', '—', '无法比较']);
  });

  it('puts the earlier check first', () => {
    const a = school('2026-05-01', lastYear);
    const b = school('2025-05-01', lastYear);
    expect(chronological(a, b)).toEqual([b, a]);
    expect(chronological(b, a)).toEqual([b, a]);
  });
});

describe('the comparison report', () => {
  it('puts the summary, the warnings and the table in its sections', async () => {
    const { comparisonSections } = await import('../../../src/lib/pdf/compare');
    const comparison = compareChecks(framework, school('2025-05-01', lastYear), school('2026-05-01', { ...lastYear, sports: 7600 }));
    const sections = comparisonSections(comparison);
    expect(sections.map((section) => section.heading)).toEqual(['对比概况', '指标下滑预警', '逐项对比']);
    expect(sections[0]!.paragraphs).toEqual(['前次：南岸区示范小学 2025-05-01；本次：南岸区示范小学 2026-05-01。', '达标 6 项 → 6 项（共 7 项）；等级 黄 → 黄（不变）。', '新达标 0 项，仍未达标 1 项，新未达标 0 项，下降 1 项，持平或提高 5 项。']);
    expect(sections[1]!.paragraphs).toEqual(['指标下滑预警：生均体育运动场馆面积 8.00 平方米/生 → 7.60 平方米/生（仍达标，但数值下降）']);
    expect(sections[2]!.table!.columns.map((column) => column.title)).toEqual(['指标', '前次值', '占标准', '本次值', '占标准', '变化']);
    expect(sections[2]!.table!.rows).toHaveLength(7);
  });
});
