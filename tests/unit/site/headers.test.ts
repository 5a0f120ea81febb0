import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHeadersFile } from '../../support/static-server';

describe('public/_headers', () => {
  const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
  const headersFor = (path: string) =>
    Object.assign({}, ...rules.filter((r) => r.pattern.test(path)).map((r) => r.headers));

  it('gives every page a Content-Security-Policy that allows no other origin', () => {
    const csp: string = headersFor('/workplans/')['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    const sources = csp.split(';').flatMap((directive) => directive.trim().split(/\s+/).slice(1));
    expect(sources.filter((source) => /^(https?:|\*|[a-z0-9-]+\.[a-z])/i.test(source))).toEqual([]);
  });

  it('allows no inline script by default (the build adds the hash of each one) and no eval', () => {
    const csp: string = headersFor('/')['content-security-policy'];
    const scriptSrc = csp.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('sends the other security headers on every path', () => {
    for (const path of ['/', '/self-check/x/', '/_astro/a.js', '/search/search.js', '/404.html']) {
      const headers = headersFor(path);
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['referrer-policy'], path).toBe('no-referrer');
      expect(headers['permissions-policy'], path).toContain('camera=()');
    }
  });

  it('caches hashed assets for a year and pages not at all', () => {
    expect(headersFor('/_astro/index.abc123.js')['cache-control']).toContain('immutable');
    expect(headersFor('/workplans/')['cache-control']).toBeUndefined();
  });
});
