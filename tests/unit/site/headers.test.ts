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

  it('caches hashed assets for a year and pages not at all', () => {
    expect(headersFor('/_astro/index.abc123.js')['cache-control']).toContain('immutable');
    expect(headersFor('/workplans/')['cache-control']).toBeUndefined();
  });
});
