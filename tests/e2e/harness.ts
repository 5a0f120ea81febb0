// Shared helpers for browser tests: one Chromium per test file, a fresh context per page,
// and a record of every request that tried to leave localhost (it must stay empty).
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { browserPath } from '../../scripts/lib/system.ts';

export const baseURL = inject('baseURL');

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let browser: Browser | undefined;

/** Launch (once per test file) the browser `npm test`'s preflight found (scripts/lib/system.ts) and return it. */
export async function getBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: browserPath(),
    args: chromiumArgs,
  });
  return browser;
}

/** Close the file's browser; call it in afterAll. */
export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** URLs of requests that tried to reach any origin other than the local test server. */
  offOrigin: string[];
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
}

export interface OpenPageOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Reuse a context (e.g. to keep localStorage across a reload in a new page). */
  context?: BrowserContext;
  acceptDownloads?: boolean;
}

/** Open `path` of the built site in a fresh context; blocks and records off-origin requests. */
export async function openPage(path: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const context =
    options.context ??
    (await (await getBrowser()).newContext({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      colorScheme: options.colorScheme ?? 'light',
      locale: 'zh-CN',
      acceptDownloads: options.acceptDownloads ?? true,
    }));
  const offOrigin: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseURL) || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    offOrigin.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL(path, baseURL).href, { waitUntil: 'load' });
  return { page, context, offOrigin, errors };
}
