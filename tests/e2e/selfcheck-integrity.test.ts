// Answers are never lost: an import is shown before it replaces anything and never clears a current
// answer with a bad value; a broken draft keeps what is valid and the page keeps saving; clearing
// with storage blocked does not throw; messages appear next to the buttons; the first PDF export
// shows that it is working.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openPage } from './harness';
import { fillSchool, hydrated, passingSchool, selfCheckPath } from './school-form';

afterAll(closeBrowser);

const draftKey = 'dudao:self-check:youzhi-junheng-xuexiao@2017-1';
const band = (page: Page) => page.locator('#result .band__label').textContent();
const filesStatus = (page: Page) => page.locator('#files').getByRole('status');

/** An answers file of the 优质均衡 school framework with these answers, written to a temporary folder. */
async function answersFile(name: string, answers: Record<string, unknown>, version = '2017-1'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dudao-integrity-'));
  const path = join(dir, name);
  const file = { format: 'dudao-self-check', formatVersion: 1, framework: { id: 'youzhi-junheng-xuexiao', version }, subject: { name: '喆小学', stage: '小学', date: '2026-05-01' }, answers };
  await writeFile(path, JSON.stringify(file));
  return path;
}

const goodAnswers = { students: 800, teachers_higher: 40, backbone: 10, pe_art: 8, teaching_rooms: 4000, sports: 6400, equipment_value: 2000000, multimedia_rooms: 20 };

describe('importing an answers file', () => {
  it('shows what the file holds, and 取消 leaves the form as it was', async () => {
    const { page } = await openPage(selfCheckPath);
    await hydrated(page);
    await fillSchool(page, passingSchool);
    await page.getByLabel('选择要导入的答卷文件').setInputFiles(await answersFile('喆小学.json', goodAnswers));
    const question = page.getByRole('region', { name: '导入“喆小学.json”？' });
    await expect(question.textContent()).resolves.toContain('文件中：喆小学，自评日期 2026-05-01，8 项答案；与当前填写不同的有 8 项。');
    await question.getByRole('button', { name: '取消' }).click();
    await expect(filesStatus(page).textContent()).resolves.toBe('已取消导入，当前填写的内容没有改变。');
    await expect(page.getByLabel('学校名称').inputValue()).resolves.toBe('南岸区示范小学');
    await expect(page.getByLabel('本学段在校学生数').inputValue()).resolves.toBe('1000');
  });

  it('lists a value that fails its point’s check and keeps the current answer for it', async () => {
    const { page } = await openPage(selfCheckPath);
    await hydrated(page);
    await fillSchool(page, passingSchool);
    await page.getByLabel('选择要导入的答卷文件').setInputFiles(await answersFile('三十八.json', { ...goodAnswers, teachers_higher: '三十八', backbone: -3 }));
    const question = page.getByRole('region', { name: '导入“三十八.json”？' });
    await expect(question.getByRole('listitem').allTextContents()).resolves.toEqual(['答案：“高于规定学历的专任教师数”的值 “三十八” 应为数字', '答案：“县级及以上骨干教师数”的值 -3 须不少于 0']);
    await question.getByRole('button', { name: '替换' }).click();
    await expect(filesStatus(page).textContent()).resolves.toBe('已导入“三十八.json”。');
    await expect(page.getByLabel('学校名称').inputValue()).resolves.toBe('喆小学');
    await expect(page.getByLabel('本学段在校学生数').inputValue()).resolves.toBe('800');
    // The refused values did not blank the fields: the answers typed before are still there.
    await expect(page.getByLabel('高于规定学历的专任教师数').inputValue()).resolves.toBe('50');
    await expect(page.getByLabel('县级及以上骨干教师数').inputValue()).resolves.toBe('12');
    await expect(page.getByRole('region', { name: '未导入的内容' }).textContent()).resolves.toContain('以下 2 项未导入');
  });

  it('says when a file comes from a newer version of the framework', async () => {
    const { page } = await openPage(selfCheckPath);
    await hydrated(page);
    await page.getByLabel('选择要导入的答卷文件').setInputFiles(await answersFile('新版本.json', goodAnswers, '2099-9'));
    const question = page.getByRole('region', { name: '导入“新版本.json”？' });
    await expect(question.textContent()).resolves.toContain('这份答卷来自更新的版本 2099-9，本页是版本 2017-1');
    await question.getByRole('button', { name: '替换' }).click();
    await expect(filesStatus(page).textContent()).resolves.toBe('已导入“新版本.json”（这份答卷来自更新的版本 2099-9，本页是版本 2017-1）。');
    await expect(band(page)).resolves.toBe('结果颜色：绿色');
  });
});

