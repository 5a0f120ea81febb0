// The county view as an office uses it: load the template filled with a generated county, check
// the CVs shown against the pure module, sort a table, see bad rows reported, export CSV and PDF.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { frameworkSchema } from '../../src/schemas/framework';
import { computeCounty } from '../../src/lib/county/compute';
import { parseTable } from '../../src/lib/county/load';
import { templateColumns } from '../../src/lib/county/template';
import { seriousViolations } from './axe';
import { closeBrowser, openPage } from './harness';
import { pdfText as readPdfText } from '../support/pdf-text';

afterAll(closeBrowser);

const framework = frameworkSchema.parse(parse(readFileSync('content/frameworks/youzhi-junheng-xuexiao.yaml', 'utf8')));
const titles = templateColumns(framework).map((column) => column.title);

/** A generated county: 24 小学 and 12 初中 with spread-out resources, in the template's columns. */
function generatedCounty(year = 2026, factor = 1): string[][] {
  const rows: string[][] = [];
  for (let index = 0; index < 36; index++) {
    const stage = index < 24 ? '小学' : '初中';
    const students = 200 + ((index * 137) % 1300);
    const spread = 0.55 + ((index * 53) % 100) / 100;
    rows.push([`第${index + 1}${stage === '小学' ? '小学' : '中学'}`, stage, String(year), String(students), String(Math.round(((stage === '小学' ? 4.6 : 5.8) * spread * factor * students) / 100)), String(Math.round((1.3 * spread * students) / 100)), String(Math.round((1.1 * spread * students) / 100)), String(Math.round(5.2 * spread * students)), String(Math.round(9 * spread * students)), String(Math.round(2600 * spread * students)), String(Math.round((2.6 * spread * students) / 100)), '', '']);
  }
  return rows;
}
const toCsv = (rows: string[][]) => `\ufeff${[titles, ...rows].map((row) => row.join(',')).join('\r\n')}\r\n`;
const dir = mkdtempSync(join(tmpdir(), 'dudao-county-'));

describe('the county view', () => {
  it('shows for each stage and indicator the same CV as the statistics module, and nothing leaves the browser', async () => {
    const file = join(dir, '全县学校数据.csv');
    writeFileSync(file, toCsv(generatedCounty()));
    const expected = computeCounty(framework, parseTable([titles, ...generatedCounty()], 'x', framework).schools, { splitNineYear: false });
    const { page, offOrigin, errors } = await openPage('/county/');
    await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
    await page.locator('#county-files').setInputFiles(file);
    await page.locator('p.status', { hasText: '36 所学校' }).waitFor();
    for (const item of expected.cvs) {
      const shown = await page.locator(`tr[data-indicator="${item.id}"][data-stage="${item.stage}"] td.cv`).textContent();
      expect(shown).toBe(item.cv!.toFixed(4));
    }
    expect(await page.locator('table.schools tbody tr').count()).toBe(36);
    expect(offOrigin).toEqual([]);
    expect(errors).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sorts the schools table by any column, with aria-sort', async () => {
    const file = join(dir, 'sort.csv');
    writeFileSync(file, toCsv(generatedCounty()));
    const { page } = await openPage('/county/');
    await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
    await page.locator('#county-files').setInputFiles(file);
    await page.locator('table.schools tbody tr').first().waitFor();
    const header = page.locator('table.schools th', { hasText: '在校生' });
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    const column = await page.locator('table.schools tbody tr td:nth-child(4)').allTextContents();
    expect(column.map(Number)).toEqual([...column.map(Number)].sort((a, b) => a - b));
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');

    const cvTable = page.locator('table.cv-table').first();
    const cvHeader = cvTable.locator('th', { hasText: '差异系数' });
    await cvHeader.getByRole('button').click();
    await expect(cvHeader.getAttribute('aria-sort')).resolves.toBe('ascending');
    const cvs = (await cvTable.locator('td.cv').allTextContents()).map(Number);
    expect(cvs).toEqual([...cvs].sort((a, b) => a - b));
  });

  it('reports a bad row with file, row and column, keeps the rest, warns of declines across years, and exports CSV and PDF', async () => {
    const bad = generatedCounty(2025);
    bad[2]![3] = '0';
    const before = join(dir, '2025年.csv');
    const after = join(dir, '2026年.csv');
    writeFileSync(before, toCsv(bad));
    writeFileSync(after, toCsv(generatedCounty(2026, 0.8)));
    const { page } = await openPage('/county/');
    await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
    await page.locator('#county-files').setInputFiles([before, after]);
    await page.locator('p.status', { hasText: '71 所学校' }).waitFor();
    await expect(page.locator('.issues').textContent()).resolves.toContain('2025年.csv 第4行“本学段在校学生数（人）”列：0 不在允许范围内');
    await expect(page.locator('#yoy-title').textContent()).resolves.toContain('2025年 → 2026年');
    await expect(page.locator('section', { has: page.locator('#yoy-title') }).textContent()).resolves.toContain('每百名学生拥有高于规定学历教师数');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出结果（CSV）' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain('校际差异系数');
    expect(text.split('\r\n').filter((line) => line.startsWith('第')).length).toBe(71);

    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: '导出 PDF 汇总' }).click()]);
    const pdfText = (await readPdfText((await pdf.path())!)).replace(/\s+/gu, '');
    expect(pdfText).toContain('区县义务教育优质均衡监测汇总');
    expect(pdfText).toContain('2026年小学校际差异系数');
    expect(pdfText).toContain('指标下滑预警');
  });
});
