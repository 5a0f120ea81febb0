// The publish page as an office uses it: choose each seed through the file input, download the
// zip and find in it the original and the MDX the command line writes, byte for byte; a 5 MB Word
// file works; bad files get the command line's Chinese messages; and after the page has loaded it
// makes no request at all (nothing is uploaded).
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkplanFiles } from '../../src/lib/workplan/importer';
import { seriousViolations } from './axe';
import { closeBrowser, openPage, type OpenedPage } from './harness';

afterAll(closeBrowser);

const SEEDS: [string, string][] = [
  ['000_f75fc5696027337f.txt', 'content/workplans/2025-nanan-gongzuoyaodian.mdx'],
  ['001_fe831d2f7d40eae4.txt', 'content/workplans/2026-qijiang-gongzuoyaodian.mdx'],
  ['002_79b1842ce61c72f1.txt', 'content/workplans/2023-fuling-gongzuoyaodian.mdx'],
  ['003_ffd285beb26a04d6.txt', 'content/workplans/2021-nanan-shishifangan.mdx'],
  ['004_546e250b90f793a2.txt', 'content/workplans/2022-minhang-gongzuoyaodian.mdx'],
];

const FILE_LABEL = '选择 Word（.docx）或文本（.txt）文件，或把文件拖到这里';

let opened: OpenedPage;
let page: Page;
/** Every request the page makes once it is ready. */
const requests: string[] = [];

beforeAll(async () => {
  opened = await openPage('/publish/');
  page = opened.page;
  await page.locator('.publish[data-ready]').waitFor();
  page.on('request', (request) => requests.push(request.url()));
});

/** Choose a file through the page's input and wait until it is read or refused. */
async function choose(name: string, buffer: Buffer, mimeType = 'text/plain'): Promise<void> {
  await page.getByLabel(FILE_LABEL).setInputFiles({ name, mimeType, buffer });
  await page.waitForFunction(
    (file) => document.querySelector('.publish [role="alert"]')?.textContent?.startsWith(file) || document.querySelector('.publish [role="status"]')?.textContent?.includes(`已读取 ${file}`),
    name,
  );
}

/** Click the download button and return the zip's entries (directories left out). */
async function downloadZip(): Promise<Map<string, Uint8Array>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^下载压缩包/u }).click()]);
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  const entries = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) entries.set(entry.name, await entry.async('uint8array'));
  return entries;
}

describe('publishing in the browser', () => {
  for (const [name, mdxPath] of SEEDS) {
    it(`${name}: the zip holds the original and the command line's MDX, byte for byte`, async () => {
      const bytes = readFileSync(`content/sources/${name}`);
      await choose(name, bytes);
      const entries = await downloadZip();
      expect([...entries.keys()].sort()).toEqual([mdxPath, `content/sources/${name}`].sort());
      expect(Buffer.from(entries.get(`content/sources/${name}`)!).equals(bytes)).toBe(true);
      expect(Buffer.from(entries.get(mdxPath)!).equals(readFileSync(mdxPath))).toBe(true);
    });
  }

  it('shows the plan as its page will, with the detected metadata in the form', async () => {
    await choose('000_f75fc5696027337f.txt', readFileSync('content/sources/000_f75fc5696027337f.txt'));
    await expect.poll(() => page.getByLabel('适用地区').inputValue()).toBe('重庆市/南岸区');
    expect(await page.getByLabel('年度').inputValue()).toBe('2025');
    expect(await page.getByLabel('页面地址').inputValue()).toBe('2025-nanan-gongzuoyaodian');
    expect(await page.getByRole('heading', { name: '2025年南岸区教育督导工作要点', level: 3 }).count()).toBe(1);
  });

  it('asks for a valid page address in Chinese, beside the field and in a summary', async () => {
    await page.getByLabel('页面地址').fill('Nanan 2025');
    await page.getByRole('button', { name: '按修改重新生成' }).click();
    const message = '页面地址只能由小写英文字母、数字和连字符组成，例如 2025-nanan-gongzuoyaodian，而不是“Nanan 2025”';
    await expect.poll(() => page.getByRole('link', { name: message }).count()).toBe(1);
  });

  it('renames the MDX when the office corrects the page address', async () => {
    await page.getByLabel('页面地址').fill('2025-nanan-yaodian');
    await page.getByRole('button', { name: '按修改重新生成' }).click();
    await page.getByText('已按修改重新生成').waitFor();
    const entries = await downloadZip();
    expect([...entries.keys()].sort()).toEqual(['content/sources/000_f75fc5696027337f.txt', 'content/workplans/2025-nanan-yaodian.mdx']);
  });

  it('reads a 5 MB Word file and gives the MDX the command line writes for it', async () => {
    const text = readFileSync('content/sources/001_fe831d2f7d40eae4.txt', 'utf8').split(/\r?\n/u);
    const docx = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: text.map((line) => new Paragraph({ text: line })) }] })));
    // An embedded picture Word would carry: 5 MB that do not compress.
    const picture = new Uint8Array(5 * 1024 * 1024).map((_, index) => (index * 2654435761) >>> 24);
    docx.file('word/media/image1.png', picture, { compression: 'STORE' });
    const bytes = await docx.generateAsync({ type: 'nodebuffer' });
    expect(bytes.length).toBeGreaterThan(5 * 1024 * 1024);
    await choose('綦江区2026年工作要点.docx', bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const entries = await downloadZip();
    const cli = await importWorkplanFiles('綦江区2026年工作要点.docx', new Uint8Array(bytes), {});
    expect(cli.mdxPath).toBe('content/workplans/2026-qijiang-gongzuoyaodian.mdx');
    expect(new TextDecoder().decode(entries.get('content/workplans/2026-qijiang-gongzuoyaodian.mdx'))).toBe(cli.mdxText);
    expect(Buffer.from(entries.get('content/sources/綦江区2026年工作要点.docx')!).equals(bytes)).toBe(true);
  });

  it("refuses bad files with the command line's Chinese messages", async () => {
    await choose('empty.txt', Buffer.alloc(0));
    expect(await page.locator('.publish [role="alert"]').textContent()).toBe('empty.txt:1: 文件是空的');
    expect(await page.getByRole('button', { name: /^下载压缩包/u }).count()).toBe(0);
    const fake = await new JSZip().file('hello.txt', 'hi').generateAsync({ type: 'nodebuffer' });
    await choose('fake.docx', fake);
    expect(await page.locator('.publish [role="alert"]').textContent()).toBe('fake.docx: 这不是 Word 文档：压缩包里没有 word/document.xml');
    await choose('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    expect(await page.locator('.publish [role="alert"]').textContent()).toBe('photo.txt:1: 这是二进制文件，不是文本（含有 NUL 字节）；请导入 .txt 或 .docx 文件');
  });

  it('made no request after it loaded, and no error', () => {
    expect(requests).toEqual([]);
    expect(opened.offOrigin).toEqual([]);
    expect(opened.errors).toEqual([]);
  });

  it('passes axe with a plan loaded, at 360 px too', async () => {
    await choose('002_79b1842ce61c72f1.txt', readFileSync('content/sources/002_79b1842ce61c72f1.txt'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
