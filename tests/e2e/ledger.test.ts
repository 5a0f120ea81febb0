// The supervision cycle's report and ledger in the browser: the report narrative survives a reload
// and prints in the PDF in order; the Word report holds every indicator, value, narrative section
// and ledger row (read back with mammoth); the ledger is made from the unmet points, marks overdue
// items in words, filters by status, round-trips through Excel, shows open items beside their
// points on the self-check, and says so in Chinese when the browser refuses storage.
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { closeBrowser, openPage } from './harness';
import { pdfText } from '../support/pdf-text';
import { fillSchool, hydrated, passingSchool, selfCheckPath } from './school-form';

afterAll(closeBrowser);

const ledgerPath = '/self-check/youzhi-junheng-xuexiao/ledger/';
const squash = (text: string) => text.replace(/\s+/gu, '');
const narrative = { 基本情况: '本校现有学生一千人，教师八十人。', 主要做法与成效: '加强师资队伍建设，完善教学设施。', 存在问题: '网络多媒体教室不足。', 整改措施: '年内新建多媒体教室五间。' };

/** Fill the self-check with one unmet point (网络多媒体教室数) and the four narrative sections. */
async function filledSelfCheck(page: Page): Promise<void> {
  await hydrated(page);
  await fillSchool(page, { ...passingSchool, 网络多媒体教室数: '20' });
  for (const [label, text] of Object.entries(narrative)) await page.getByRole('region', { name: '自评报告正文' }).getByRole('textbox', { name: label, exact: true }).fill(text);
  await page.waitForFunction((text) => localStorage.getItem('dudao:self-check:youzhi-junheng-xuexiao@2017-1')?.includes(text), narrative.整改措施);
}

async function download(page: Page, button: string): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: button }).click()]);
  return { path: (await file.path())!, name: file.suggestedFilename() };
}

/** The text of every item in the ledger list, in order. */
const itemTexts = (page: Page) => page.locator('.items > li').evaluateAll((items) => items.map((item) => (item as HTMLElement).innerText.replace(/编辑|删除/gu, '').replace(/\s+/gu, ' ').trim()));

describe('report narrative', () => {
  it('counts characters, survives a reload and prints in the PDF in order', async () => {
    const { page, offOrigin } = await openPage(selfCheckPath);
    await filledSelfCheck(page);
    await expect(page.getByText('已输入 10 字，最多 5000 字').count()).resolves.toBe(1);
    await page.reload();
    await hydrated(page);
    for (const [label, text] of Object.entries(narrative)) await expect.poll(() => page.getByRole('region', { name: '自评报告正文' }).getByRole('textbox', { name: label, exact: true }).inputValue()).toBe(text);
    const pdf = squash(await pdfText((await download(page, '导出 PDF 自评报告')).path));
    const order = ['一、基本情况', narrative.基本情况, '二、主要做法与成效', narrative.主要做法与成效, '三、存在问题', narrative.存在问题, '四、整改措施', narrative.整改措施, '五、自评结果', '六、逐项明细'].map((text) => pdf.indexOf(squash(text)));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(offOrigin).toEqual([]);
  });
});

