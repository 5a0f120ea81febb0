// /self-check/open/: a framework file an office sent opens as a self-check that works as for a
// published framework (filled by labels, its band, a draft that survives a reload), keeps its draft
// apart from another file with the same id, says plainly that it is not from this portal (naming
// the issuer the file writes), and refuses each kind of broken or hostile file with its Chinese message.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openPage } from './harness';
import { seriousViolations } from './axe';

afterAll(closeBrowser);

const openPath = '/self-check/open/';
const fixture = (name: string) => join(import.meta.dirname, '../fixtures/frameworks', name);
const band = (page: Page) => page.locator('#result .band__label').textContent();
const until = { timeout: 10_000 };

/** Wait for the picker island, then choose `path` in it. */
async function choose(page: Page, path: string): Promise<void> {
  await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
  await page.getByLabel('选择指标体系文件（YAML 或 JSON）').setInputFiles(path);
}

/** Choose the file, wait for the form, and choose 小学. */
async function openFramework(page: Page, path: string): Promise<void> {
  await choose(page, path);
  await page.getByRole('heading', { name: '自评结果' }).waitFor();
  await page.getByRole('radio', { name: '小学' }).check();
}

/** The 五项 of four-of-five.yaml: a1–a4 meet ≥ 10, a5 is given. */
async function fillItems(page: Page, fifth: string): Promise<void> {
  await page.getByLabel('在校学生数', { exact: true }).fill('600');
  for (const label of ['甲项指标', '乙项指标', '丙项指标', '丁项指标']) await page.getByLabel(label, { exact: true }).fill('12');
  await page.getByLabel('戊项指标', { exact: true }).fill(fifth);
}

describe('opening a framework file', () => {
  it('says the framework is not from this portal and names the issuer the file writes', async () => {
    const { page, errors } = await openPage(openPath);
    await openFramework(page, fixture('four-of-five.yaml'));
    const notice = page.getByRole('note', { name: '这不是本站发布的指标体系' });
    await expect(notice.textContent()).resolves.toContain('以下内容来自您打开的文件“four-of-five.yaml”，由文件本身决定，本站没有审核。文件中写明的发布机关是“测试”');
    await expect(page.getByRole('heading', { level: 2, name: '测试指标体系（五项取四）' }).count()).resolves.toBe(1);
    // The readable framework: rule, bands and points, as on a published framework page.
    await page.getByText('查看指标说明和依据').click();
    await expect(page.getByRole('heading', { name: '学校规则' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('table', { name: '结果颜色' }).textContent()).resolves.toContain('全部要点达标');
    expect(errors).toEqual([]);
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('scores by the file’s 4-of-5 rule at 80 %: yellow with one item at 85 %, red at 75 %, green when all meet', async () => {
    const { page } = await openPage(openPath);
    await openFramework(page, fixture('four-of-five.yaml'));
    await fillItems(page, '8.5');
    await expect.poll(() => band(page), until).toBe('结果颜色：黄色');
    await page.getByLabel('戊项指标', { exact: true }).fill('7.5');
    await expect.poll(() => band(page), until).toBe('结果颜色：红色');
    await page.getByLabel('戊项指标', { exact: true }).fill('10');
    await expect.poll(() => band(page), until).toBe('结果颜色：绿色');
  });

  it('exports the answers as for a published framework', async () => {
    const { page } = await openPage(openPath);
    await openFramework(page, fixture('four-of-five.yaml'));
    await fillItems(page, '8.5');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出答卷文件（JSON）' }).click()]);
    const saved = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(saved).toMatchObject({ format: 'dudao-self-check', framework: { id: 'four-of-five', version: '1', title: '测试指标体系（五项取四）' }, subject: { stage: '小学' } });
    expect(saved.answers).toEqual({ students: 600, a1: 12, a2: 12, a3: 12, a4: 12, a5: 8.5 });
  });

  it('keeps no records or ledger for a file’s framework (they are kept per published id) and says how to keep the answers', async () => {
    const { page } = await openPage(openPath);
    await openFramework(page, fixture('four-of-five.yaml'));
    await page.getByText('从文件打开的指标体系不保存自评记录和整改台账：请用“导出答卷”把本次自评保存为文件。').waitFor(until);
    await page.getByRole('button', { name: '导出答卷文件（JSON）' }).waitFor();
    expect(await page.getByRole('button', { name: '保存为自评记录' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /自评记录/u }).count()).toBe(0);
  });

  it('reads a file saved in GB18030 as Windows editors do', async () => {
    const { page } = await openPage(openPath);
    await openFramework(page, fixture('four-of-five-gbk.yaml'));
    await expect(page.getByRole('heading', { level: 2, name: '测试指标体系（五项取四）' }).count()).resolves.toBe(1);
  });
});

describe('drafts of an opened framework', () => {
  it('survive a reload, and are not shared with another file of the same id and version', async () => {
    const { page, context } = await openPage(openPath);
    await openFramework(page, fixture('four-of-five.yaml'));
    await fillItems(page, '8.5');
    await expect.poll(() => band(page), until).toBe('结果颜色：黄色');
    // Autosave is debounced: wait until the draft holds the last answer.
    await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('dudao:self-check:four-of-five@1#') && JSON.parse(localStorage.getItem(key)!).answers?.a5 === 8.5));

    await page.reload();
    await choose(page, fixture('four-of-five.yaml'));
    await page.getByRole('status').filter({ hasText: '已恢复上次保存在本机的草稿' }).waitFor();
    await expect(page.getByLabel('戊项指标', { exact: true }).inputValue()).resolves.toBe('8.5');
    await expect(page.getByLabel('甲项指标', { exact: true }).inputValue()).resolves.toBe('12');
    await expect.poll(() => band(page), until).toBe('结果颜色：黄色');

    // Another file with the same id and version starts empty, in the same browser.
    const other = await openPage(openPath, { context });
    await choose(other.page, fixture('four-of-five-other.yaml'));
    await other.page.getByRole('heading', { name: '自评结果' }).waitFor();
    await expect(other.page.getByRole('note', { name: '这不是本站发布的指标体系' }).textContent()).resolves.toContain('文件中写明的发布机关是“另一个测试单位”');
    // Its form saves only once any draft of its own is restored: after its first save, nothing from the
    // first file's draft is in it, and the first file's draft is unchanged.
    await other.page.getByLabel('乙项指标', { exact: true }).fill('3');
    const drafts = () => other.page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('dudao:self-check:four-of-five@1#')).map((key) => JSON.parse(localStorage.getItem(key)!).answers));
    await expect.poll(drafts, until).toEqual(expect.arrayContaining([{ a2: 3 }, { students: 600, a1: 12, a2: 12, a3: 12, a4: 12, a5: 8.5 }]));
    await expect(drafts()).resolves.toHaveLength(2);
    await expect(other.page.getByLabel('甲项指标', { exact: true }).inputValue()).resolves.toBe('');
    await expect(other.page.getByText('已恢复上次保存在本机的草稿').count()).resolves.toBe(0);
  });
});

