// Shared helpers for browser tests: one Chromium per test file, a fresh context per page,
// and a record of every request that tried to leave localhost (it must stay empty).
// Every page is served with dist/_headers' Content-Security-Policy (tests/support/static-server.ts);
// any `securitypolicyviolation` in any page fails the test that opened it (see watchCsp).
import { afterEach, expect, inject } from 'vitest';
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

/** CSP violations reported by pages since the last check, as readable lines. */
const cspViolations: string[] = [];
const watchedContexts = new WeakSet<BrowserContext>();

/**
 * Report every `securitypolicyviolation` of every page in this context to the test process,
 * from before the page's first script runs (a binding, so nothing is lost when the page closes).
 */
async function watchCsp(context: BrowserContext): Promise<void> {
  if (watchedContexts.has(context)) return;
  watchedContexts.add(context);
  await context.exposeBinding('__dudaoCspViolation', (_source, line: string) => {
    cspViolations.push(line);
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __dudaoCspViolation: (line: string) => void }).__dudaoCspViolation;
    document.addEventListener('securitypolicyviolation', (event) => {
      report(`${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
    });
  });
}

/** Pages opened since the last check. */
const openedPages = new Set<Page>();

/** Fail the current test on any CSP violation its pages reported. */
async function expectNoCspViolation(): Promise<void> {
  // A violation event is dispatched as a task after the blocked action: let each open page run
  // its pending tasks, so the report (sent before the evaluate's answer) belongs to this test.
  await Promise.all(
    [...openedPages].filter((page) => !page.isClosed()).map((page) => page.evaluate(() => new Promise((done) => setTimeout(done, 0))).catch(() => undefined)),
  );
  openedPages.clear();
  expect(cspViolations.splice(0), 'Content-Security-Policy violations').toEqual([]);
}

// Registered on the root suite of every test file that imports the harness.
afterEach(expectNoCspViolation);

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
  openedPages.clear();
  expect(cspViolations.splice(0), 'Content-Security-Policy violations').toEqual([]);
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
  /**
   * 'block' (the default) keeps the site's service worker out, so each test sees the network as the
   * page does and fresh contexts do not each download the offline copy; tests/e2e/offline.test.ts allows it.
   */
  serviceWorkers?: 'allow' | 'block';
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
      serviceWorkers: options.serviceWorkers ?? 'block',
    }));
  await watchCsp(context);
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
  openedPages.add(page);
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL(path, baseURL).href, { waitUntil: 'load' });
  return { page, context, offOrigin, errors };
}
