// The self-check as a principal uses it: fill the 优质均衡 form for a 小学, read the result,
// reload and find the draft, export and re-import the answers, survive a broken file.
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openPage } from './harness';
import { seriousViolations } from './axe';
import { fillSchool, hydrated, passingSchool, selfCheckPath } from './school-form';

afterAll(closeBrowser);

const path = selfCheckPath;
const passing = passingSchool;
const fill = fillSchool;

const band = (page: Page) => page.locator('#result .band__label').textContent();

describe('the 优质均衡 school self-check', () => {
  it('scores a 小学 that meets all seven indicators green, with no request leaving localhost', async () => {
    const { page, offOrigin, errors } = await openPage(path);
    await hydrated(page);
    await fill(page, passing);
    await expect(band(page)).resolves.toBe('结果颜色：绿色');
    await expect(page.locator('#result').textContent()).resolves.toContain('7项指标全部达到标准。');
    await expect(page.locator('#result .figures').textContent()).resolves.toContain('达标要点7 / 7');
    await expect(page.locator('#point-r_qualified output').textContent()).resolves.toBe('5.00 人/百生');
    await expect(page.locator('#point-r_qualified .judgement').textContent()).resolves.toMatch(/^标准：≥ 4.2 人\/百生\s*达标$/u);
    await expect(page.locator('#result').textContent()).resolves.toContain('目前没有未达标的要点。');
    expect(offOrigin).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the one failing rule, the band and the unmet point when one indicator is below 85% of its threshold', async () => {
    const { page } = await openPage(path);
    await hydrated(page);
    await fill(page, { ...passing, 网络多媒体教室数: '19' }); // 1.90 < 0.85 × 2.3
    await expect(band(page)).resolves.toBe('结果颜色：红色');
    await expect(page.locator('#result .rule').textContent()).resolves.toBe('至少6项指标达到要求，余项不低于要求的85%：不符合（达标 6 项，要求至少 6 项；低于标准 85% 的 1 项）');
    // The red result names the point below its threshold, its value and its share of the threshold (1.90 ÷ 2.3).
    await expect(page.locator('#result .band').textContent()).resolves.toContain('未达到标准：每百名学生拥有网络多媒体教室数 1.90 间/百生，为标准的 82%。');
    const list = page.locator('#result ol.rectification > li');
    await expect(list.count()).resolves.toBe(1);
    await expect(list.first().textContent()).resolves.toContain('每百名学生拥有网络多媒体教室数');
    // 20 rooms = 2.00, 87% of 2.3: the school rule holds, the band turns yellow.
    await page.getByLabel('网络多媒体教室数', { exact: true }).fill('20');
    await expect(band(page)).resolves.toBe('结果颜色：黄色');
  });

  it('applies the 初中 thresholds when the stage changes', async () => {
    const { page } = await openPage(path);
    await hydrated(page);
    await fill(page, passing);
    await page.getByRole('radio', { name: '初中' }).check();
    await expect(page.locator('#point-r_qualified .judgement').textContent()).resolves.toMatch(/^标准：≥ 5.3 人\/百生\s*未达标$/u);
    await expect(band(page)).resolves.toBe('结果颜色：红色');
  });

  it('keeps the draft across a reload, with the rectification entries', async () => {
    const { page } = await openPage(path);
    await hydrated(page);
    await fill(page, { ...passing, 网络多媒体教室数: '20' });
    await page.getByLabel('责任人').fill('王老师');
    await page.waitForFunction(() => localStorage.getItem('dudao:self-check:youzhi-junheng-xuexiao@2017-1')?.includes('王老师'));
    await page.reload();
    await hydrated(page);
    await page.getByRole('status').filter({ hasText: '已恢复上次保存在本机的草稿' }).waitFor();
    await expect(page.getByLabel('学校名称').inputValue()).resolves.toBe('南岸区示范小学');
    await expect(page.getByLabel('网络多媒体教室数', { exact: true }).inputValue()).resolves.toBe('20');
    await expect(page.getByLabel('责任人').inputValue()).resolves.toBe('王老师');
    await expect(band(page)).resolves.toBe('结果颜色：黄色');
  });

  it('exports the answers to a file and imports them into a fresh browser', async () => {
    const { page } = await openPage(path);
    await hydrated(page);
    await fill(page, passing);
    await page.getByLabel('教学仪器设备总值').locator('xpath=ancestor::div[contains(@class,"point")]').getByText('备注和佐证材料').click();
    await page.locator('#note-equipment_value').fill('含《实验室》设备“2024年”新增 ≥ 30万元');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出答卷文件（JSON）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^南岸区示范小学-优质均衡·学校资源配置-自评答卷-\d{4}-\d{2}-\d{2}\.json$/u);
    const saved = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(saved).toMatchObject({ format: 'dudao-self-check', framework: { id: 'youzhi-junheng-xuexiao', version: '2017-1' }, subject: { stage: '小学' } });
    expect(saved.answers.students).toBe(1000);

    const fresh = await openPage(path);
    await hydrated(fresh.page);
    await fresh.page.getByLabel('选择要导入的答卷文件').setInputFiles((await download.path())!);
    const question = fresh.page.getByRole('region', { name: /^导入“.*”？$/u });
    await expect(question.textContent()).resolves.toContain('文件中：南岸区示范小学，未填自评日期，8 项答案；与当前填写不同的有 8 项。');
    await question.getByRole('button', { name: '替换' }).click();
    await fresh.page.locator('#files').getByRole('status').filter({ hasText: '已导入' }).waitFor();
    await expect(fresh.page.getByLabel('学校名称').inputValue()).resolves.toBe('南岸区示范小学');
    await expect(fresh.page.locator('#note-equipment_value').inputValue()).resolves.toBe('含《实验室》设备“2024年”新增 ≥ 30万元');
    await expect(band(fresh.page)).resolves.toBe('结果颜色：绿色');
  });

  it('refuses a broken or foreign file and keeps the current answers', async () => {
    const { page } = await openPage(path);
    await hydrated(page);
    await fill(page, passing);
    const dir = await mkdtemp(join(tmpdir(), 'dudao-import-'));
    const broken = join(dir, '坏文件.json');
    await writeFile(broken, '{"format":"dudao-self-check","formatVersion":1,');
    const picker = page.getByLabel('选择要导入的答卷文件');
    await picker.setInputFiles(broken);
    await expect(page.getByRole('alert').filter({ hasText: '无法导入' }).textContent()).resolves.toMatch(/^无法导入“坏文件\.json”：不是有效的 JSON 文件：第 1 行第 \d+ 列附近格式错误（可能内容不完整或被改动过） 当前填写的内容没有改变。$/u);
    const foreign = join(dir, 'other.json');
    await writeFile(foreign, JSON.stringify({ format: 'dudao-self-check', formatVersion: 1, framework: { id: 'xueqian-puji-puhui', version: '2020-1', title: '县域学前教育普及普惠督导评估' }, subject: {}, answers: {} }));
    await picker.setInputFiles(foreign);
    await page.getByRole('alert').filter({ hasText: '属于指标体系“县域学前教育普及普惠督导评估”（编号 xueqian-puji-puhui），不是本页的' }).waitFor();
    await expect(page.getByLabel('本学段在校学生数').inputValue()).resolves.toBe('1000');
    await expect(band(page)).resolves.toBe('结果颜色：绿色');
  });

  it('lists a bad number in an error summary that links to the field', async () => {
    const { page } = await openPage(path);
    await hydrated(page);
    await page.getByLabel('本学段在校学生数').fill('一千');
    const summary = page.getByRole('alert').filter({ hasText: '有 1 处需要修改' });
    await expect(summary.textContent()).resolves.toContain('本学段在校学生数：请填写数字，例如 120');
    await summary.getByRole('link').click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('field-students');
    await expect(page.getByLabel('本学段在校学生数').getAttribute('aria-invalid')).resolves.toBe('true');
  });

  it('asks before clearing everything', async () => {
    const { page } = await openPage(path);
    await hydrated(page);
    await fill(page, passing);
    await page.getByRole('button', { name: '清空全部答案' }).click();
    const dialog = page.getByRole('dialog', { name: '清空全部答案？' });
    // The dialog opens on the harmless choice.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('取消');
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(page.getByLabel('本学段在校学生数').inputValue()).resolves.toBe('1000');
    await page.getByRole('button', { name: '清空全部答案' }).click();
    await dialog.getByRole('button', { name: '清空' }).click();
    await expect(page.getByLabel('本学段在校学生数').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('学校名称').inputValue()).resolves.toBe('');
  });

  it('can be filled with the keyboard alone', async () => {
    const { page } = await openPage(path);
    await hydrated(page);
    await page.getByLabel('学校名称').focus();
    await page.keyboard.type('键盘小学');
    await page.keyboard.press('Tab'); // 所在区县
    await page.keyboard.press('Tab'); // 学段: first radio
    await page.keyboard.press('Space');
    await expect(page.getByRole('radio', { name: '小学' }).isChecked()).resolves.toBe(true);
  });
});

