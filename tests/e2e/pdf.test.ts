// Export the PDF self-evaluation from the browser and read it back with PDF.js: the school
// name, every indicator title, the band and a note with 《》“” and ≥ survive as text; rare name
// characters (喆, Extension A 㐴) print from the font slices fetched for them, and the bytes a first
// export fetches stay within budget; a note with characters no font has is announced before
// saving and printed as 〓; the progress shows a real percentage while the fonts download.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { existsSync, readFileSync } from 'node:fs';
import { closeBrowser, openPage } from './harness';
import { pdfText as readPdfText } from '../support/pdf-text';
import { fillSchool, hydrated, passingSchool, selfCheckPath } from './school-form';

afterAll(closeBrowser);

const path = selfCheckPath;
const framework = parse(readFileSync('content/frameworks/youzhi-junheng-xuexiao.yaml', 'utf8')) as { dimensions: { indicators: { title: string }[] }[] };
const squash = (text: string) => text.replace(/\s+/gu, '');
const values = { ...passingSchool, 网络多媒体教室数: '20' };

/** Brotli bytes of the font files the page fetched (dist/ holds the .br each would be sent as). */
function fontBytes(page: Page): () => { files: string[]; bytes: number } {
  const files: string[] = [];
  page.on('response', (response) => {
    const pathname = new URL(response.url()).pathname;
    if (pathname.startsWith('/fonts/')) files.push(pathname);
  });
  return () => ({ files, bytes: files.reduce((sum, file) => sum + (existsSync(`dist${file}.br`) ? readFileSync(`dist${file}.br`).length : readFileSync(`dist${file}`).length), 0) });
}

async function filled(override: Record<string, string> = {}): Promise<Page> {
  const { page, offOrigin } = await openPage(path);
  await hydrated(page);
  await fillSchool(page, { ...values, ...override });
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
    await expect(notice.locator('strong').textContent()).resolves.toBe('😀');
    const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: '继续导出' }).click()]);
    const text = squash(await readPdfText((await download.path())!));
    expect(text).toContain('联系人王喆〓，电话123');
  });

  it('prints a school name with 喆 and Extension A 㐴, fetching only the core for a typical report and a few small slices for rare characters', async () => {
    const typical = await filled();
    const typicalBytes = fontBytes(typical);
    const typicalText = squash(await pdfText(typical, '导出 PDF 自评报告'));
    expect(typicalText).toContain('南岸区示范小学');
    const first = typicalBytes();
    expect(first.files.sort()).toEqual(['/fonts/dudao-sans-core.ttf', '/fonts/dudao-sans.json']);
    expect(first.bytes).toBeLessThanOrEqual(700_000);

    const rare = await filled({ 学校名称: '王喆㐴纪念小学' });
    const rareBytes = fontBytes(rare);
    const rareText = squash(await pdfText(rare, '导出 PDF 自评报告'));
    expect(rareText).toContain('王喆㐴纪念小学');
    const fetched = rareBytes();
    expect(fetched.files.length, fetched.files.join()).toBeGreaterThan(2);
    expect(fetched.bytes - first.bytes).toBeLessThanOrEqual(100_000);
  });

  it('shows the font download as a real percentage and the button as busy during the first export', async () => {
    const page = await filled();
    // Record every status text and button label from before the click (no waiting on timers).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const files = document.querySelector('#files')!;
      new MutationObserver(() => seen.push(`${files.querySelector('.message[role="status"]')?.textContent ?? ''}|${[...files.querySelectorAll('button[aria-busy="true"]')].map((button) => button.textContent).join()}`)).observe(files, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await pdfText(page, '导出 PDF 自评报告');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    const percents = seen.map((entry) => /正在准备字体… (\d+)%/u.exec(entry)?.[1]).filter(Boolean).map(Number);
    expect(percents.length).toBeGreaterThan(1);
    expect(Math.max(...percents)).toBeGreaterThan(Math.min(...percents));
    expect(seen.some((entry) => entry.endsWith('|正在生成…'))).toBe(true);
  });

  it('prints the blank form', async () => {
    const { page } = await openPage(path);
    await hydrated(page);
    const text = squash(await pdfText(page, '打印空白表（PDF）'));
    expect(text).toContain('空白表');
    expect(text).toContain('每百名学生拥有网络多媒体教室数');
  });
});
