// Post-build step (run by `npm run build` right after `astro build`): allow exactly the inline
// scripts the build produced, by hash, instead of 'unsafe-inline'.
//
// The pages carry a few inline scripts: Astro's island loader and its `client:*` directive.
// Their text changes with Astro versions and with the
// site's base path, so the hashes are computed from the built pages, never written by hand.
//
// Input: dist/_headers, Astro's copy of public/_headers, whose `/*` rule holds every security
// header (the single source for them); its Content-Security-Policy lists no inline-script hashes.
// Output:
//   dist/_headers                          the same file, with `'sha256-…'` for every distinct
//                                          inline script added to `script-src`;
//   dist/_nginx/security-headers.conf      the `/*` rule's headers as nginx `add_header … always;`
//                                          lines, for deploy/nginx.conf to `include` in every
//                                          location (so the CSP travels with the build it fits).
// The build fails when script-src allows 'unsafe-inline', when a page has an inline event handler
// or `javascript:` URL (a hash cannot allow those), or when any inline script ends up without its
// hash in the written policy.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { FileDigests } from './lib/file-digests.ts';

/** Script types the browser executes (anything else, e.g. JSON-LD, is data and needs no hash). */
const executableTypes = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** The text of every inline script the browser would execute, exactly as it appears in the page. */
export function inlineScripts(html: string): string[] {
  // A scan, not a parse: thousands of pages at province scale, and a script element's text is raw
  // up to the first </script (HTML's script data state); comments are skipped, quoted attribute
  // values may hold ">".
  const scripts: string[] = [];
  const pattern = /<!--[^]*?-->|<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([^]*?)<\/script[\s/>]/giu;
  for (const match of html.matchAll(pattern)) {
    if (match[1] === undefined) continue; // a comment
    const attributes = match[1];
    if (/(?:^|\s)src\s*=/iu.test(attributes)) continue;
    const type = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/iu.exec(attributes);
    if (!executableTypes.has((type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase())) continue;
    scripts.push(match[2]!);
  }
  return scripts;
}

/** Script that a hash-based policy cannot allow: inline event handlers and `javascript:` URLs. */
export function unhashableScript(html: string): string[] {
  // Most pages have neither: skip parsing them (the test below is looser than the attribute check).
  if (!/[\s"'/]on[a-z]+[\s=>/]/i.test(html) && !/javascript:/i.test(html)) return [];
  const root = parse(html, { blockTextElements: { script: true, noscript: true, style: true, pre: true } });
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    for (const [name, value] of Object.entries(element.attributes)) {
      if (/^on/i.test(name)) found.push(`<${element.tagName.toLowerCase()} ${name}>`);
      else if (/^\s*javascript:/i.test(value)) found.push(`<${element.tagName.toLowerCase()} ${name}="${value}">`);
    }
  }
  return found;
}

/** The CSP source expression for one inline script: `'sha256-<base64>'` of its UTF-8 text. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Add hash sources to a policy's script-src directive (which must exist and must not allow 'unsafe-inline'). */
export function withScriptHashes(policy: string, hashes: string[]): string {
  const directives = policy.split(';').map((directive) => directive.trim()).filter(Boolean);
  const index = directives.findIndex((directive) => /^script-src\s/i.test(directive) || directive.toLowerCase() === 'script-src');
  if (index < 0) throw new Error('Content-Security-Policy has no script-src directive');
  const directive = directives[index]!;
  if (/'unsafe-inline'/i.test(directive)) throw new Error(`script-src allows 'unsafe-inline'; inline scripts are allowed by hash: ${directive}`);
  const present = new Set(directive.split(/\s+/).slice(1));
  directives[index] = [directive, ...hashes.filter((hash) => !present.has(hash))].join(' ');
  return directives.join('; ');
}

export interface HeadersRule {
  path: string;
  headers: [name: string, value: string][];
}

/** Parse a Netlify-style _headers file into its rules, keeping header names as written. */
export function parseRules(text: string): HeadersRule[] {
  const rules: HeadersRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] });
    else {
      const colon = line.indexOf(':');
      const rule = rules.at(-1);
      if (!rule || colon < 0) throw new Error(`_headers: cannot read line "${line.trim()}"`);
      rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** Replace the value of `name` in the rule for `path`, keeping every other line (and comment) as it is. */
export function replaceHeader(text: string, path: string, name: string, value: string): string {
  let current: string | undefined;
  let replaced = false;
  const lines = text.split('\n').map((line) => {
    if (!line.trim() || line.trimStart().startsWith('#')) return line;
    if (!/^\s/.test(line)) {
      current = line.trim();
      return line;
    }
    const colon = line.indexOf(':');
    if (current === path && line.slice(0, colon).trim().toLowerCase() === name.toLowerCase()) {
      replaced = true;
      return `${line.slice(0, line.length - line.trimStart().length)}${line.slice(0, colon).trim()}: ${value}`;
    }
    return line;
  });
  if (!replaced) throw new Error(`_headers: no ${name} under ${path}`);
  return lines.join('\n');
}

/** nginx `add_header` lines for these headers; `always` so error pages (the 404) carry them too. */
export function nginxInclude(headers: [string, string][]): string {
  const lines = headers.map(([name, value]) => {
    if (/["\\$]/.test(value)) throw new Error(`${name}: a value with " \\ or $ does not fit an nginx string: ${value}`);
    return `add_header ${name} "${value}" always;`;
  });
  return [
    '# Written by `npm run build` (scripts/security-headers.ts) from the `/*` rule of public/_headers,',
    '# with the hashes of this build\'s inline scripts. deploy/nginx.conf includes it in every location.',
    ...lines,
    '',
  ].join('\n');
}

/** Every HTML page of a built site (Astro's asset folder holds none of ours). */
function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !/^_astro[\\/]/.test(file))
    .map((file) => join(dir, file));
}

/** What one page contributes: the hashes of its inline scripts, and the script a hash cannot allow. */
interface PageScripts {
  hashes: string[];
  problems: string[];
}

function pageScripts(html: string): PageScripts {
  return { hashes: inlineScripts(html).map(scriptHash), problems: unhashableScript(html) };
}

/**
 * Hash every page's inline scripts into dist/_headers and write the nginx include; throws on any
 * problem. With `cacheDir`, what each page contributes is remembered by the page's digest, and the
 * digests of unchanged pages are known without reading them (scripts/lib/file-digests.ts): a rebuild
 * reads the pages that changed, not all of them.
 */
export function writeSecurityHeaders(dist: string, cacheDir?: string): { pages: number; hashes: string[]; read: number } {
  const pages = htmlPages(dist);
  const hashes = new Set<string>();
  const problems: string[] = [];
  const digests = cacheDir ? new FileDigests(join(cacheDir, 'digests.json')) : undefined;
  const cachePath = cacheDir ? join(cacheDir, 'pages.json') : undefined;
  let remembered: Record<string, PageScripts> = {};
  if (cachePath && existsSync(cachePath)) {
    try {
      remembered = JSON.parse(readFileSync(cachePath, 'utf8')) as Record<string, PageScripts>;
    } catch {
      remembered = {};
    }
  }
  const next: Record<string, PageScripts> = {};
  // Each page is read and parsed once at most (thousands of pages at province scale).
  const scriptsByPage = new Map<string, string[]>();
  let read = 0;
  for (const page of pages) {
    const digest = digests?.digest(page);
    let found = digest ? remembered[digest] : undefined;
    if (!found) {
      found = pageScripts(readFileSync(page, 'utf8'));
      read++;
    }
    if (digest) next[digest] = found;
    scriptsByPage.set(page, found.hashes);
    for (const hash of found.hashes) hashes.add(hash);
    for (const problem of found.problems) problems.push(`${relative(dist, page)}: ${problem} (a hash cannot allow it; use a script file)`);
  }
  if (cacheDir && cachePath && digests) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cachePath, JSON.stringify(next));
    digests.save();
  }
  if (problems.length > 0) throw new Error(`inline script the Content-Security-Policy cannot allow:\n${problems.join('\n')}`);

  const headersPath = join(dist, '_headers');
  const source = readFileSync(headersPath, 'utf8');
  const global = parseRules(source).find((rule) => rule.path === '/*');
  const policy = global?.headers.find(([name]) => name.toLowerCase() === 'content-security-policy')?.[1];
  if (!global || !policy) throw new Error(`${headersPath}: the /* rule has no Content-Security-Policy`);
  const sorted = [...hashes].sort();
  const written = replaceHeader(source, '/*', 'Content-Security-Policy', withScriptHashes(policy, sorted));

  // Check what was written, not what was meant: every inline script of every page has its hash.
  const final = parseRules(written).find((rule) => rule.path === '/*')!;
  const finalPolicy = final.headers.find(([name]) => name.toLowerCase() === 'content-security-policy')![1];
  const scriptSrc = finalPolicy.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src'))!;
  const allowed = new Set(scriptSrc.split(/\s+/));
  for (const page of pages) {
    for (const hash of scriptsByPage.get(page)!) {
      if (!allowed.has(hash)) throw new Error(`${relative(dist, page)}: inline script without its hash ${hash} in the policy`);
    }
  }

  writeFileSync(headersPath, written);
  mkdirSync(join(dist, '_nginx'), { recursive: true });
  writeFileSync(join(dist, '_nginx', 'security-headers.conf'), nginxInclude(final.headers.filter(([name]) => name.toLowerCase() !== 'cache-control')));
  return { pages: pages.length, hashes: sorted, read };
}

if (import.meta.main) {
  const dist = process.argv[2] ?? 'dist';
  try {
    const { pages, hashes, read } = writeSecurityHeaders(dist, resolve(process.env.DUDAO_HEADERS_CACHE ?? 'node_modules/.cache/dudao-headers'));
    console.log(`security-headers: ${hashes.length} inline script hashes from ${pages} pages (${read} read) → ${dist}/_headers, ${dist}/_nginx/security-headers.conf`);
  } catch (error) {
    console.error(`security-headers: ${(error as Error).message}`);
    process.exit(1);
  }
}
