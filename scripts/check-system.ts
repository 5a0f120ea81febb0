// `npm test` preflight: before any test or build runs, find the system programs the tests need
// (scripts/lib/system.ts) and stop at once, with the command that installs what is missing, rather
// than failing or skipping tests later. With no browser anywhere, it first tries Playwright's own
// download (`npx playwright-core install chromium`), under a time limit.
//   CHROMIUM_PATH                        use this browser (it must exist; nothing else is tried)
//   DUDAO_NO_BROWSER_DOWNLOAD=1          never download a browser
//   DUDAO_BROWSER_DOWNLOAD_TIMEOUT=<s>   time limit for the download (default 600 s)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { browserHelp, findBrowser, findProgram, programHelp, programs, systemProbe } from './lib/system.ts';

const probe = systemProbe();
const problems: string[] = [];

for (const program of programs) {
  const found = findProgram(program, probe);
  if (found) console.log(`check-system: ${program.name}: ${found.path}`);
  else if (program.required) problems.push(programHelp(program));
  else console.log(`check-system: ${program.name}: not found (optional for now; ${program.usedFor})`);
}

/** Run Playwright's browser download in its own process group and kill the whole group at the time limit. */
function downloadBrowser(seconds: number): Promise<string | undefined> {
  const cli = join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'cli.js');
  console.log(`check-system: no browser found; running npx playwright-core install chromium (time limit ${seconds} s)`);
  const group = process.platform !== 'win32';
  const child = spawn(process.execPath, [cli, 'install', 'chromium'], { stdio: ['ignore', 'inherit', 'inherit'], detached: group });
  const kill = () => {
    try {
      if (group && child.pid) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // already gone
    }
  };
  const interrupted = () => {
    kill();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return new Promise<string | undefined>((done) => {
    const timer = setTimeout(() => {
      kill();
      done(`the download timed out after ${seconds} s`);
    }, seconds * 1000);
    child.once('error', (error) => {
      clearTimeout(timer);
      done(`the download could not start: ${error.message}`);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      kill(); // anything it left behind
      done(code === 0 ? undefined : `the download failed (${signal ?? `exit code ${code}`})`);
    });
  }).finally(() => {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  });
}

let browser = findBrowser(probe);
if ('missing' in browser && problems.length === 0) {
  const timeout = Number(probe.env.DUDAO_BROWSER_DOWNLOAD_TIMEOUT ?? 600);
  const failure = probe.env.DUDAO_NO_BROWSER_DOWNLOAD
    ? 'not downloading one, because DUDAO_NO_BROWSER_DOWNLOAD is set'
    : await downloadBrowser(Number.isFinite(timeout) && timeout > 0 ? timeout : 600);
  browser = findBrowser(probe);
  if ('missing' in browser) {
    problems.push(`${browserHelp(browser)}\n(Tried Playwright's download: ${failure ?? 'it finished, but the browser is still not there'}.)`);
  }
} else if (!('found' in browser)) {
  problems.push(browserHelp(browser));
}
if ('found' in browser) console.log(`check-system: browser: ${browser.found.path} (${browser.found.via})`);

if (problems.length > 0) {
  console.error(`\ncheck-system: npm test cannot run yet.\n\n${problems.join('\n\n')}\n`);
  process.exit(1);
}