describe('drafts and storage', () => {
  it('writes no draft for a page only opened, and saves what is typed', async () => {
    // The page's clock is driven by the test, so the autosave's delay passes without waiting.
    const { page } = await openPage(selfCheckPath);
    await page.clock.install();
    await page.reload();
    await hydrated(page);
    await page.getByRole('button', { name: '导出答卷文件（JSON）' }).waitFor();
    await page.clock.runFor(5_000);
    expect(await page.evaluate((key) => localStorage.getItem(key), draftKey)).toBeNull();
    await page.getByLabel('本学段在校学生数').fill('640');
    await page.clock.runFor(5_000);
    expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').answers?.students, draftKey)).toBe(640);
  });

  it('restores what is valid from a broken draft, names the rest, and keeps saving', async () => {
    const { page, errors } = await openPage(selfCheckPath);
    await hydrated(page);
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ subject: { name: '草稿小学', stage: '小学' }, answers: null, notes: { students: '含随班就读' } })), draftKey);
    await page.reload();
    await hydrated(page);
    const notice = page.getByRole('region', { name: '草稿中未恢复的内容' });
    await expect(notice.textContent()).resolves.toContain('答案格式不对，未恢复');
    await expect(page.getByLabel('学校名称').inputValue()).resolves.toBe('草稿小学');
    await page.getByLabel('本学段在校学生数').fill('640');
    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '{}').answers?.students === 640, draftKey);
    expect(errors).toEqual([]);
  });

  it('clears the form when the browser blocks storage, without an error', async () => {
    const { page, context, errors } = await openPage(selfCheckPath);
    await context.addInitScript(() => {
      Storage.prototype.removeItem = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
      Storage.prototype.setItem = () => {
        throw new DOMException('blocked', 'QuotaExceededError');
      };
    });
    await page.reload();
    await hydrated(page);
    await fillSchool(page, passingSchool);
    await page.getByRole('button', { name: '清空全部答案' }).click();
    await page.getByRole('dialog', { name: '清空全部答案？' }).getByRole('button', { name: '清空', exact: true }).click();
    await expect(page.getByLabel('本学段在校学生数').inputValue()).resolves.toBe('');
    await expect(filesStatus(page).textContent()).resolves.toBe('已清空全部答案。');
    await page.getByRole('status').filter({ hasText: '浏览器不允许保存草稿' }).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('messages where the user is', () => {
  it('puts the export message next to the export button and announces it', async () => {
    const { page } = await openPage(selfCheckPath);
    await hydrated(page);
    await fillSchool(page, passingSchool);
    const button = page.getByRole('button', { name: '导出答卷文件（JSON）' });
    await Promise.all([page.waitForEvent('download'), button.click()]);
    const status = filesStatus(page).filter({ hasText: '已导出' });
    await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
    const [buttonBox, statusBox] = await Promise.all([button.boundingBox(), status.boundingBox()]);
    expect(Math.abs(statusBox!.y - buttonBox!.y)).toBeLessThan(200);
  });

  it('shows that the first PDF export is working while the font downloads', async () => {
    const { page } = await openPage(selfCheckPath);
    await hydrated(page);
    await fillSchool(page, passingSchool);
    // A slow link: the font answers only when the test has seen the progress message.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/fonts/dudao-sans-core.ttf', async (route) => {
      await held;
      await route.continue();
    });
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByRole('button', { name: '导出 PDF 自评报告' }).click();
    await page.getByRole('button', { name: '正在生成…' }).waitFor();
    await filesStatus(page).filter({ hasText: /^正在(准备 PDF|准备字体)…/u }).waitFor();
    release();
    await download;
    await filesStatus(page).filter({ hasText: /^已导出“.*\.pdf”。$/u }).waitFor();
    await page.getByRole('button', { name: '导出 PDF 自评报告' }).waitFor();
  });
});
