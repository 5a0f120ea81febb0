// The county view as an office uses it: load the template filled with a generated county and read
// the CVs (checked against an independent computation from the raw inputs), sort and page the
// tables, see bad rows, missing years, duplicates and bad files reported in Chinese, and export
// a formula-safe CSV and the PDF summary. Driven by labels, roles and table captions.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { frameworkSchema } from '../../src/schemas/framework';
import { templateColumns } from '../../src/lib/county/template';
import { encodeGb18030 } from '../support/gb18030';
import { pdfText as readPdfText } from '../support/pdf-text';
import { seriousViolations } from './axe';
import { closeBrowser, openPage } from './harness';

afterAll(closeBrowser);

const framework = frameworkSchema.parse(parse(readFileSync('content/frameworks/youzhi-junheng-xuexiao.yaml', 'utf8')));
const titles = templateColumns(framework).map((column) => column.title);

interface School {
  name: string;
  stage: '小学' | '初中';
  year: number | '';
  students: number;
  /** Raw inputs in template order after 在校学生数. */
  inputs: number[];
}

/** A generated county: 24 小学 and 12 初中 with spread-out resources. */
function generatedCounty(year: number | '' = 2026, factor = 1, count = 36): School[] {
  return Array.from({ length: count }, (_, index) => {
    const stage = index < (count * 2) / 3 ? '小学' : '初中';
    const students = 200 + ((index * 137) % 1300);
    const spread = 0.55 + ((index * 53) % 100) / 100;
    const per100 = (value: number) => Math.round((value * spread * students) / 100);
    return {
      name: `第${index + 1}${stage === '小学' ? '小学' : '中学'}`,
      stage,
      year,
      students,
      inputs: [per100((stage === '小学' ? 4.6 : 5.8) * factor), per100(1.3), per100(1.1), Math.round(5.2 * spread * students), Math.round(9 * spread * students), Math.round(2600 * spread * students), per100(2.6)],
    };
  });
}
const rowOf = (school: School) => [school.name, school.stage, school.year, school.students, ...school.inputs, '', ''];
const toCsv = (schools: School[], extra: (string | number)[][] = []) => `\ufeff${[titles, ...schools.map(rowOf), ...extra].map((row) => row.join(',')).join('\r\n')}\r\n`;
const dir = mkdtempSync(join(tmpdir(), 'dudao-county-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Enrolment-weighted CV written out here from the raw inputs: X̄ = ΣPX/ΣP, S = √Σ(P/ΣP)(X−X̄)², CV = S/X̄. */
function expectedCv(schools: School[], value: (school: School) => number): number {
  const total = schools.reduce((sum, school) => sum + school.students, 0);
  const mean = schools.reduce((sum, school) => sum + school.students * value(school), 0) / total;
  return Math.sqrt(schools.reduce((sum, school) => sum + (school.students / total) * (value(school) - mean) ** 2, 0)) / mean;
}

async function openCounty(): Promise<{ page: Page; offOrigin: string[]; errors: string[] }> {
  const opened = await openPage('/county/');
  await opened.page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
  return opened;
}
const choose = (page: Page, ...paths: string[]) => page.getByRole('group', { name: '选择文件，或把文件拖到这里' }).getByLabel('选择文件，或把文件拖到这里').setInputFiles(paths);
const status = (page: Page) => page.locator('#load-title').locator('xpath=..').getByRole('status');

describe('the county view', () => {
  it('shows for each stage the exact CV of each indicator, computed from the raw inputs, and nothing leaves the browser', async () => {
    const county = generatedCounty();
    const { page, offOrigin, errors } = await openCounty();
    await choose(page, file('全县学校数据.csv', toCsv(county)));
    await status(page).filter({ hasText: '已读取 1 个文件：36 所学校。' }).waitFor();
    const ratios: [string, (school: School) => number][] = [
      ['每百名学生拥有高于规定学历教师数', (school) => (school.inputs[0]! / school.students) * 100],
      ['生均教学及辅助用房面积', (school) => school.inputs[3]! / school.students],
      ['每百名学生拥有网络多媒体教室数', (school) => (school.inputs[6]! / school.students) * 100],
    ];
    for (const stage of ['小学', '初中'] as const) {
      const table = page.getByRole('table', { name: `2026年${stage}` });
      for (const [title, value] of ratios) {
        const cells = await table.getByRole('row', { name: new RegExp(`^${title}`, 'u') }).getByRole('cell').allTextContents();
        expect(cells[0]).toBe(expectedCv(county.filter((school) => school.stage === stage), value).toFixed(4));
      }
    }
    await expect(page.getByText('计入统计：2026年小学 24 所；2026年初中 12 所。').isVisible()).resolves.toBe(true);
    expect(offOrigin).toEqual([]);
    expect(errors).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sorts and pages the schools table, with aria-sort, and names each chart bar visibly', async () => {
    const { page } = await openCounty();
    await choose(page, file('大县.csv', toCsv(generatedCounty(2026, 1, 120))));
    const table = page.getByRole('table', { name: /^各校7项指标值/u });
    await page.getByText('第 1 / 3 页，共 120 行').waitFor();
    await expect(table.getByRole('row').count()).resolves.toBe(51);
    const header = table.getByRole('columnheader', { name: '在校生' });
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    const students = async () => (await table.locator('tbody tr td:nth-child(4)').allTextContents()).map(Number);
    const first = await students();
    expect(first).toEqual([...first].sort((a, b) => a - b));
    await page.getByRole('button', { name: '下一页' }).click();
    const second = await students();
    expect(second[0]).toBeGreaterThanOrEqual(first.at(-1)!);
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');

    const chart = page.getByRole('figure').filter({ hasText: '每百名学生拥有高于规定学历教师数（人/百生）：标准' }).first();
    await expect(chart.textContent()).resolves.toMatch(/第\d+小学 \d+\.\d{2}/u);
    await expect(chart.textContent()).resolves.toContain('中间 40 所学校未画出');
  });

  it('reports a bad row with file, row and column, keeps the rest, warns of declines, and exports a formula-safe CSV and the PDF', async () => {
    const before = generatedCounty(2025);
    before[2]!.students = 0;
    const after = generatedCounty(2026, 0.8);
    after[0]!.name = '=HYPERLINK("http://x","点我")';
    const { page } = await openCounty();
    await choose(page, file('2025年.csv', toCsv(before)), file('2026年.csv', toCsv(after).replace(after[0]!.name, `"${after[0]!.name.replaceAll('"', '""')}"`)));
    await status(page).filter({ hasText: '71 所学校' }).waitFor();
    await expect(status(page).textContent()).resolves.toBe('已读取 2 个文件：71 所学校；另有 1 处问题见下方，有问题的行未读取。');
    const issues = page.getByRole('region', { name: /^有 1 处问题/u });
    await expect(issues.getByRole('listitem').allTextContents()).resolves.toEqual(['2025年.csv 第4行“本学段在校学生数（人）”列：须不少于 1（填写的是 0）']);
    await expect(page.getByRole('heading', { name: /指标下滑预警（2025年 → 2026年）/u }).isVisible()).resolves.toBe(true);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出结果（CSV）' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain('校际差异系数');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/mu);
    await page.getByRole('region', { name: '导出' }).getByRole('status').filter({ hasText: '已导出' }).waitFor();

    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: '导出 PDF 汇总' }).click()]);
    const pdfText = (await readPdfText((await pdf.path())!)).replace(/\s+/gu, '');
    expect(pdfText).toContain('区县义务教育优质均衡监测汇总');
    expect(pdfText).toContain('2026年小学校际差异系数');
    expect(pdfText).toContain('7项中至少6项达标，其余不低于标准的85%');
    expect(pdfText).toContain('指标下滑预警');
  });
});