describe('accessibility and small screens', () => {
  it.each(['light', 'dark'] as const)('axe finds no serious violation on a filled form (%s)', async (colorScheme) => {
    const { page } = await openPage(path, { colorScheme });
    await hydrated(page);
    await fill(page, { ...passing, 网络多媒体教室数: '19' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each(['/self-check/youzhi-junheng-xuexiao/', '/self-check/zeren-duxue-jingchangxing/', '/self-check/youzhi-junheng-xianji/'])('%s fits 360 px without sideways scrolling', async (url) => {
    const { page } = await openPage(url, { viewport: { width: 360, height: 740 } });
    await hydrated(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  it('works offline once loaded, including importing a file', async () => {
    const { page, context } = await openPage(path);
    await hydrated(page);
    // The file buttons (and the import code with them) load right after the form.
    await page.getByRole('button', { name: '导入答卷文件' }).waitFor();
    await context.setOffline(true);
    await fill(page, passing);
    await expect(band(page)).resolves.toBe('结果颜色：绿色');
    const dir = await mkdtemp(join(tmpdir(), 'dudao-offline-'));
    const file = join(dir, 'x.json');
    await writeFile(file, '{}');
    await page.getByLabel('选择要导入的答卷文件').setInputFiles(file);
    await expect(page.getByRole('alert').filter({ hasText: '无法导入' }).textContent()).resolves.toContain('不是督导通导出的自评答卷文件');
  });
});
