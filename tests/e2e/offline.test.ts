// The site as an installed app: after one visit the self-check, frameworks and handbooks work with
// the network gone, a search made before is answered again, a page never visited shows the offline
// page, and a new build is offered with
// 有新版本 and loaded only when the reader asks.
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openPage } from './harness';
import { hydrated, selfCheckPath } from './school-form';

afterAll(closeBrowser);

/** Wait until the page is controlled by an active service worker (its precache is then complete). */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
  });
}

describe('offline and installable', () => {
  it('links a web app manifest named 督导通 that starts the site standalone in zh-CN', async () => {
    const { page } = await openPage('/');
    const manifestUrl = await page.locator('link[rel="manifest"]').getAttribute('href');
    const response = await page.request.get(new URL(manifestUrl!, page.url()).href);
    const manifest = await response.json();
    expect(manifest).toMatchObject({ name: '督导通', lang: 'zh-CN', display: 'standalone', start_url: './' });
    for (const icon of manifest.icons as { src: string }[]) {
      expect((await page.request.get(new URL(icon.src, response.url()).href)).status(), icon.src).toBe(200);
    }
  });

  it('after one visit, fills and exports a self-check, opens a handbook, searches and shows the offline page with the network gone', async () => {
    const { page, context, errors } = await openPage(selfCheckPath, { serviceWorkers: 'allow' });
    await controlled(page);
    // A search made online is answered again offline from the cached index.
    await page.goto(new URL('/search/?q=督导', page.url()).href);
    await page.getByRole('status').filter({ hasText: '找到' }).waitFor();
    await page.goto(new URL(selfCheckPath, page.url()).href);

    await context.setOffline(true);
    await page.reload();
    await hydrated(page);
    await page.getByLabel('学校名称').fill('离线示范小学');
    await page.getByLabel('本学段在校学生数', { exact: true }).fill('1000');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出答卷文件（JSON）' }).click()]);
    const saved = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(saved).toMatchObject({ format: 'dudao-self-check', framework: { id: 'youzhi-junheng-xuexiao' } });
    expect(saved.answers.students).toBe(1000);

    await page.goto(new URL('/handbooks/school-self-check/', page.url()).href);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBeTruthy();
    expect(await page.getByRole('heading', { name: '当前处于离线状态' }).count()).toBe(0);

    await page.goto(new URL('/search/?q=督导', page.url()).href);
    await page.getByRole('status').filter({ hasText: '找到' }).waitFor();

    await page.goto(new URL('/workplans/', page.url()).href);
    await page.getByRole('heading', { name: '当前处于离线状态' }).waitFor();
    await context.setOffline(false);
    expect(errors.filter((error) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(error))).toEqual([]);
  });

  it('says 有新版本 when a new build is deployed and reloads only when the reader presses the button', async () => {
    const { page } = await openPage('/about/', { serviceWorkers: 'allow' });
    await controlled(page);
    const notice = page.getByRole('status').filter({ hasText: '有新版本' });
    expect(await notice.isVisible()).toBe(false);

    // A new build, as the browser meets it: a worker script it has not installed for this scope.
    // (Serving changed bytes for /sw.js through context.route did not reach the browser's update
    // check in our runs, so the test registers the new worker under another URL instead.)
    await page.evaluate(async () => {
      await navigator.serviceWorker.register('/sw.js?build=next', { scope: '/' });
    });
    await notice.waitFor();
    // Nothing reloads by itself: the page keeps what the reader typed.
    await page.getByLabel('搜索全站').fill('草稿');
    expect(await page.getByLabel('搜索全站').inputValue()).toBe('草稿');

    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: '重新加载到新版本' }).click()]);
    // The page reloaded under the new worker (and the field it had is empty again).
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js\?build=next$/);
    expect(await page.getByLabel('搜索全站').inputValue()).toBe('');
  });
});
