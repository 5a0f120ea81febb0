// County data: template from the framework, bad rows reported with file, row and column without
// stopping the rest, the same scoring as the self-check, the CV per stage, 九年一贯制 split, year over year.
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { computeCounty, resultsCsv } from '../../../src/lib/county/compute';
import { readSchoolFile } from '../../../src/lib/county/files';
import { templateColumns, templateCsv } from '../../../src/lib/county/template';
import { loadFramework } from '../framework/load';

const framework = loadFramework('youzhi-junheng-xuexiao');
const titles = templateColumns(framework).map((column) => column.title);
const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).buffer as ArrayBuffer;

/** A CSV in the template with the given rows (values in template column order). */
function csv(rows: (string | number)[][]): string {
  return templateCsv(framework) + rows.map((row) => row.join(',')).join('\r\n');
}
/** A school row: ratios 5 × factor, 1.2, 1, 5 ㎡, 8 ㎡, 2500 元, 2.5 rooms (per 100 pupils where relevant). */
const school = (name: string, stage: string, year: number | '', students: number, factor = 1) => [name, stage, year, students, Math.round((5 * factor * students) / 100), Math.round((1.2 * students) / 100), Math.round(students / 100), 5 * students, 8 * students, 2500 * students, Math.round((2.5 * students) / 100), '', ''];

/** Every input of the school framework for a school of `students` pupils. */
const fullAnswers = (students: number) => ({ students, teachers_higher: 15, backbone: 4, pe_art: 3, teaching_rooms: 1500, sports: 2400, equipment_value: 750000, multimedia_rooms: 8 });

describe('county data', () => {
  it('builds the template from the framework inputs', () => {
    expect(titles.slice(0, 4)).toEqual(['学校名称', '学段', '年度', '本学段在校学生数（人）']);
    expect(titles).toContain('教学仪器设备总值（元）');
    expect(titles).not.toContain('每百名学生拥有高于规定学历教师数');
  });

  it('reports bad rows by file, row and column and keeps the good ones', async () => {
    const text = csv([school('甲小学', '小学', 2026, 1000), ['乙小学', '小学', 2026, 'abc', 1, 1, 1, 1, 1, 1, 1, '', ''], ['丙小学', '高中', 2026, 100, 1, 1, 1, 1, 1, 1, 1, '', ''], school('丁小学', '小学', 2026, 500)]);
    const loaded = await readSchoolFile('学校数据.csv', bytes(text), framework);
    expect(loaded.schools.map((item) => item.name)).toEqual(['甲小学', '丁小学']);
    expect(loaded.issues).toEqual([
      { file: '学校数据.csv', row: 3, column: '本学段在校学生数（人）', message: '“abc”不是数字' },
      { file: '学校数据.csv', row: 4, column: '学段', message: '学段“高中”无法识别，应为 小学、初中 或 九年一贯制' },
    ]);
  });

  it('reads the same rows from an .xlsx file', async () => {
    const data = [titles, ...[school('甲小学', '小学', 2026, 1000), school('丁小学', '小学', 2026, 500)].map((row) => row.map((value) => (value === '' ? null : value)))];
    const buffer = await writeXlsxFile(data as never).toBuffer();
    const loaded = await readSchoolFile('学校数据.xlsx', new Uint8Array(buffer).buffer as ArrayBuffer, framework);
    expect(loaded.issues).toEqual([]);
    expect(loaded.schools.map((item) => [item.name, item.answers.students])).toEqual([['甲小学', 1000], ['丁小学', 500]]);
  });

  it('computes each school with the self-check scoring and each indicator’s weighted CV', async () => {
    const loaded = await readSchoolFile('x.csv', bytes(csv([school('甲', '小学', 2026, 1000, 1), school('乙', '小学', 2026, 400, 0.5), school('丙', '初中', 2026, 800, 1.2)])), framework);
    const result = computeCounty(framework, loaded.schools, { splitNineYear: false });
    const jia = result.schools.find((item) => item.name === '甲')!;
    expect(jia.values.r_qualified).toBe(5);
    expect(jia.rule).toBe('pass');
    expect(result.schools.find((item) => item.name === '乙')!.met.r_qualified).toBe(false);
    const qualified = result.cvs.find((item) => item.stage === '小学' && item.id === 'r_qualified')!;
    // 甲 1000 pupils at 5, 乙 400 at 2.5: X̄ = 6000/1400, S² = (1000/1400)(5 − X̄)² + (400/1400)(2.5 − X̄)².
    expect(qualified.cv).toBeCloseTo(0.263523138347365, 12);
    expect(qualified.limit).toBe(0.5);
    expect(result.cvs.find((item) => item.stage === '初中')!.limit).toBe(0.45);
    expect(resultsCsv(result)).toContain('每百名学生拥有高于规定学历教师数（人/百生）');
  });

  it('splits a 九年一贯制 school by 1 : 1.1 only when asked', async () => {
    const row = ['九年制学校', '九年一贯制', 2026, 376, 20, 5, 4, 2000, 3000, 900000, 10, 166, 210];
    const loaded = await readSchoolFile('x.csv', bytes(csv([row])), framework);
    expect(computeCounty(framework, loaded.schools, { splitNineYear: false }).excluded.map((item) => [item.name, item.reason])).toEqual([['九年制学校', '九年一贯制学校：请按小学部、初中部各填一行，或勾选“按1∶1.1折算拆分九年一贯制学校”']]);
    const split = computeCounty(framework, loaded.schools, { splitNineYear: true }).schools;
    expect(split.map((item) => [item.name, item.stage, item.students])).toEqual([['九年制学校（小学部）', '小学', 166], ['九年制学校（初中部）', '初中', 210]]);
    // 生均 for the 小学 part = total ÷ (166 + 210 × 1.1); the 初中 part is 1.1 times that.
    expect(split[0]!.values.r_teaching_area).toBeCloseTo(2000 / (166 + 231), 2);
    expect(split[1]!.values.r_teaching_area).toBeCloseTo((2000 / (166 + 231)) * 1.1, 2);
  });

  it('warns when an indicator declined from one year to the next', async () => {
    const loaded = await readSchoolFile('x.csv', bytes(csv([school('甲', '小学', 2025, 1000, 1), school('甲', '小学', 2026, 1000, 0.8), school('乙', '小学', 2025, 500), school('乙', '小学', 2026, 500)])), framework);
    const result = computeCounty(framework, loaded.schools, { splitNineYear: false });
    expect(result.years).toEqual([2025, 2026]);
    expect(result.declines).toEqual([{ name: '甲', stage: '小学', indicator: '每百名学生拥有高于规定学历教师数', from: 5, to: 4, fromYear: 2025, toYear: 2026, lostMet: true }]);
    expect(result.cvRises.map((item) => item.indicator)).toEqual(['每百名学生拥有高于规定学历教师数']);
  });

  it('accepts exported self-check answers files and rejects other files', async () => {
    const answers = { format: 'dudao-self-check', formatVersion: 1, framework: { id: framework.id, version: framework.version }, subject: { name: '戊小学', stage: '小学', date: '2026-05-01' }, answers: fullAnswers(300) };
    const loaded = await readSchoolFile('戊小学.json', bytes(JSON.stringify(answers)), framework);
    expect(loaded.schools[0]).toMatchObject({ name: '戊小学', stage: '小学', year: 2026 });
    expect((await readSchoolFile('a.pdf', bytes('x'), framework)).issues[0]?.message).toMatch(/只支持/u);
  });
});