describe('broken and hostile files', () => {
  /** The messages shown for a refused file. */
  async function refusal(path: string): Promise<string[]> {
    const { page } = await openPage(openPath);
    await choose(page, path);
    const summary = page.getByRole('alert').filter({ hasText: '无法打开' });
    await summary.waitFor();
    return summary.getByRole('listitem').allTextContents();
  }

  it.each([
    ['unknown-field.yaml', '字段 script：指标体系文件中没有这个字段（可能拼写错误，或来自其他程序）'],
    ['unknown-point.yaml', '字段 dimensions.第2项.indicators.第5项.points.第1项.input.formula：公式引用了不存在的要点 “nosuch”'],
    ['cycle.yaml', '字段 dimensions.第2项.indicators.第4项.points.第1项.input.formula：公式循环引用：a4 → a5 → a4'],
    ['deep.yaml', '数据嵌套过深（超过 24 层），不是指标体系文件的结构，已拒绝'],
    ['alias-bomb.yaml', '文件中的 YAML 引用（*名称）展开后过多（超过 200 次），可能是故意构造的文件，已拒绝'],
    ['truncated.json', '不是有效的 JSON 文件：第 4 行第 1 列附近格式错误（可能内容不完整或被改动过）'],
  ])('refuses %s', async (name, message) => {
    await expect(refusal(fixture(name))).resolves.toEqual([message]);
  });

  it('refuses a file over 1 MB', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'dudao-open-')), 'big.yaml');
    await writeFile(path, `# ${'x'.repeat(1536 * 1024)}\n`);
    await expect(refusal(path)).resolves.toEqual(['文件过大（1.5 MB），指标体系文件不能超过 1 MB；请确认选对了文件']);
  });

  it('keeps the framework already open when the next file is refused', async () => {
    const { page } = await openPage(openPath);
    await openFramework(page, fixture('four-of-five.yaml'));
    await choose(page, fixture('cycle.yaml'));
    await page.getByRole('alert').filter({ hasText: '无法打开“cycle.yaml”' }).waitFor();
    await expect(page.getByRole('heading', { level: 2, name: '测试指标体系（五项取四）' }).count()).resolves.toBe(1);
  });
});

describe('the self-check index', () => {
  it('links to the page that opens a framework file', async () => {
    const { page } = await openPage('/self-check/');
    await page.getByRole('link', { name: '打开指标体系文件自评' }).click();
    await page.waitForURL(/\/self-check\/open\/$/u);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('打开指标体系文件自评');
  });
});
