// Self-check records and 回头看: save from the self-check, the list after a reload, comparing two
// records (with a decline flagged) on the page and as a PDF, starting the next check from a record,
// deleting with confirmation, a backup restored in another browser, and a storage failure that
// leaves the form as it was.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseURL, closeBrowser, openPage } from './harness';
import { fillSchool, hydrated, passingSchool, selfCheckPath } from './school-form';
import { pdfText as readPdfText } from '../support/pdf-text';

afterAll(closeBrowser);

const recordsPath = '/self-check/youzhi-junheng-xuexiao/records/';
const lastYear = '南岸区示范小学 2025-05-01';
const thisYear = '南岸区示范小学 2026-05-01';

/** Fill the form for `date` with `values` over the passing school, and save it as a record. */
async function saveCheck(page: Page, date: string, values: Record<string, string>): Promise<void> {
  await fillSchool(page, { ...passingSchool, ...values });
  await page.getByLabel('自评日期').fill(date);
  await page.getByRole('button', { name: '保存为自评记录' }).click();
  await page.locator('#record-saved').filter({ hasText: `已保存为自评记录（南岸区示范小学，小学，${date}` }).waitFor();
}

/** Last year all met; this year 骨干教师 below its threshold and 运动场馆 lower but still met. */
async function twoRecords(page: Page): Promise<void> {
  await hydrated(page);
  await saveCheck(page, '2025-05-01', {});
  await saveCheck(page, '2026-05-01', { 县级及以上骨干教师数: '8', 体育运动场馆面积: '7600' });
}

async function openRecords(page: Page): Promise<void> {
  await page.goto(new URL(recordsPath, baseURL).href);
  await hydrated(page);
}

const rows = (page: Page) => page.getByRole('region', { name: '自评记录列表' }).locator('tbody tr');

