// Work-plan pages render the MDX file itself: a file corrected by hand is rendered as written,
// and a file whose structure the components cannot render fails the build naming the file.
// Each case builds the site against a copy of content/ (DUDAO_CONTENT_DIR).
import { astroBuild } from '../support/astro-build';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, it } from 'vitest';

const nanan = 'workplans/2025-nanan-gongzuoyaodian.mdx';

/** Build against a copy of content/ changed by `edit`; returns the outcome and the built work-plan page, if any. */
function buildWith(edit: (contentDir: string) => void, page: string) {
  const root = mkdtempSync(join(tmpdir(), 'dudao-mdx-'));
  try {
    cpSync('content', join(root, 'content'), { recursive: true });
    edit(join(root, 'content'));
    const { status, output } = astroBuild(join(root, 'content'), join(root, 'dist'));
    const built = join(root, 'dist', page, 'index.html');
    return { status, output, html: existsSync(built) ? readFileSync(built, 'utf8') : undefined };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Replace `from` (which must occur) in a content file. */
function replaceIn(contentDir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(contentDir, file);
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${file}: nothing to replace`);
  writeFileSync(path, changed);
}

describe('a work plan corrected by hand', () => {
  it('renders the point as written: text, inline markup, a new note and a new heading', () => {
    const { status, output, html } = buildWith((dir) => {
      replaceIn(
        dir,
        nanan,
        /(<Point id="s1-p1") number=\{"1\."\} heading=\{"[^"]*"\}>\n\n[^\n]+/u,
        '$1 number="1." heading="手工改写的标题。">\n\n手工改写的第一行\n第二行，含**重点**，5月20--21日，字面的 \\&lt;，"直引号"。\n\n<Note text="（责任单位：督导室；各中小学）" />',
      );
    }, 'workplans/2025-nanan-gongzuoyaodian');
    expect(status, output).toBe(0);
    const document = parseHtml(html!);
    const heading = document.querySelector('h3#s1-p1')!;
    expect(heading.text).toBe('1.手工改写的标题。');
    const point = heading.closest('section')!;
    expect(point.text).toContain('手工改写的第一行\n第二行，含重点，5月20--21日，字面的 &lt;，"直引号"。');
    expect(point.querySelector('strong')?.text).toBe('重点');
    expect(point.querySelector('.note')?.text).toBe('（责任单位：督导室；各中小学）');
    // The table of contents reads the same file.
    expect(document.querySelector('nav a[href="#s1-p1"]')?.text.replace(/\s+/gu, '')).toBe('1.手工改写的标题。');
  });
});

describe('a work plan the components cannot render', () => {
  it('fails the build naming the file, line and component', () => {
    const { status, output } = buildWith((dir) => {
      const text = readFileSync(join(dir, nanan), 'utf8').replace(/(<Point id="s1-p2"[^>]*>\n\n)/u, '$1<Pointt text="x" />\n\n');
      writeFileSync(join(dir, 'workplans/broken-structure.mdx'), text);
    }, 'workplans/broken-structure');
    expect(status).not.toBe(0);
    expect(output).toMatch(/broken-structure\.mdx:\d+:1: 未知的组件 <Pointt>/u);
  });
});
