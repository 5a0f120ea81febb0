// Export the PDF self-evaluation from the browser and read it back with pdftotext: the school
// name, every indicator title, the band and a note with 《》“” and ≥ survive as text; a note with
// characters the font lacks is announced before saving and printed as 〓.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { closeBrowser, openPage } from './harness';

afterAll(closeBrowser);

const path = '/self-check/youzhi-junheng-xuexiao/';
const framework = parse(readFileSync('content/frameworks/youzhi-junheng-xuexiao.yaml', 'utf8')) as { dimensions: { indicators: { title: string }[] }[] };
const squash = (text: string) => text.replace(/\s+/gu, '');
const values: Record<string, string> = {
  本学段在校学生数: '1000',
  高于规定学历的专任教师数: '50',
  县级及以上骨干教师数: '12',
  '体育、美术、音乐专任教师数': '10',
  教学及辅助用房面积: '5000',
  体育运动场馆面积: '8000',
  教学仪器设备总值: '2500000',
  网络多媒体教室数: '20',
};

async function filled(): Promise<Page> {
  const { page, offOrigin } = await openPage(path);
  await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
  await page.getByLabel('学校名称').fill('南岸区示范小学');
  await page.getByRole('radio', { name: '小学' }).check();
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
  expect(offOrigin).toEqual([]);
  return page;
}

async function pdfText(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: button }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/u);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', (await download.path())!, '-'], { encoding: 'utf8' });
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
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', (await download.path())!, '-'], { encoding: 'utf8' }));
    expect(text).toContain('联系人王〓〓，电话123');
  });

  it('prints the blank form', async () => {
    const { page } = await openPage(path);
    await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
    const text = squash(await pdfText(page, '打印空白表（PDF）'));
    expect(text).toContain('空白表');
    expect(text).toContain('每百名学生拥有网络多媒体教室数');
  });
});
