// The search for the browser and system programs, on machines described by hand: which browser
// wins, in which order places are tried, and what the user is told when nothing is found.
import { describe, expect, it } from 'vitest';
import {
  browserHelp,
  browserPath,
  findBrowser,
  findOnPath,
  findProgram,
  programHelp,
  programs,
  type Probe,
} from '../../../scripts/lib/system';

/** A machine with exactly these executable files. */
function machine(files: string[], env: Record<string, string | undefined> = {}, options: Partial<Probe> = {}): Probe {
  const present = new Set(files);
  return {
    env,
    platform: 'linux',
    isExecutable: (path) => present.has(path),
    playwrightChromium: () => '/home/u/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome',
    ...options,
  };
}

const program = (name: string) => programs.find((entry) => entry.name === name)!;

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH over everything else', () => {
    const probe = machine(['/opt/my/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/my/chrome', PATH: '/usr/bin' });
    expect(findBrowser(probe)).toEqual({ found: { path: '/opt/my/chrome', via: 'CHROMIUM_PATH' } });
  });

  it('reports a CHROMIUM_PATH that points at nothing instead of quietly using another browser', () => {
    const probe = machine(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nonexistent/chromium', PATH: '/usr/bin' });
    expect(findBrowser(probe)).toEqual({ badEnv: '/nonexistent/chromium' });
  });

  it('looks up the browser commands on PATH, directory by directory, in command order', () => {
    const probe = machine(['/usr/bin/google-chrome', '/snap/bin/chromium', '/usr/local/bin/chromium-browser'], {
      PATH: '/usr/local/bin:/usr/bin:/snap/bin',
    });
    expect(findBrowser(probe)).toEqual({ found: { path: '/snap/bin/chromium', via: 'PATH' } });
    const noChromium = machine(['/usr/bin/google-chrome-stable', '/usr/local/bin/google-chrome'], { PATH: '/usr/local/bin:/usr/bin' });
    expect(findBrowser(noChromium)).toEqual({ found: { path: '/usr/local/bin/google-chrome', via: 'PATH' } });
  });

  it('ignores a browser in a directory that is not on PATH (Linux)', () => {
    const probe = machine(['/usr/bin/chromium'], { PATH: '/tmp/only-node' }, { playwrightChromium: () => undefined });
    expect(findBrowser(probe)).toEqual({ missing: true });
  });

  it('falls back to the browser Playwright downloaded', () => {
    const downloaded = '/home/u/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
    expect(findBrowser(machine([downloaded], { PATH: '/usr/bin' }))).toEqual({
      found: { path: downloaded, via: 'downloaded by Playwright' },
    });
    // Playwright names the path even when nothing is downloaded there.
    expect(findBrowser(machine([], { PATH: '/usr/bin' }))).toEqual({ missing: true });
  });

  it('prefers a browser on PATH over the downloaded one', () => {
    const probe = machine(['/usr/bin/chromium', '/home/u/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome'], { PATH: '/usr/bin' });
    expect(findBrowser(probe)).toEqual({ found: { path: '/usr/bin/chromium', via: 'PATH' } });
  });

  it('finds Google Chrome in /Applications on macOS, after PATH', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const probe = machine([chrome], { PATH: '/usr/bin:/opt/homebrew/bin', HOME: '/Users/u' }, { platform: 'darwin' });
    expect(findBrowser(probe)).toEqual({ found: { path: chrome, via: 'installed browser' } });
    const userChromium = '/Users/u/Applications/Chromium.app/Contents/MacOS/Chromium';
    const both = machine([userChromium, chrome], { PATH: '/usr/bin', HOME: '/Users/u' }, { platform: 'darwin' });
    expect(findBrowser(both)).toEqual({ found: { path: chrome, via: 'installed browser' } });
  });

  it('finds chrome.exe under Program Files and on a Windows PATH', () => {
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const probe = machine([chrome], { Path: 'C:\\Windows;C:\\tools', PROGRAMFILES: 'C:\\Program Files' }, { platform: 'win32' });
    expect(findBrowser(probe)).toEqual({ found: { path: chrome, via: 'installed browser' } });
    const onPath = machine(['C:\\tools\\chromium.exe', chrome], { Path: 'C:\\Windows;C:\\tools', PROGRAMFILES: 'C:\\Program Files' }, { platform: 'win32' });
    expect(findBrowser(onPath)).toEqual({ found: { path: 'C:\\tools\\chromium.exe', via: 'PATH' } });
  });
});

describe('findOnPath', () => {
  it('skips empty PATH entries and returns undefined when nothing matches', () => {
    expect(findOnPath(['nginx'], machine(['/usr/bin/nginx'], { PATH: '::/usr/bin' }))).toBe('/usr/bin/nginx');
    expect(findOnPath(['nginx'], machine(['/usr/bin/nginx'], {}))).toBeUndefined();
  });
});

describe('programs', () => {
  it('finds nginx on PATH, or in /usr/sbin, which a user PATH lacks', () => {
    expect(findProgram(program('nginx'), machine(['/usr/local/bin/nginx', '/usr/sbin/nginx'], { PATH: '/usr/local/bin:/usr/bin' }))).toEqual({ path: '/usr/local/bin/nginx', via: 'PATH' });
    expect(findProgram(program('nginx'), machine(['/usr/sbin/nginx'], { PATH: '/usr/bin' }))).toEqual({ path: '/usr/sbin/nginx', via: 'usual location' });
    expect(findProgram(program('nginx'), machine([], { PATH: '/usr/bin' }))).toBeUndefined();
  });

  it('requires nginx, and no PDF tool since PDFs are read with PDF.js', () => {
    expect(programs.map(({ name, required }) => [name, required])).toEqual([['nginx', true]]);
  });

  it('tells how to install a missing program on each system', () => {
    const help = programHelp(program('nginx'));
    expect(help).toContain('nginx not found');
    expect(help).toContain('Debian/Ubuntu: sudo apt-get install -y nginx');
    expect(help).toContain('macOS:         brew install nginx');
    expect(help).toContain('Windows:       scoop install nginx');
  });
});

describe('browser help', () => {
  it('lists the Debian, macOS and Windows commands and CHROMIUM_PATH', () => {
    const help = browserHelp({ missing: true });
    expect(help).toContain('No Chromium or Chrome browser found');
    expect(help).toContain('Debian/Ubuntu: sudo apt-get install -y chromium');
    expect(help).toContain('macOS:         brew install --cask chromium   (or install Google Chrome)');
    expect(help).toContain('Windows:       install Google Chrome, or run: npx playwright-core install chromium');
    expect(help).toContain('set CHROMIUM_PATH');
    expect(help).not.toMatch(/[\u4e00-\u9fff]/u);
  });

  it('names a CHROMIUM_PATH that points at nothing', () => {
    expect(browserHelp({ badEnv: '/nonexistent/chromium' })).toContain(
      'CHROMIUM_PATH is set to /nonexistent/chromium, but there is no executable file there.',
    );
  });

  it('browserPath returns the browser, or throws the help instead of letting a test be skipped', () => {
    expect(browserPath(machine(['/usr/bin/chromium'], { PATH: '/usr/bin' }))).toBe('/usr/bin/chromium');
    expect(() => browserPath(machine([], { PATH: '/usr/bin' }))).toThrow('sudo apt-get install -y chromium');
  });
});