describe('every school is counted or listed', () => {
  it('gives rows without a year the year of the answers files read with them, and says so', async () => {
    const county = generatedCounty('', 1, 6);
    const answers = { format: 'dudao-self-check', formatVersion: 1, framework: { id: framework.id, version: framework.version }, subject: { name: '戊小学', stage: '小学', date: '2026-05-01' }, answers: { students: 400, teachers_higher: 20, backbone: 6, pe_art: 5, teaching_rooms: 2100, sports: 3600, equipment_value: 1040000, multimedia_rooms: 11 } };
    const { page } = await openCounty();
    await choose(page, file('无年度.csv', toCsv(county)), file('戊小学.json', JSON.stringify(answers)));
    await status(page).filter({ hasText: '7 所学校' }).waitFor();
    await page.getByText('6 所学校（第1小学、第2小学、第3小学、第4小学、第5中学等）未填年度，已按已读取数据的年度 2026 计入。').waitFor();
    await page.getByText('计入统计：2026年小学 5 所；2026年初中 2 所。').waitFor();
  });

  it('reads the same file twice without breaking, and lists the second reading as not counted', async () => {
    const path = file('重复.csv', toCsv(generatedCounty(2026, 1, 6)));
    const { page, errors } = await openCounty();
    await choose(page, path);
    await status(page).filter({ hasText: '6 所学校' }).waitFor();
    await choose(page, path);
    const excluded = page.getByRole('region', { name: '未计入统计（6 条）' });
    await expect(excluded.getByRole('listitem').first().textContent()).resolves.toBe('第1小学（小学，重复.csv 第2行）：重复.csv 第2行 被读取了不止一次（同一文件选择了两次），只计一次');
    await expect(page.getByRole('table', { name: /^各校7项指标值/u }).locator('tbody tr').count()).resolves.toBe(6);
    expect(errors).toEqual([]);
  });
});

