// The system programs the tests need, where to find them, and how to install them when they are
// missing. One place, so `npm test`'s preflight (scripts/check-system.ts) and the browser tests
// (tests/e2e/harness.ts, scripts/screenshot.ts, scripts/bench-*.ts) agree on which browser runs.
// The search functions are pure: environment, platform and file checks are passed in, so the unit
// tests can describe any machine.
import { accessSync, constants, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { chromium } from 'playwright-core';

export type Platform = 'linux' | 'darwin' | 'win32' | (string & {});

/** What the search may look at. `systemProbe()` is the real machine. */
export interface Probe {
  env: Record<string, string | undefined>;
  platform: Platform;
  /** True if `path` is an existing file this user may run. */
  isExecutable: (path: string) => boolean;
  /** Where Playwright keeps the Chromium it downloads (its registry), or undefined if it cannot say. */
  playwrightChromium: () => string | undefined;
}

/** One line per operating system telling how to install a program. */
export interface InstallHelp {
  debian: string;
  macos: string;
  windows: string;
}

export interface Program {
  name: string;
  /** Why the tests need it. */
  usedFor: string;
  /** Command names looked up on PATH (`.exe` is added on Windows). */
  commands: string[];
  /** Absolute paths tried after PATH, for places that are often not on PATH. */
  locations: (probe: Probe) => string[];
  /** A missing required program stops `npm test`; a missing optional one is only reported. */
  required: boolean;
  install: InstallHelp;
}

export interface Found {
  path: string;
  /** How it was found, for the preflight report. */
  via: string;
}

const browserInstall: InstallHelp = {
  debian: 'sudo apt-get install -y chromium',
  macos: 'brew install --cask chromium   (or install Google Chrome)',
  windows: 'install Google Chrome, or run: npx playwright-core install chromium',
};

/** Programs besides the browser, as data. */
export const programs: Program[] = [
  {
    name: 'nginx',
    usedFor: 'the deployment test serves dist/ with the documented nginx configuration',
    commands: ['nginx'],
    // Debian puts nginx in /usr/sbin, which is not on an ordinary user's PATH.
    locations: () => ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/bin/nginx', '/opt/homebrew/bin/nginx'],
    // tests/dist/nginx.test.ts runs deploy/nginx.conf under it. (PDFs are read with pdfjs-dist,
    // so no PDF tool is needed.)
    required: true,
    install: {
      debian: 'sudo apt-get install -y nginx',
      macos: 'brew install nginx',
      windows: 'scoop install nginx   (or unpack nginx from https://nginx.org/en/download.html onto PATH)',
    },
  },
];

/** Browser commands looked up on PATH, in order. */
export const browserCommands = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/**
 * Browser locations that are usually not on PATH. None on Linux: distribution packages put the
 * browser in /usr/bin (or /snap/bin), which is on PATH.
 */
export function browserLocations(probe: Probe): string[] {
  if (probe.platform === 'darwin') {
    const apps = ['/Applications'];
    if (probe.env.HOME) apps.push(`${probe.env.HOME}/Applications`);
    return apps.flatMap((dir) => [
      `${dir}/Chromium.app/Contents/MacOS/Chromium`,
      `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`,
    ]);
  }
  if (probe.platform === 'win32') {
    const roots = [probe.env.PROGRAMFILES, probe.env['PROGRAMFILES(X86)'], probe.env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    return roots.flatMap((root) => [
      win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  return [];
}

/** The first of `commands` found in a PATH directory, like `command -v`. */
export function findOnPath(commands: string[], probe: Probe): string | undefined {
  const windows = probe.platform === 'win32';
  const path = windows ? win32 : posix;
  const dirs = (probe.env.PATH ?? probe.env.Path ?? '').split(windows ? ';' : ':').filter(Boolean);
  const suffixes = windows ? ['.exe', '.cmd', '.bat', ''] : [''];
  for (const command of commands) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = path.join(dir, command + suffix);
        if (probe.isExecutable(candidate)) return candidate;
      }
    }
  }
  return undefined;
}

export type BrowserSearch =
  | { found: Found }
  /** CHROMIUM_PATH names a file that is not there: an explicit choice, so no other browser is used. */
  | { badEnv: string }
  | { missing: true };

/**
 * The browser the tests drive: CHROMIUM_PATH if set, else a browser command on PATH, else a
 * browser in the usual install folders (macOS, Windows), else one Playwright has downloaded.
 */
export function findBrowser(probe: Probe): BrowserSearch {
  const fromEnv = probe.env.CHROMIUM_PATH;
  if (fromEnv) return probe.isExecutable(fromEnv) ? { found: { path: fromEnv, via: 'CHROMIUM_PATH' } } : { badEnv: fromEnv };
  const onPath = findOnPath(browserCommands, probe);
  if (onPath) return { found: { path: onPath, via: 'PATH' } };
  const installed = browserLocations(probe).find((location) => probe.isExecutable(location));
  if (installed) return { found: { path: installed, via: 'installed browser' } };
  const downloaded = probe.playwrightChromium();
  if (downloaded && probe.isExecutable(downloaded)) return { found: { path: downloaded, via: 'downloaded by Playwright' } };
  return { missing: true };
}

/** A program from the table: on PATH, else in one of its usual locations. */
export function findProgram(program: Program, probe: Probe): Found | undefined {
  const onPath = findOnPath(program.commands, probe);
  if (onPath) return { path: onPath, via: 'PATH' };
  const location = program.locations(probe).find((candidate) => probe.isExecutable(candidate));
  return location ? { path: location, via: 'usual location' } : undefined;
}

/** The install lines for one program, one per operating system, indented. */
export function installLines(help: InstallHelp): string[] {
  return [`  Debian/Ubuntu: ${help.debian}`, `  macOS:         ${help.macos}`, `  Windows:       ${help.windows}`];
}

/** What to tell the user when no browser can be found or downloaded. */
export function browserHelp(search: BrowserSearch): string {
  const lines =
    'badEnv' in search
      ? [`CHROMIUM_PATH is set to ${search.badEnv}, but there is no executable file there.`, 'Point CHROMIUM_PATH at a Chromium or Chrome executable, or unset it to let the search run. To install a browser:']
      : ['No Chromium or Chrome browser found for the browser tests. Install one, then run npm test again:'];
  return [
    ...lines,
    ...installLines(browserInstall),
    '  Or set CHROMIUM_PATH to the path of a Chromium or Chrome executable.',
  ].join('\n');
}

/** What to tell the user about a missing program. */
export function programHelp(program: Program): string {
  return [`${program.name} not found (${program.usedFor}). Install it:`, ...installLines(program.install)].join('\n');
}

/** The real machine. */
export function systemProbe(env: Record<string, string | undefined> = process.env): Probe {
  return {
    env,
    platform: process.platform,
    isExecutable(path) {
      try {
        if (!statSync(path).isFile()) return false;
        if (process.platform !== 'win32') accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    playwrightChromium() {
      try {
        return chromium.executablePath();
      } catch {
        return undefined;
      }
    },
  };
}

/** The browser path for the tests and scripts; throws the install help when there is none. */
export function browserPath(probe: Probe = systemProbe()): string {
  const search = findBrowser(probe);
  if ('found' in search) return search.found.path;
  throw new Error(`${browserHelp(search)}\n(npm test runs scripts/check-system.ts first, which also tries to download one.)`);
}
