// `node scripts/check-system.ts` as a real process on a machine with no browser in reach: PATH holds
// only node, Playwright's browser folder and HOME are empty. It must stop within seconds with the
// install instructions — also when Playwright's download fails or hangs.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'dudao-check-system-'));
const bin = join(root, 'bin');
const empty = join(root, 'empty');
mkdirSync(bin);
mkdirSync(empty);
symlinkSync(process.execPath, join(bin, 'node'));

interface Run {
  code: number | null;
  output: string;
  seconds: number;
}

/** Run the check with a bare environment plus `env`. */
function check(env: Record<string, string>): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/check-system.ts'], {
    env: { PATH: bin, HOME: empty, PLAYWRIGHT_BROWSERS_PATH: empty, ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => {
    child.on('close', (code) => done({ code, output, seconds: (performance.now() - started) / 1000 }));
  });
}

function expectInstructions(output: string) {
  expect(output).toContain('check-system: npm test cannot run yet.');
  expect(output).toContain('Debian/Ubuntu: sudo apt-get install -y chromium');
  expect(output).toContain('macOS:         brew install --cask chromium');
  expect(output).toContain('Windows:       install Google Chrome, or run: npx playwright-core install chromium');
  expect(output).toContain('set CHROMIUM_PATH');
}

let hanging: Server | undefined;
afterAll(() => hanging?.close());

// Time bounds are loose: the machine may be busy with other test files. What they rule out is a
// hang (Playwright's own connection timeout is 30 s).
describe('check-system as a process', { timeout: 30_000 }, () => {
  it('stops at a CHROMIUM_PATH that points at nothing', async () => {
    const run = await check({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(run.code).toBe(1);
    expect(run.seconds).toBeLessThan(20);
    expect(run.output).toContain('CHROMIUM_PATH is set to /nonexistent/chromium, but there is no executable file there.');
    expect(run.output).not.toContain('playwright-core install chromium (time limit');
    expectInstructions(run.output);
  });

  it('stops when no browser is found and downloads are turned off', async () => {
    const run = await check({ DUDAO_NO_BROWSER_DOWNLOAD: '1' });
    expect(run.code).toBe(1);
    expect(run.seconds).toBeLessThan(20);
    expect(run.output).toContain('No Chromium or Chrome browser found for the browser tests.');
    expect(run.output).toContain('not downloading one, because DUDAO_NO_BROWSER_DOWNLOAD is set');
    expectInstructions(run.output);
  });

  it('tries Playwright’s download and stops when it fails', async () => {
    // Port 1 on localhost refuses connections: the download fails without touching the network,
    // after Playwright's five attempts (a few seconds; more on a busy machine).
    const run = await check({ PLAYWRIGHT_DOWNLOAD_HOST: 'http://127.0.0.1:1', DUDAO_BROWSER_DOWNLOAD_TIMEOUT: '100' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('running npx playwright-core install chromium (time limit 100 s)');
    expect(run.output).toContain("Tried Playwright's download: the download failed (exit code 1).");
    expectInstructions(run.output);
  }, 110_000);

  it('kills a download that hangs at the time limit', async () => {
    // A server that accepts connections and never answers.
    hanging = createServer(() => {});
    await new Promise<void>((ready) => hanging!.listen(0, '127.0.0.1', ready));
    const { port } = hanging.address() as { port: number };
    const run = await check({ PLAYWRIGHT_DOWNLOAD_HOST: `http://127.0.0.1:${port}`, DUDAO_BROWSER_DOWNLOAD_TIMEOUT: '2' });
    expect(run.code).toBe(1);
    expect(run.seconds).toBeLessThan(25);
    expect(run.output).toContain("Tried Playwright's download: the download timed out after 2 s.");
    expectInstructions(run.output);
  });

  it('passes and names the browser when CHROMIUM_PATH points at an executable', async () => {
    const fake = join(root, 'my-chromium');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    const run = await check({ CHROMIUM_PATH: fake });
    // nginx is found in /usr/sbin even with this PATH (the tests need it installed anyway).
    expect(run.output).toContain(`check-system: browser: ${fake} (CHROMIUM_PATH)`);
    expect(run.output).not.toContain('cannot run yet');
    expect(run.code).toBe(0);
  });
});
