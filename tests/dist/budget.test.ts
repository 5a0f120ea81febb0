// The self-check's first JavaScript (issue 10: ≤ 28 KB gzip) on every published framework's
// page and on /self-check/open/, which must start within the same budget. Bytes, not time: a
// build that breaks the budget (e.g. an island elsewhere pulling Svelte runtime code into the
// chunk every island shares) fails here, not only in `npm run bench`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageScripts } from '../../scripts/lib/initial-js.ts';

const budget = 28_000;
const frameworks = readdirSync('dist/self-check', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !['open'].includes(entry.name))
  .map((entry) => entry.name);

describe('self-check first JavaScript', () => {
  it('has a page for every published framework to measure', () => {
    expect(frameworks.length).toBeGreaterThanOrEqual(8);
  });

  it.each(frameworks)('/self-check/%s/ loads at most 28,000 B gzip before any action', (id) => {
    const { initial, initialBytes } = pageScripts('dist', join('dist/self-check', id, 'index.html'));
    expect(initial.size).toBeGreaterThan(0);
    expect(initialBytes).toBeLessThanOrEqual(budget);
  });

  it('/self-check/open/ starts within the same budget (the checker and YAML parser load when a file is chosen)', () => {
    const { initial, initialBytes } = pageScripts('dist', 'dist/self-check/open/index.html');
    expect(initial.size).toBeGreaterThan(0);
    expect(initialBytes).toBeLessThanOrEqual(budget);
    expect([...initial].some((url) => /yaml|file\.|messages/u.test(url))).toBe(false);
  });
});
