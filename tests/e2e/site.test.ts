// The site shell as a visitor meets it: home, keyboard navigation, search, layout, privacy.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { closeBrowser, openPage } from './harness';
import { seriousViolations } from './axe';

afterAll(closeBrowser);

/** One representative URL per page type; every one must be in the build (a missing page type fails, never skips). */
const pageTypes = [
  '/',
  '/about/',
  '/search/?q=督导',
  '/this-page-does-not-exist/',
  '/workplans/',
  '/workplans/province/chongqing/',
  '/workplans/region/nanan/',
  '/themes/',
  '/handbooks/',
  '/frameworks/',
  '/self-check/',
  '/self-check/youzhi-junheng-xuexiao/',
  '/self-check/open/',
  '/self-check/youzhi-junheng-xuexiao/records/',
  '/county/',
  '/frameworks/builder/',
  '/publish/',
];

describe('the build', () => {
  it('has every page type the sweep checks', () => {
    const missing = pageTypes.filter((path) => !path.startsWith('/this-page') && !existsSync(`dist${path.split('?')[0]}index.html`));
    expect(missing).toEqual([]);
  });
});

describe('home page', () => {
  it('renders in Chinese with the three user groups and the main navigation', async () => {
    const { page, offOrigin } = await openPage('/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(page.locator('h1').textContent()).resolves.toContain('督导通');
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const label of ['工作要点', '督导手册', '指标体系', '学校自评']) {
      expect(await nav.getByRole('link', { name: label }).count()).toBe(1);
    }
    for (const who of ['我是校长', '我在学校工作', '我在督导部门']) {
      expect(await page.getByText(who).count()).toBe(1);
    }
    expect(offOrigin).toEqual([]);
  });

  it('can be used with the keyboard: skip link first, then the navigation', async () => {
    const { page } = await openPage('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    await page.reload();
    const labels: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      labels.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(labels).toContain('工作要点');
    while ((await page.evaluate(() => document.activeElement?.textContent?.trim())) !== '工作要点') {
      await page.keyboard.press('Shift+Tab');
    }
    await Promise.all([page.waitForURL('**/workplans/'), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/workplans/');
  });

  it('fits a 360 px wide phone screen without sideways scrolling', async () => {
    const { page } = await openPage('/', { viewport: { width: 360, height: 740 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('follows the dark colour scheme', async () => {
    const light = await openPage('/', { colorScheme: 'light' });
    const dark = await openPage('/', { colorScheme: 'dark' });
    const background = (p: typeof light.page) => p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await background(light.page)).toBe('rgb(255, 255, 255)');
    expect(await background(dark.page)).not.toBe('rgb(255, 255, 255)');
  });

  it('prints without the navigation and shows link targets', async () => {
    const { page } = await openPage('/about/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: '主导航' }).isVisible()).toBe(false);
    const after = await page.evaluate(() => {
      const link = document.querySelector('main a[href="/search/"]');
      return link ? getComputedStyle(link, '::after').content : '';
    });
    expect(after).toContain('/search/');
  });
});

describe('search', () => {
  it('the header search form opens the search page with results for a Chinese query', async () => {
    const { page, offOrigin, errors } = await openPage('/');
    await page.getByLabel('搜索全站').fill('督导');
    await Promise.all([page.waitForURL('**/search/?q=*'), page.getByRole('button', { name: '搜索' }).click()]);
    await page.getByRole('status').filter({ hasText: '找到' }).waitFor();
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    expect(offOrigin).toEqual([]);
    // The site is served with the Content-Security-Policy of public/_headers: nothing may be refused.
    expect(errors).toEqual([]);
  });

  it('finds 枫桥经验 in the 南岸 2025 and 綦江 2026 work plans', async () => {
    const { page } = await openPage('/search/?q=枫桥经验');
    await page.getByRole('status').filter({ hasText: '找到' }).waitFor();
    const titles = await page.locator('.search-result__title').allTextContents();
    const joined = titles.join('\n');
    expect(joined).toMatch(/2025.*南岸|南岸.*2025/);
    expect(joined).toMatch(/綦江.*2026|2026.*綦江/);
  });
});

describe('accessibility', () => {
  // Every size in the light scheme; the dark scheme at 标准 only: what the scheme changes is colour,
  // and contrast is strictest at the smallest size (larger text needs 3:1, not 4.5:1). One page per
  // type, the dark scheme emulated on it last: a fresh browser context cost more than the scan.
  const sweep = [
    ['light', '标准'],
    ['light', '大'],
    ['light', '特大'],
    ['dark', '标准'],
  ] as const;
  it.each(pageTypes)(`axe finds no serious or critical violation on %s at ${sweep.map(([scheme, size]) => `${size} (${scheme})`).join(', ')}`, async (path) => {
    const { page, offOrigin } = await openPage(path, { colorScheme: 'light' });
    if (path.startsWith('/search/')) await page.getByRole('status').filter({ hasText: '找到' }).waitFor();
    const found: Record<string, unknown> = {};
    for (const [colorScheme, size] of sweep) {
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      await page.getByRole('group', { name: '字号' }).getByRole('button', { name: size, exact: true }).click();
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[`${size} (${colorScheme})`] = violations;
    }
    expect(found).toEqual({});
    expect(offOrigin).toEqual([]);
  });
});
