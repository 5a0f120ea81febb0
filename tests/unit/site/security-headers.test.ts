import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporaryFolders } from '../../support/temp';
import { inlineScripts, nginxInclude, parseRules, replaceHeader, scriptHash, unhashableScript, withScriptHashes, writeSecurityHeaders } from '../../../scripts/security-headers';

const temp = temporaryFolders('headers');

describe('scripts/security-headers.ts', () => {
  it('finds executable inline scripts byte for byte and skips external scripts and data blocks', () => {
    const html = '<head><script type="module" src="/_astro/a.js"></script><script>a<b && "</div>"\n</script>' +
      '<script type="application/ld+json">{"a":1}</script><script type="module">import "x";</script></head>';
    expect(inlineScripts(html)).toEqual(['a<b && "</div>"\n', 'import "x";']);
  });

  it('reads scripts as a browser does: commented out, upper case, quoted ">" and a data type', () => {
    const html =
      '<!-- <script>old()</script> --><SCRIPT>upper()</SCRIPT ><script data-note="a>b" type=\'text/javascript\'>quoted()</script>' +
      "<script type=importmap>{}</script><script src='x.js'>ignored()</script><script async>async()</script>";
    expect(inlineScripts(html)).toEqual(['upper()', 'quoted()', 'async()']);
  });

  it('hashes the UTF-8 text as CSP wants it', () => {
    const text = 'console.log("搜索")';
    expect(scriptHash(text)).toBe(`'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`);
  });

  it('adds hashes to script-src once and refuses a policy with unsafe-inline scripts or without script-src', () => {
    const policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'";
    const once = withScriptHashes(policy, ["'sha256-a'", "'sha256-b'"]);
    expect(once).toBe("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self' 'unsafe-inline'");
    expect(withScriptHashes(once, ["'sha256-a'"])).toBe(once);
    expect(() => withScriptHashes("script-src 'self' 'unsafe-inline'", [])).toThrow(/unsafe-inline/);
    expect(() => withScriptHashes("default-src 'self'", [])).toThrow(/no script-src/);
  });

  it('reports inline event handlers and javascript: URLs, which no hash can allow', () => {
    expect(unhashableScript('<button onclick="go()">x</button><a href="javascript:void 0">y</a><a href="/ok/">z</a>')).toEqual([
      '<button onclick>',
      '<a href="javascript:void 0">',
    ]);
  });

  it('rewrites one header of one rule and keeps comments and the other rules', () => {
    const text = '# c\n/*\n  A: 1\n  B: 2\n\n/x/*\n  A: 3\n';
    const out = replaceHeader(text, '/*', 'a', '9');
    expect(out).toBe('# c\n/*\n  A: 9\n  B: 2\n\n/x/*\n  A: 3\n');
    expect(parseRules(out)).toEqual([{ path: '/*', headers: [['A', '9'], ['B', '2']] }, { path: '/x/*', headers: [['A', '3']] }]);
  });

  it('writes nginx add_header lines with always, refusing values nginx would misread', () => {
    expect(nginxInclude([['X-Frame-Options', 'DENY']])).toContain('add_header X-Frame-Options "DENY" always;');
    expect(() => nginxInclude([['X', 'a$b']])).toThrow();
  });

  it('with its cache, still follows every change of a page: a new script is hashed, a handler refused', () => {
    const root = temp();
    const dist = join(root, 'dist');
    const cache = join(root, 'cache');
    mkdirSync(join(dist, 'a'), { recursive: true });
    const headers = "/*\n  Content-Security-Policy: default-src 'self'; script-src 'self'\n";
    writeFileSync(join(dist, '_headers'), headers);
    writeFileSync(join(dist, 'index.html'), '<p>首页</p>');
    writeFileSync(join(dist, 'a/index.html'), '<script>go(1)</script>');
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

    expect(writeSecurityHeaders(dist, cache)).toMatchObject({ pages: 2, hashes: [sha('go(1)')], read: 2 });
    writeFileSync(join(dist, '_headers'), headers);
    expect(writeSecurityHeaders(dist, cache)).toMatchObject({ hashes: [sha('go(1)')] });
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toContain(`script-src 'self' ${sha('go(1)')}`);

    writeFileSync(join(dist, '_headers'), headers);
    writeFileSync(join(dist, 'a/index.html'), '<script>go(2)</script>');
    expect(writeSecurityHeaders(dist, cache)).toMatchObject({ hashes: [sha('go(2)')], read: 1 });
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toContain(`script-src 'self' ${sha('go(2)')}`);

    writeFileSync(join(dist, 'a/index.html'), '<button onclick="go()">走</button>');
    expect(() => writeSecurityHeaders(dist, cache)).toThrow(/a[\\/]index\.html: <button onclick>/);
    expect(() => writeSecurityHeaders(dist, cache)).toThrow(/a[\\/]index\.html: <button onclick>/);
  });
});
