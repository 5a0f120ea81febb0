// 适老化: the header's text-size control (标准 / 大 / 特大), remembered on the device and applied before
// first paint; large targets; reflow without sideways scrolling at 360 and 320 CSS px in every size.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseURL, closeBrowser, getBrowser, openPage } from './harness';

afterAll(closeBrowser);

export const textSizes = [
  { label: '标准', bodyPx: 16, targetPx: 44 },
  { label: '大', bodyPx: 24, targetPx: 44 },
  { label: '特大', bodyPx: 40, targetPx: 60 },
] as const;

/** Press the size button in the header's 字号 group. */
async function chooseSize(page: Page, label: string): Promise<void> {
  await page.getByRole('group', { name: '字号' }).getByRole('button', { name: label, exact: true }).click();
}

const reflowPages = [
  '/',
  '/about/',
  '/workplans/',
  '/handbooks/school-self-check/',
  '/frameworks/youzhi-junheng-xuexiao/',
  '/self-check/youzhi-junheng-xuexiao/',
  '/county/',
  '/search/?q=督导',
];

describe('text size', () => {
  it('offers 标准, 大 and 特大, marks the current one and remembers it on the device without a flash', async () => {
    const { page, context } = await openPage('/');
    const group = page.getByRole('group', { name: '字号' });
    await expect(group.getByRole('button', { name: '标准', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    for (const { label, bodyPx } of textSizes) {
      await chooseSize(page, label);
      await expect(group.getByRole('button', { name: label, exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
      const style = await page.evaluate(() => {
        const body = getComputedStyle(document.querySelector('main p')!);
        return { fontSize: parseFloat(body.fontSize), lineHeight: parseFloat(body.lineHeight) };
      });
      expect(style.fontSize).toBeGreaterThanOrEqual(bodyPx);
      expect(style.lineHeight / style.fontSize).toBeGreaterThanOrEqual(1.5);
    }
    // Another page of the same device starts in 特大 before any script of the body runs.
    const next = await context.newPage();
    await next.goto(new URL('/about/', page.url()).href, { waitUntil: 'commit' });
    await next.waitForFunction(() => document.body !== null);
    expect(await next.evaluate(() => document.documentElement.dataset.textSize)).toBe('xlarge');
    await next.close();
  });

  it('is hidden without JavaScript, where browser zoom does the same', async () => {
    const context = await (await getBrowser()).newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('/', baseURL).href);
    expect(await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作要点' }).count()).toBe(1);
    expect(await page.getByRole('group', { name: '字号' }).count()).toBe(0);
    await context.close();
  });

  it.each(textSizes)('keeps controls and navigation links at least $targetPx px square in $label', async ({ label, targetPx }) => {
    const { page } = await openPage('/self-check/youzhi-junheng-xuexiao/', { viewport: { width: 360, height: 740 } });
    await chooseSize(page, label);
    const small = await page.evaluate((min) => {
      const targets = document.querySelectorAll('header a, header button, header input, main button, main input:not([type=checkbox]):not([type=radio]), main select');
      return [...targets]
        // Visually hidden inputs (a file input behind its styled label) are not the target a reader presses.
        .filter((element) => (element as HTMLElement).offsetParent !== null && !element.closest('[hidden], .visually-hidden'))
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width + 0.5 < min || box.height + 0.5 < min)
        .map(({ element, box }) => `${element.tagName} "${element.textContent?.trim() || element.getAttribute('aria-label') || element.id}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }, targetPx);
    expect(small).toEqual([]);
  });
});

describe('reflow', () => {
  // One page per path, narrowed from 360 to 320 px: a fresh browser context costs more than the check.
  it.each(reflowPages)('%s needs no sideways scrolling at 360 and 320 px in every size', async (path) => {
    const { page } = await openPage(path, { viewport: { width: 360, height: 740 } });
    const overflowing: string[] = [];
    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: 740 });
      for (const { label } of textSizes) {
        await chooseSize(page, label);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) overflowing.push(`${width} px, ${label}: ${overflow} px`);
      }
    }
    expect(overflowing).toEqual([]);
  });
});