describe('self-check records', () => {
  it('saves from the self-check and lists the records after a reload', async () => {
    const { page, errors } = await openPage(selfCheckPath);
    await twoRecords(page);
    await expect(page.locator('#record-saved').textContent()).resolves.toBe('已保存为自评记录（南岸区示范小学，小学，2026-05-01，红，达标 6/7 项）。');
    await page.getByRole('link', { name: '查看自评记录和回头看对比' }).click();
    await page.waitForURL(`**${recordsPath}`);
    await page.reload();
    await hydrated(page);
    await rows(page).nth(1).waitFor();
    const cells = async (index: number) => (await rows(page).nth(index).locator('th, td').allTextContents()).slice(1, 6);
    await expect(cells(0)).resolves.toEqual(['南岸区示范小学', '小学', '2026-05-01', '红', '达标 6/7 项']);
    await expect(cells(1)).resolves.toEqual(['南岸区示范小学', '小学', '2025-05-01', '绿', '达标 7/7 项']);
    expect(errors).toEqual([]);
  });

  it('compares two records, flags the decline, and exports the comparison as PDF', async () => {
    const { page } = await openPage(selfCheckPath);
    await twoRecords(page);
    await openRecords(page);
    await page.getByRole('checkbox', { name: `选择“${thisYear}”用于对比` }).check();
    await page.getByRole('checkbox', { name: `选择“${lastYear}”用于对比` }).check();
    await page.getByRole('button', { name: '对比所选的两条记录' }).click();
    await expect(page.locator('#comparison-title').textContent()).resolves.toBe(`${lastYear} → ${thisYear}`);
    await expect(page.getByRole('region', { name: '指标下滑预警' }).getByRole('listitem').allTextContents()).resolves.toEqual([
      '指标下滑预警：每百名学生拥有县级以上骨干教师数 1.20 人/百生 → 0.80 人/百生（由达标变为未达标）',
      '指标下滑预警：生均体育运动场馆面积 8.00 平方米/生 → 7.60 平方米/生（仍达标，但数值下降）',
    ]);
    const table = page.getByRole('region', { name: '逐项对比' });
    await expect(table.locator('tbody tr').nth(4).locator('th, td').allTextContents()).resolves.toEqual(['生均体育运动场馆面积', '8.00 平方米/生', '106%', '7.60 平方米/生', '101%', '下降预警']);
    await expect(page.getByText('等级：绿 → 红（下降）').count()).resolves.toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出对比报告（PDF）' }).click()]);
    const text = (await readPdfText((await download.path())!)).replace(/\s+/gu, '');
    expect(text).toContain('回头看对比报告');
    expect(text).toContain('指标下滑预警：生均体育运动场馆面积8.00平方米/生→7.60平方米/生（仍达标，但数值下降）');
    expect(text).toContain('新未达标（预警）');
  });

  it('starts the next check from a record with the answers copied and the date cleared', async () => {
    const { page } = await openPage(selfCheckPath);
    await twoRecords(page);
    await openRecords(page);
    await page.getByRole('button', { name: `以“${lastYear}”开始新一次自评` }).click();
    const dialog = page.getByRole('dialog', { name: `以“${lastYear}”开始新一次自评？` });
    await dialog.getByRole('button', { name: '开始新一次自评' }).click();
    await page.waitForURL(`**${selfCheckPath}`);
    await page.getByRole('status').filter({ hasText: '已恢复上次保存在本机的草稿' }).waitFor();
    await expect(page.getByLabel('学校名称').inputValue()).resolves.toBe('南岸区示范小学');
    await expect(page.getByLabel('县级及以上骨干教师数').inputValue()).resolves.toBe('12');
    await expect(page.getByLabel('自评日期').inputValue()).resolves.toBe('');
  });

  it('opens a record in the self-check', async () => {
    const { page } = await openPage(selfCheckPath);
    await twoRecords(page);
    await openRecords(page);
    await page.getByRole('button', { name: `打开“${lastYear}”` }).click();
    await page.getByRole('dialog', { name: `打开“${lastYear}”的记录？` }).getByRole('button', { name: '打开', exact: true }).click();
    await page.waitForURL(`**${selfCheckPath}`);
    await page.getByRole('status').filter({ hasText: '已恢复上次保存在本机的草稿' }).waitFor();
    await expect(page.getByLabel('自评日期').inputValue()).resolves.toBe('2025-05-01');
    await expect(page.getByLabel('县级及以上骨干教师数').inputValue()).resolves.toBe('12');
  });

  it('compares a record with an exported answers file', async () => {
    const { page } = await openPage(selfCheckPath);
    await hydrated(page);
    await saveCheck(page, '2026-05-01', { 县级及以上骨干教师数: '8', 体育运动场馆面积: '7600' });
    await page.getByLabel('自评日期').fill('2025-05-01');
    await page.getByLabel('县级及以上骨干教师数', { exact: true }).fill('12');
    await page.getByLabel('体育运动场馆面积', { exact: true }).fill('8000');
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出答卷文件（JSON）' }).click()]);
    await openRecords(page);
    await page.getByRole('checkbox', { name: `选择“${thisYear}”用于对比` }).check();
    await page.getByLabel('选择与所选记录对比的答卷文件').setInputFiles((await exported.path())!);
    await expect(page.locator('#comparison-title').textContent()).resolves.toBe(`${lastYear} → ${thisYear}`);
    await expect(page.getByRole('region', { name: '指标下滑预警' }).getByRole('listitem').count()).resolves.toBe(2);
  });

  it('deletes a record only after confirmation', async () => {
    const { page } = await openPage(selfCheckPath);
    await twoRecords(page);
    await openRecords(page);
    await rows(page).nth(1).waitFor();
    await page.getByRole('button', { name: `删除“${lastYear}”` }).click();
    const dialog = page.getByRole('dialog', { name: `删除“${lastYear}”的记录？` });
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(rows(page).count()).resolves.toBe(2);
    await page.getByRole('button', { name: `删除“${lastYear}”` }).click();
    await dialog.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `已删除“${lastYear}”的记录。` }).waitFor();
    await expect(rows(page).count()).resolves.toBe(1);
    await page.reload();
    await hydrated(page);
    await rows(page).first().waitFor();
    await expect(rows(page).count()).resolves.toBe(1);
  });

  it('restores a backup in another browser with the same records', async () => {
    const { page } = await openPage(selfCheckPath);
    await twoRecords(page);
    await openRecords(page);
    await rows(page).nth(1).waitFor();
    const before = await rows(page).allTextContents();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '备份全部记录' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^优质均衡·学校资源配置-自评记录备份-\d{4}-\d{2}-\d{2}\.json$/u);
    const backup = (await download.path())!;
    expect(JSON.parse(readFileSync(backup, 'utf8'))).toHaveLength(2);

    const other = await openPage(recordsPath);
    await hydrated(other.page);
    await other.page.getByText('本机还没有自评记录。').waitFor();
    await other.page.getByLabel('选择要恢复的备份或答卷文件').setInputFiles(backup);
    await other.page.getByRole('status').filter({ hasText: '已从“' }).waitFor();
    await expect(other.page.getByRole('status').filter({ hasText: '已从“' }).textContent()).resolves.toMatch(/恢复 2 条自评记录。$/u);
    await expect(rows(other.page).allTextContents()).resolves.toEqual(before);
  });

  it('lists each entry of a file it could not restore, with the reason', async () => {
    const { page } = await openPage(recordsPath);
    await hydrated(page);
    const file = JSON.stringify([{ format: 'dudao-self-check', formatVersion: 1, framework: { id: 'xueqian-puji-puhui', version: '1' }, subject: { name: '幼儿园', date: '2025-01-01' }, answers: {} }]);
    await page.getByLabel('选择要恢复的备份或答卷文件').setInputFiles({ name: '别的.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    const notice = page.getByRole('region', { name: '未恢复的记录' });
    await expect(notice.getByRole('listitem').allTextContents()).resolves.toEqual([
      '第 1 条 幼儿园 2025-01-01：这份答卷属于指标体系编号 xueqian-puji-puhui，不是本页的“县域义务教育优质均衡发展·学校资源配置”（编号 youzhi-junheng-xuexiao）。请在对应的自评页面导入。',
    ]);
  });

  it('tells the user when the browser blocks storage and keeps the form as it was', async () => {
    const { page, context, errors } = await openPage(selfCheckPath);
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('blocked', 'InvalidStateError');
      };
    });
    await page.reload();
    await hydrated(page);
    await fillSchool(page, passingSchool);
    await page.getByRole('button', { name: '保存为自评记录' }).click();
    await page.getByRole('alert').filter({ hasText: '浏览器不允许使用本机存储' }).waitFor();
    await expect(page.getByRole('alert').filter({ hasText: '浏览器不允许使用本机存储' }).textContent()).resolves.toBe('浏览器不允许使用本机存储（例如无痕或隐私模式），自评记录无法保存或读取。请导出答卷文件保存；页面上填写的内容没有改变。');
    await expect(page.getByLabel('学校名称').inputValue()).resolves.toBe('南岸区示范小学');
    await expect(page.getByLabel('本学段在校学生数').inputValue()).resolves.toBe('1000');
    await openRecords(page);
    await page.getByRole('alert').filter({ hasText: '浏览器不允许使用本机存储' }).waitFor();
    expect(errors).toEqual([]);
  });
});