describe('files as offices have them', () => {
  it('reads a GBK CSV saved by Excel on Chinese Windows, with a name outside GB2312 rejected by no one', async () => {
    const county = generatedCounty(2026, 1, 3);
    county[0]!.name = '堃小学';
    const { page } = await openCounty();
    await choose(page, file('GBK表格.csv', encodeGb18030(toCsv(county).replace(/^\ufeff/u, ''))));
    await status(page).filter({ hasText: '已读取 1 个文件：3 所学校。' }).waitFor();
    await expect(page.getByRole('rowheader', { name: '堃小学' }).isVisible()).resolves.toBe(true);
  });

  it('gives one Chinese message for an empty file and for a file that is not a table, and keeps the page usable', async () => {
    const noise = new Uint8Array(200_000);
    let seed = 7;
    for (let index = 0; index < noise.length; index++) noise[index] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
    const { page } = await openCounty();
    await choose(page, file('空.csv', ''), file('乱码.csv', noise));
    const alert = page.getByRole('alert').filter({ hasText: '没有读取到可用的学校数据' });
    await expect(alert.textContent()).resolves.toBe('已选择 2 个文件，没有读取到可用的学校数据：2 处问题见下方。');
    await expect(page.getByRole('region', { name: /^有 2 处问题$/u }).getByRole('listitem').allTextContents()).resolves.toEqual(['空.csv：文件为空', '乱码.csv：不是文本或表格文件，无法读取']);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(4000);
    await expect(page.getByRole('status').filter({ hasText: '已读取' }).count()).resolves.toBe(0);
  });

  it('lists the first 20 problems and counts the rest', async () => {
    const bad = Array.from({ length: 30 }, (_, index) => [`坏${index}`, '高中', 2026, 100, 1, 1, 1, 1, 1, 1, 1, '', '']);
    const { page } = await openCounty();
    await choose(page, file('很多问题.csv', toCsv(generatedCounty(2026, 1, 3), bad)));
    const issues = page.getByRole('region', { name: /^有 30 处问题/u });
    await issues.getByText('还有 10 条问题未列出').waitFor();
    await expect(issues.getByRole('listitem').count()).resolves.toBe(20);
    await expect(issues.textContent()).resolves.toContain('还有 10 条问题未列出');
  });

  it('lists no contributor when every school has the same value', async () => {
    const same = generatedCounty(2026, 1, 3).map((school) => ({ ...school, students: 500, inputs: [25, 7, 6, 2600, 4500, 1300000, 13] }));
    const { page } = await openCounty();
    await choose(page, file('相同.csv', toCsv(same)));
    const row = page.getByRole('table', { name: '2026年小学' }).getByRole('row', { name: /^每百名学生拥有高于规定学历教师数/u });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[0]).toBe('0.0000');
    expect(cells.at(-1)).toBe('—');
  });
});
