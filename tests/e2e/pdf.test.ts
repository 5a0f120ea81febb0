// Export the PDF self-evaluation from the browser and read it back with PDF.js: the school
// name, every indicator title, the band and a note with 《》“” and ≥ survive as text; a note with
// characters the font lacks is announced before saving and printed as 〓.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { closeBrowser, openPage } from './harness';
import { pdfText as readPdfText } from '../support/pdf-text';
import { fillSchool, hydrated, passingSchool, selfCheckPath } from './school-form';

afterAll(closeBrowser);

const path = selfCheckPath;
const framework = parse(readFileSync('content/frameworks/youzhi-junheng-xuexiao.yaml', 'utf8')) as { dimensions: { indicators: { title: string }[] }[] };
const squash = (text: string) => text.replace(/\s+/gu, '');
const values = { ...passingSchool, 网络多媒体教室数: '20' };

async function filled(): Promise<Page> {
  const { page, offOrigin } = await openPage(path);
  await hydrated(page);
  await fillSchool(page, values);
  expect(offOrigin).toEqual([]);
  return page;
}

async function pdfText(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: button }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/u);
  return readPdfText((await download.path())!);
}

describe('PDF export in the browser', () => {
  it('exports a report whose text is real: school, every indicator, band and a note with 《》“”≥', async () => {
    const page = await filled();
    const note = '依据《办学条件标准》“逐项”核对，面积≥标准';
    await page.locator('#point-teaching_rooms summary').click();
    await page.locator('#note-teaching_rooms').fill(note);
    const text = squash(await pdfText(page, '导出 PDF 自评报告'));
    expect(text).toContain('南岸区示范小学');
    for (const indicator of framework.dimensions.flatMap((dimension) => dimension.indicators)) expect(text).toContain(squash(indicator.title));
    expect(text).toContain('结果颜色：黄色');
    expect(text).toContain(squash(note));
  });

  it('names the characters the font lacks before saving, then prints them as 〓', async () => {
    const page = await filled();
    await page.locator('#point-students summary').click();
    await page.locator('#note-students').fill('联系人王喆😀，电话\t123');
    await page.getByRole('button', { name: '导出 PDF 自评报告' }).click();
    const notice = page.getByRole('alert').filter({ hasText: '字体中没有这些字符' });
    await expect(notice.locator('strong').textContent()).resolves.toBe('喆 😀');
    const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: '继续导出' }).click()]);
    const text = squash(await readPdfText((await download.path())!));
    expect(text).toContain('联系人王〓〓，电话123');
  });

  it('prints the blank form', async () => {
    const { page } = await openPage(path);
    await hydrated(page);
    const text = squash(await pdfText(page, '打印空白表（PDF）'));
    expect(text).toContain('空白表');
    expect(text).toContain('每百名学生拥有网络多媒体教室数');
  });
});
