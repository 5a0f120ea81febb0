// The site search on the built site: every occurrence of a Chinese term, landing on the point.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openPage } from './harness';

afterAll(closeBrowser);

/** Wait until the result count has been announced, and return it. */
async function announced(page: Page): Promise<string> {
  const status = page.getByRole('status');
  await status.filter({ hasText: /找到|没有找到/ }).waitFor();
  return (await status.textContent()) ?? '';
}

const pointLinks = (page: Page) => page.locator('.search-point__title');

describe('search page', () => {
  it('finds a compound a word segmenter splits (学前教育 after 和) in every work plan that has it', async () => {
    const { page, errors } = await openPage('/search/?q=学前教育');
    expect(await announced(page)).toMatch(/找到 \d+ 篇文档中的 \d+ 处结果/);
    const titles = await page.locator('.search-result__title').allTextContents();
    expect(titles.join('\n')).toContain('2023年涪陵区教育督导工作要点');
    // The term is highlighted in the excerpts.
    expect(await page.locator('.search-point mark').first().textContent()).toBe('学前教育');
    // Filter headings are Chinese and the header search box keeps the query.
    for (const name of ['类型', '地区', '年份']) await expect(page.getByRole('group', { name }).isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('搜索全站').inputValue()).toBe('学前教育');
    expect(errors).toEqual([]);
  });

  it('finds a term inside a longer word (督学 in 责任督学)', async () => {
    const { page } = await openPage('/search/?q=督学');
    await announced(page);
    const marks = await page.locator('.search-point mark').allTextContents();
    expect(marks.every((text) => text === '督学')).toBe(true);
    const excerpts = (await page.locator('.search-point__excerpt').allTextContents()).join('\n');
    expect(excerpts).toContain('责任督学');
  });

  it('finds the traditional form 督導體制 of the 綦江 2026 source by 督导体制', async () => {
    const { page } = await openPage('/search/?q=督导体制');
    await announced(page);
    const qijiang = page.locator('.search-result').filter({ hasText: '綦江区2026年教育督导工作要点' });
    await expect(qijiang.locator('mark', { hasText: '督導體制' }).first().isVisible()).resolves.toBe(true);
  });

  it('needs every part of a multi-part query in the same point', async () => {
    const { page } = await openPage('/search/?q=枫桥经验 綦江');
    await announced(page);
    const points = page.locator('.search-point');
    const count = await points.count();
    expect(count).toBeGreaterThan(0);
    for (let index = 0; index < count; index++) {
      const text = (await points.nth(index).textContent()) ?? '';
      expect(text).toContain('枫桥经验');
      expect(text).toContain('綦江');
    }
  });

  it('filters by type, region and year, and keeps the filters in the URL', async () => {
    const { page } = await openPage('/search/?q=督导');
    await announced(page);
    const all = await page.locator('.search-result').count();
    await page.getByRole('group', { name: '类型' }).getByLabel('工作要点').check();
    await page.getByRole('group', { name: '年份' }).getByLabel('2025年').check();
    await page.waitForURL(/year=2025/);
    await expect.poll(() => page.locator('.search-result').count()).toBe(1);
    expect(await page.locator('.search-result__title').textContent()).toBe('2025年南岸区教育督导工作要点');
    expect(all).toBeGreaterThan(1);
    await page.getByRole('group', { name: '年份' }).getByLabel('2025年').uncheck();
    await page.getByRole('group', { name: '地区' }).getByLabel('闵行区').check();
    await expect.poll(() => page.locator('.search-result__title').allTextContents()).toEqual(['2022年闵行区教育督导工作要点']);
  });

  it('lands on the point: the URL hash is the point anchor and that element exists', async () => {
    const { page } = await openPage('/search/?q=红岩先锋');
    await announced(page);
    const link = pointLinks(page).first();
    const href = (await link.getAttribute('href')) ?? '';
    const anchor = decodeURIComponent(href.split('#')[1] ?? '');
    expect(anchor).not.toBe('');
    await Promise.all([page.waitForURL(`**#${href.split('#')[1]}`), link.click()]);
    const target = page.locator(`[id="${anchor}"]`);
    await expect(target.count()).resolves.toBe(1);
    expect(await target.textContent()).toContain('红岩先锋');
  });

  it('shows no badge text in sub-result titles', async () => {
    const { page } = await openPage('/search/?q=经常性督导');
    await announced(page);
    const titles = await pointLinks(page).allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).not.toMatch(/已核对原文|据二手资料|待核对/);
  });

  it('says so in Chinese when nothing matches', async () => {
    const { page } = await openPage('/search/?q=量子计算机');
    expect(await announced(page)).toContain('没有找到包含“量子计算机”的内容');
    expect(await page.locator('.search-result').count()).toBe(0);
  });

  it('keeps the filter panel as tall as its content', async () => {
    const { page } = await openPage('/search/?q=督导');
    await announced(page);
    const panel = await page.locator('.search-filters').boundingBox();
    const results = await page.locator('.search-main').boundingBox();
    expect(panel!.height).toBeLessThan(results!.height);
  });
});
