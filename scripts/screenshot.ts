// Developer tool: serve dist/ and save a full-page screenshot of one path, to look at a page.
// Usage: npm run screenshot -- <path> <out.png> [width] [light|dark|print]
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/support/static-server.ts';
import { browserPath } from './lib/system.ts';

const [path = '/', out = 'screenshot.png', width = '1280', mode = 'light'] = process.argv.slice(2);
const { server, origin } = await serveStatic('dist');
const browser = await chromium.launch({
  executablePath: browserPath(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({
    viewport: { width: Number(width), height: 900 },
    colorScheme: mode === 'dark' ? 'dark' : 'light',
  });
  if (mode === 'print') await page.emulateMedia({ media: 'print' });
  await page.goto(new URL(path, origin).href, { waitUntil: 'networkidle' });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  server.close();
}