describe('rectification ledger and the Word report', () => {
  it('makes items from the unmet points, marks overdue ones in words, filters, and round-trips through Excel', async () => {
    const { page, context, offOrigin, errors } = await openPage(selfCheckPath);
    await filledSelfCheck(page);
    const ledger = await context.newPage();
    await ledger.goto(new URL(ledgerPath, page.url()).href);
    await hydrated(ledger);
    await ledger.getByText('台账中还没有事项。').waitFor();
    await ledger.getByRole('button', { name: '从自评结果生成事项' }).click();
    await ledger.getByText('已从自评结果新增 1 项。').waitFor();
    await expect(ledger.locator('.items > li').first().innerText()).resolves.toContain('每百名学生拥有网络多媒体教室数 2.00 间/百生，为标准的 86%（未达标）');

    // A hand-made item whose deadline has passed.
    await ledger.getByLabel('要点编号和评估要点').selectOption('r_qualified');
    await ledger.getByLabel('问题描述').fill('研究生学历教师偏少');
    await ledger.getByLabel('整改措施').fill('=引进两名研究生');
    await ledger.getByLabel('责任人').fill('王老师');
    await ledger.getByLabel('完成时限').fill('2020-01-01');
    await ledger.getByRole('group', { name: '状态', exact: true }).getByRole('radio', { name: '整改中' }).check();
    await ledger.getByRole('button', { name: '添加到台账' }).click();
    await ledger.getByText('共 2 项：未启动 1 项，整改中 1 项，待验收 0 项，已销号 0 项（销号 0%）；逾期 1 项。').waitFor();
    const overdue = ledger.getByRole('listitem', { name: '每百名学生拥有高于规定学历教师数（已逾期）' });
    await expect(overdue.getByText('已逾期', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(ledger.getByRole('listitem', { name: /（已逾期）/u }).count()).resolves.toBe(1);

    // A form error names the field, and nothing is added.
    await ledger.getByLabel('要点编号和评估要点').selectOption('r_backbone');
    await ledger.getByRole('button', { name: '添加到台账' }).click();
    await ledger.getByText('问题描述：请填写问题描述').waitFor();
    await expect(ledger.locator('.items > li').count()).resolves.toBe(2);

    // Status filter.
    await ledger.getByRole('group', { name: '按状态筛选' }).getByRole('radio', { name: '整改中' }).check();
    await expect.poll(() => ledger.locator('.items > li').count()).toBe(1);
    await expect(ledger.getByText('显示 1 / 2 项').isVisible()).resolves.toBe(true);
    await ledger.getByRole('group', { name: '按状态筛选' }).getByRole('radio', { name: '未启动' }).check();
    await expect.poll(() => itemTexts(ledger)).toEqual([expect.stringContaining('网络多媒体教室')]);
    await ledger.getByRole('group', { name: '按状态筛选' }).getByRole('radio', { name: '全部' }).check();
    await expect.poll(() => ledger.locator('.items > li').count()).toBe(2);
    const before = await itemTexts(ledger);

    // Excel round trip: export, clear, import, same rows.
    const excel = await download(ledger, '导出 Excel');
    expect(excel.name).toMatch(/^南岸区示范小学-优质均衡·学校资源配置-整改台账-\d{4}-\d{2}-\d{2}\.xlsx$/u);
    await ledger.getByRole('button', { name: '清空台账' }).click();
    await ledger.getByRole('button', { name: '确认清空' }).click();
    await ledger.getByText('台账中还没有事项。').waitFor();
    await ledger.getByLabel('选择台账文件').setInputFiles({ name: excel.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(excel.path) });
    await ledger.getByText(/已从“.*\.xlsx”导入 2 项。/u).waitFor();
    await expect(itemTexts(ledger)).resolves.toEqual(before);

    // A reload reads the same ledger back from IndexedDB.
    await ledger.reload();
    await hydrated(ledger);
    await expect.poll(() => itemTexts(ledger)).toEqual(before);

    // The self-check shows the open items beside their points.
    await page.reload();
    await hydrated(page);
    const note = page.getByRole('note', { name: '整改台账中未销号的事项' });
    await expect.poll(() => note.count()).toBe(2);
    await expect(page.locator('.rectification li', { hasText: '每百名学生拥有网络多媒体教室数' }).getByRole('note').innerText()).resolves.toContain('未启动：每百名学生拥有网络多媒体教室数');

    // The Word report: every indicator and value, the narrative in order, every ledger row.
    const word = await download(page, '导出 Word 自评报告');
    expect(word.name).toMatch(/^南岸区示范小学-优质均衡·学校资源配置-自评报告-\d{4}-\d{2}-\d{2}\.docx$/u);
    const lines = (await mammoth.extractRawText({ path: word.path })).value.split('\n').map((line) => line.trim()).filter(Boolean);
    expect(lines[0]).toBe('《县域义务教育优质均衡发展·学校资源配置》自评报告');
    expect(lines).toContain('学校名称：南岸区示范小学');
    for (const title of ['本学段在校学生数', '每百名学生拥有高于规定学历教师数', '每百名学生拥有县级以上骨干教师数', '每百名学生拥有体育、艺术（美术、音乐）专任教师数', '生均教学及辅助用房面积', '生均体育运动场馆面积', '生均教学仪器设备值', '每百名学生拥有网络多媒体教室数']) expect(lines, title).toContain(title);
    for (const value of ['1000 人', '5.00 人/百生', '2.00 间/百生', '2500.00 元/生']) expect(lines.some((line) => line.startsWith(value)), value).toBe(true);
    const headings = lines.filter((line) => /^[一二三四五六七八九十]+、/u.test(line));
    expect(headings).toEqual(['一、基本情况', '二、主要做法与成效', '三、存在问题', '四、整改措施', '五、自评结果', '六、逐项明细', '七、整改清单', '八、整改台账']);
    for (const [title, text] of Object.entries(narrative)) expect(lines.indexOf(text), title).toBe(lines.indexOf(headings.find((heading) => heading.endsWith(title))!) + 1);
    for (const cell of ['研究生学历教师偏少', '=引进两名研究生', '王老师', '2020-01-01', '整改中（已逾期）', '每百名学生拥有网络多媒体教室数 2.00 间/百生，为标准的 86%（未达标）', '未启动']) expect(lines, cell).toContain(cell);
    expect(offOrigin).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('says in Chinese when the browser refuses storage, and keeps the item on screen', async () => {
    const { page, context } = await openPage('/404.html');
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
    });
    await page.goto(new URL(ledgerPath, page.url()).href);
    await hydrated(page);
    await page.getByText('读取本机台账失败：浏览器不允许使用本机存储').waitFor();
    await page.getByLabel('要点编号和评估要点').selectOption('r_qualified');
    await page.getByLabel('问题描述').fill('研究生学历教师偏少');
    await page.getByRole('button', { name: '添加到台账' }).click();
    await page.getByText('保存台账失败：浏览器不允许使用本机存储（可能是无痕模式或存储被禁用）。页面上的台账没有丢失，请导出 Excel 备份。').waitFor();
    await expect(itemTexts(page)).resolves.toEqual([expect.stringContaining('研究生学历教师偏少')]);
  });

  it('axe finds no serious violation on a ledger with an overdue item and a form error, and it fits 360 px', async () => {
    const { page } = await openPage(ledgerPath, { viewport: { width: 360, height: 800 } });
    await hydrated(page);
    await page.getByLabel('要点编号和评估要点').selectOption('r_qualified');
    await page.getByLabel('问题描述').fill('研究生学历教师偏少');
    await page.getByLabel('完成时限').fill('2020-01-01');
    await page.getByRole('button', { name: '添加到台账' }).click();
    await page.getByText('逾期 1 项', { exact: false }).waitFor();
    await page.getByRole('button', { name: '添加到台账' }).click();
    await page.getByText('要点编号：请填写要点编号').waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
  });
});

