// Work plans as a reader meets them: open a document, follow a theme, open a point's link and
// land on it; filter the list without JavaScript; print on A4; find a point through search.
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage } from './harness';
import { seriousViolations } from './axe';

afterAll(closeBrowser);

const nanan = '/workplans/2025-nanan-gongzuoyaodian/';

describe('a work-plan page', () => {
  it('shows the header facts, the cover notice, a table of contents and numbered points, with only the site scripts', async () => {
    const { page, offOrigin, errors } = await openPage(nanan);
    await expect(page.locator('h1').textContent()).resolves.toBe('2025年南岸区教育督导工作要点');
    const facts = page.locator('dl');
    await expect(facts.textContent()).resolves.toMatch(/发文机关重庆市南岸区教育委员会、重庆市南岸区人民政府教育督导室/u);
    await expect(facts.textContent()).resolves.toMatch(/成文日期2025年4月27日/u);
    await expect(page.getByRole('region', { name: '印发通知' }).textContent()).resolves.toContain('各中小学、幼儿园，教师进修学院：');
    const toc = page.getByRole('navigation', { name: '目录' });
    expect(await toc.getByRole('link').count()).toBe(6 + 18);
    await expect(page.locator('h3#s1-p2').textContent()).resolves.toBe('2.强化结果运用，提升教育质量。');
    // Only the text-size bootstrap and the two site scripts (text size, service worker).
    expect(await page.locator('script').evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src') ?? 'inline'))).toEqual([
      'inline',
      '/text-size.js',
      '/sw-register.js',
    ]);
    expect(offOrigin).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('has no serious accessibility violations', async () => {
    const { page } = await openPage('/workplans/2021-nanan-shishifangan/');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('follows a theme from a point to the theme page, which links back to the point', async () => {
    const { page } = await openPage(nanan);
    const point = page.locator('section.division--point', { has: page.locator('#s3-p7') });
    await Promise.all([page.waitForURL('**/themes/fengqiao-jingyan/'), point.getByRole('link', { name: '枫桥经验' }).click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('枫桥经验');
    const years = await page.locator('main h2').allTextContents();
    expect(years).toEqual([...years].sort().reverse());
    const back = page.getByRole('link', { name: '7.推动“枫桥经验”教育督导实践。' });
    await Promise.all([page.waitForURL(`**${nanan}#s3-p7`), back.click()]);
    await expectLandedOn(page, 's3-p7');
  });

  it('opens a point’s own link and lands on that point', async () => {
    const { page } = await openPage(nanan);
    const link = page.getByRole('link', { name: '第四部分第13条的链接' });
    expect(await link.getAttribute('href')).toBe('#s4-p13');
    await link.click();
    expect(new URL(page.url()).hash).toBe('#s4-p13');
    await expectLandedOn(page, 's4-p13');

    const fresh = await openPage(`${nanan}#s4-p13`);
    await expectLandedOn(fresh.page, 's4-p13');
  });

  it('fits a 360 px wide phone screen without sideways scrolling', async () => {
    const { page } = await openPage('/workplans/2021-nanan-shishifangan/', { viewport: { width: 360, height: 740 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  it('prints on A4 without links, tags or table of contents', async () => {
    const { page } = await openPage(nanan);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: '目录' }).isVisible()).toBe(false);
    expect(await page.locator('.division__link').first().isVisible()).toBe(false);
    expect(await page.locator('.themes').first().isVisible()).toBe(false);
    expect(await page.locator('h3#s1-p1').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the work-plan list', () => {
  it('lists every document newest first, grouped by year, and the districts by province with counts', async () => {
    const { page } = await openPage('/workplans/');
    expect(await page.locator('main h3[id^="year-"]').allTextContents()).toEqual(['2026年', '2025年', '2023年', '2022年', '2021年']);
    expect(await page.locator('main .document__title').count()).toBe(5);
    const byDistrict = page.getByRole('region', { name: '按区县' });
    expect(await byDistrict.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['重庆市（4）', '上海市（1）']);
  });

  it('goes from province to district to year with plain links', async () => {
    const { page } = await openPage('/workplans/');
    const filters = page.getByRole('navigation', { name: '筛选工作要点' });
    await Promise.all([page.waitForURL('**/workplans/province/chongqing/'), filters.getByRole('link', { name: '重庆市（4）' }).click()]);
    await Promise.all([page.waitForURL('**/workplans/region/nanan/'), page.getByRole('link', { name: '南岸区（2）' }).click()]);
    expect(await page.locator('main .document__title').allTextContents()).toEqual([
      '2025年南岸区教育督导工作要点',
      '南岸区深化新时代教育督导体制机制改革工作实施方案',
    ]);
    expect(await filters.getByRole('link', { name: /^重庆市/u }).getAttribute('aria-current')).toBe('page');
    await Promise.all([page.waitForURL('**/workplans/year/2022/'), filters.getByRole('link', { name: /^2022年/u }).click()]);
    expect(await page.locator('main .document__title').allTextContents()).toEqual(['2022年闵行区教育督导工作要点']);
  });
});

describe('search', () => {
  it('finds a point and the result links to the point itself', async () => {
    const { page } = await openPage('/search/?q=枫彩南岸平台');
    // The search index cuts pages at headings with ids: each point heading is one result.
    const result = page.locator('main a[href$="/workplans/2025-nanan-gongzuoyaodian/#s3-p8"]');
    await result.waitFor({ timeout: 15_000 });
    await expect(result.textContent()).resolves.toBe('8.建好“1+8”“枫”彩南岸平台。');
    await Promise.all([page.waitForURL('**#s3-p8'), result.click()]);
    await expectLandedOn(page, 's3-p8');
  });
});

/** The element with `id` is the URL target and its top is within the viewport. */
async function expectLandedOn(page: import('playwright-core').Page, id: string): Promise<void> {
  await page.waitForFunction((target) => location.hash === `#${target}`, id);
  const box = await page.evaluate((target) => {
    const element = document.getElementById(target)!;
    return { top: element.getBoundingClientRect().top, height: window.innerHeight, matches: element.matches(':target') };
  }, id);
  expect(box.matches).toBe(true);
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.top).toBeLessThan(box.height / 3);
}
