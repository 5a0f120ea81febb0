// The framework builder as an office uses it: build a small framework from scratch by labels (a
// 4-of-5 rule at 80 %, one veto, one derived ratio), watch the preview score sample answers,
// export it; a validation message takes the user to its field; the draft survives a reload; every
// published framework copied and exported unchanged is equivalent to its source.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { frameworkSchema } from '../../src/schemas/framework';
import { closeBrowser, openPage } from './harness';
import { hydrated } from './school-form';
import { seriousViolations } from './axe';

afterAll(closeBrowser);

const path = '/frameworks/builder/';
const frameworkDir = join(import.meta.dirname, '../../content/frameworks');
const published = ['gaozhong-banxue-zhiliang', 'nanan-lide-shuren', 'nanan-yiwu-xuexiao', 'qijiang-kaixue-zhuanxiang', 'xueqian-puji-puhui', 'youzhi-junheng-xianji', 'youzhi-junheng-xuexiao', 'zeren-duxue-jingchangxing'];

/** The fieldset of a part, by the start of its legend (要点 1.1.2, 一级指标 1, 规则 1 …). */
const part = (page: Page, name: string): Locator => page.getByRole('group', { name: new RegExp(`^${name.replace(/\./gu, '\\.')}(：|$)`, 'u') });
const preview = (page: Page) => page.getByRole('complementary', { name: '预览：生成的自评表' });

async function exportYaml(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

interface PointSpec {
  id: string;
  title: string;
  kind: string;
  threshold?: string;
  formula?: string;
  points?: string;
}

async function fillPoint(page: Page, name: string, spec: PointSpec): Promise<void> {
  const group = part(page, name);
  await group.getByLabel('要点编号').fill(spec.id);
  await group.getByLabel('要点名称').fill(spec.title);
  await group.getByLabel('答案类型').selectOption({ label: spec.kind });
  if (spec.formula !== undefined) await group.getByLabel('公式', { exact: true }).fill(spec.formula);
  if (spec.threshold !== undefined) {
    await group.getByLabel('设阈值（数值类要点）').check();
    await group.getByLabel('阈值数值').fill(spec.threshold);
  }
  if (spec.points !== undefined) await group.getByLabel('分值（可选，默认 0）').fill(spec.points);
}

/** Build the small framework of the issue from scratch, by labels only. */
async function buildScratch(page: Page): Promise<void> {
  await page.getByLabel('指标体系名称').fill('某区学校办学条件自评');
  await page.getByLabel('网址编号').fill('mouqu-banxue-tiaojian');
  await page.getByLabel('版本').fill('2026-1');
  await page.getByLabel('发布单位').fill('某区人民政府教育督导室');
  await page.getByRole('group', { name: '适用学段' }).getByLabel('小学').check();
  await page.getByLabel('简介（目录中显示）').fill('学校对照办学条件自评。');
  await page.getByRole('group', { name: '依据文件' }).getByLabel('依据文件名称').fill('《某区学校督导评估方案》');

  await part(page, '一级指标 1').getByLabel('一级指标名称').fill('办学条件');
  await part(page, '二级指标 1.1').getByLabel('二级指标名称').fill('资源配置');
  await part(page, '二级指标 1.1').getByRole('group', { name: '依据', exact: true }).getByLabel('依据文件名称').fill('《某区学校督导评估方案》');

  const points: PointSpec[] = [
    { id: 'students', title: '在校学生数', kind: '整数' },
    { id: 'teachers', title: '专任教师数', kind: '整数' },
    { id: 'ratio', title: '每百名学生专任教师数', kind: '由公式计算', formula: 'teachers ÷ students × 100', threshold: '5', points: '10' },
    { id: 'area', title: '生均校舍面积', kind: '数值（可有小数）', threshold: '10', points: '10' },
    { id: 'books', title: '生均图书', kind: '数值（可有小数）', threshold: '30', points: '10' },
    { id: 'pcs', title: '每百名学生计算机台数', kind: '数值（可有小数）', threshold: '12', points: '10' },
    { id: 'labs', title: '实验室间数', kind: '数值（可有小数）', threshold: '2', points: '10' },
  ];
  for (const [index, spec] of points.entries()) {
    if (index > 0) {
      await page.getByRole('button', { name: '在二级指标 1.1中添加要点' }).click();
      // Adding moves focus to the new point's id field.
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent)).toBe(`要点 1.1.${index + 1}`);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id.endsWith('-id'))).toBe(true);
    }
    await fillPoint(page, `要点 1.1.${index + 1}`, spec);
  }
  await page.getByRole('button', { name: '在二级指标 1.1中添加要点' }).click();
  const safety = part(page, '要点 1.1.8');
  await safety.getByLabel('要点编号').fill('safety');
  await safety.getByLabel('要点名称').fill('校舍安全无隐患');
  await safety.getByLabel('达标答案').selectOption({ label: '“是”为达标' });
  await safety.getByLabel('一票否决', { exact: true }).check();
  await safety.getByLabel('一票否决理由').fill('存在校舍安全隐患');

  await page.getByRole('button', { name: '添加规则' }).click();
  const rule = part(page, '规则 1');
  await rule.getByLabel('规则名称').fill('五项中至少四项达标');
  for (const id of ['ratio', 'area', 'books', 'pcs', 'labs']) await rule.getByRole('checkbox', { name: new RegExp(`（${id}）$`, 'u') }).check();
  await rule.getByLabel('至少达标项数').fill('4');
  await rule.getByLabel('其余各项不低于阈值的百分比（可选）').fill('80');
  await rule.getByLabel('依据文件名称').fill('《某区学校督导评估方案》');

  await part(page, '等级 1').getByLabel('等级名称').fill('绿');
  await part(page, '等级 1').getByLabel('含义').fill('全部达标。');
  await part(page, '等级 1').getByLabel('最多未完全达标项数（可选）').fill('0');
  await part(page, '等级 2').getByLabel('等级名称').fill('红');
  await part(page, '等级 2').getByLabel('含义').fill('未达到要求。');
  await page.getByRole('button', { name: '添加等级' }).click();
  await part(page, '等级 3').getByLabel('等级名称').fill('黄');
  await part(page, '等级 3').getByLabel('含义').fill('达到要求，仍有指标未达标。');
  await part(page, '等级 3').getByLabel('要求组合规则全部符合').selectOption({ label: '要求' });
  await page.getByRole('button', { name: '上移等级 3' }).click();
  // Focus follows the moved band's button.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('上移等级 2');
}

describe('the framework builder', () => {
  it('builds a framework from scratch, scores sample answers in the preview and exports it', async () => {
    const { page, errors, offOrigin } = await openPage(path);
    await hydrated(page);
    await buildScratch(page);
    await expect(page.getByText('检查通过：可以导出。').isVisible()).resolves.toBe(true);

    const form = preview(page);
    await form.getByLabel('在校学生数', { exact: true }).fill('200');
    await form.getByLabel('专任教师数', { exact: true }).fill('12');
    await form.getByLabel('生均校舍面积', { exact: true }).fill('10');
    await form.getByLabel('生均图书', { exact: true }).fill('30');
    await form.getByLabel('每百名学生计算机台数', { exact: true }).fill('12');
    await form.getByLabel('实验室间数', { exact: true }).fill('1.6');
    await form.getByRole('group', { name: '校舍安全无隐患' }).getByLabel('是').check();
    const band = form.locator('.band-label');
    await expect.poll(() => band.textContent()).toBe('黄');
    await expect(form.locator('#point-ratio output').textContent()).resolves.toBe('6.00');
    await expect(form.locator('.score').textContent()).resolves.toContain('五项中至少四项达标（5 项中至少 4 项达标，其余不低于标准的 80%）：符合（达标 4 项，要求至少 4 项）');
    await form.getByLabel('实验室间数', { exact: true }).fill('1.5');
    await expect.poll(() => band.textContent()).toBe('红');
    await form.getByLabel('实验室间数', { exact: true }).fill('2');
    await expect.poll(() => band.textContent()).toBe('绿');
    await form.getByRole('group', { name: '校舍安全无隐患' }).getByLabel('否').check();
    await expect.poll(() => band.textContent()).toBe('红');
    await expect(form.locator('.score').textContent()).resolves.toContain('一票否决：校舍安全无隐患（存在校舍安全隐患）');

    const site = await exportYaml(page, '导出 YAML（提交本站发布）');
    expect(site.name).toBe('mouqu-banxue-tiaojian.yaml');
    const framework = frameworkSchema.parse(parse(site.text));
    expect(framework.rules).toEqual([
      { id: 'rule1', kind: 'at-least', title: '五项中至少四项达标', of: ['ratio', 'area', 'books', 'pcs', 'labs'], count: 4, remainderRatio: 0.8, source: { title: '《某区学校督导评估方案》', tag: 'M' } },
    ]);
    const points = framework.dimensions[0]!.indicators[0]!.points;
    expect(points.map((point) => point.id)).toEqual(['students', 'teachers', 'ratio', 'area', 'books', 'pcs', 'labs', 'safety']);
    expect(points[2]!.input).toMatchObject({ kind: 'derived', formula: 'teachers ÷ students × 100' });
    expect(points[2]!.criterion).toEqual({ op: '>=', value: 5 });
    expect(points[7]).toMatchObject({ input: { kind: 'yesno', expect: true }, veto: '存在校舍安全隐患' });
    expect(framework.bands.map((item) => item.label)).toEqual(['绿', '黄', '红']);
    expect(site.text).toContain('input: {kind: derived, formula: teachers ÷ students × 100}');

    const school = await exportYaml(page, '导出指标体系文件（发给学校）');
    expect(school.name).toBe('mouqu-banxue-tiaojian-2026-1.yaml');
    expect(school.text.split('\n')[1]).toBe('# 编制单位：某区人民政府教育督导室');
    expect(frameworkSchema.parse(parse(school.text))).toEqual(framework);
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });

  it('lists a problem as a link that moves focus to its field, and shows where a formula breaks', async () => {
    const { page } = await openPage(path);
    await hydrated(page);
    await page.getByLabel('复制已发布的指标体系').selectOption('youzhi-junheng-xuexiao');
    await page.getByRole('button', { name: '复制并编辑' }).click();
    await page.getByText('检查通过：可以导出。').waitFor();

    await page.getByLabel('指标体系名称').fill('');
    const link = page.getByRole('link', { name: /^指标体系的名称：/u });
    await link.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('b-meta-title');

    const ratio = part(page, '要点 2.1.2');
    await ratio.getByLabel('公式', { exact: true }).fill('teachers_higher ÷ (students × 100');
    await expect(ratio.locator('.error-message').textContent()).resolves.toBe('错误：此处应为“)”（第 34 个字符）');
    await page.getByRole('link', { name: /^要点 2\.1\.2“每百名学生拥有高于规定学历教师数”的公式：公式无法解析/u }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');

    // Export is refused while problems remain, and focus goes to the list of problems.
    await page.getByRole('button', { name: '导出 YAML（提交本站发布）' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('builder-issues');
  });

  it('keeps the draft across a reload', async () => {
    const { page } = await openPage(path);
    await hydrated(page);
    await page.getByLabel('指标体系名称').fill('草稿测试指标');
    await part(page, '要点 1.1.1').getByLabel('要点名称').fill('还没写完的要点');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('dudao:framework-builder:draft') ?? '')).toContain('还没写完的要点');
    await page.reload();
    await hydrated(page);
    await expect.poll(() => page.getByLabel('指标体系名称').inputValue()).toBe('草稿测试指标');
    await expect(part(page, '要点 1.1.1').getByLabel('要点名称').inputValue()).resolves.toBe('还没写完的要点');
    await expect(page.getByRole('status').textContent()).resolves.toContain('已恢复上次保存在本机的草稿');
  });

  it.each(published)('copies %s and exports it unchanged (equivalent to its source)', async (id) => {
    const { page, errors } = await openPage(path);
    await hydrated(page);
    await page.getByLabel('复制已发布的指标体系').selectOption(id);
    await page.getByRole('button', { name: '复制并编辑' }).click();
    await page.getByText('检查通过：可以导出。').waitFor();
    const exported = await exportYaml(page, '导出 YAML（提交本站发布）');
    expect(exported.name).toBe(`${id}.yaml`);
    const source = frameworkSchema.parse(parse(readFileSync(join(frameworkDir, `${id}.yaml`), 'utf8')));
    expect(frameworkSchema.parse(parse(exported.text))).toEqual(source);
    expect(errors).toEqual([]);
  });

  it('opens a framework file, and refuses a broken one with a Chinese message naming the field, keeping the editor as it was', async () => {
    const { page } = await openPage(path);
    await hydrated(page);
    await page.getByLabel('指标体系名称').fill('正在编辑的指标体系');
    const source = readFileSync(join(frameworkDir, 'qijiang-kaixue-zhuanxiang.yaml'), 'utf8');
    const broken = source.replace(/^title: /mu, 'colour: red\ntitle: ');
    await page.getByLabel('打开指标体系文件（YAML 或 JSON）').setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken) });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('broken.yaml：');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('colour');
    await expect(page.getByLabel('指标体系名称').inputValue()).resolves.toBe('正在编辑的指标体系');

    await page.getByLabel('打开指标体系文件（YAML 或 JSON）').setInputFiles({ name: 'qijiang.yaml', mimeType: 'application/yaml', buffer: Buffer.from(source) });
    await page.getByText('检查通过：可以导出。').waitFor();
    await expect(page.getByLabel('网址编号').inputValue()).resolves.toBe('qijiang-kaixue-zhuanxiang');
    // What was there before can be had back.
    await page.getByRole('button', { name: /^撤销/u }).click();
    await expect.poll(() => page.getByLabel('指标体系名称').inputValue()).toBe('正在编辑的指标体系');
  });

  it('has no serious accessibility violation with a published framework open and sample answers typed', async () => {
    const { page } = await openPage(path);
    await hydrated(page);
    await page.getByLabel('复制已发布的指标体系').selectOption('youzhi-junheng-xuexiao');
    await page.getByRole('button', { name: '复制并编辑' }).click();
    await page.getByText('检查通过：可以导出。').waitFor();
    await page.getByLabel('样例学段').selectOption('小学');
    await preview(page).getByLabel('本学段在校学生数').fill('200');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('fits a 360 px screen without sideways scrolling', async () => {
    const { page } = await openPage(path, { viewport: { width: 360, height: 800 } });
    await hydrated(page);
    await page.getByLabel('复制已发布的指标体系').selectOption('youzhi-junheng-xianji');
    await page.getByRole('button', { name: '复制并编辑' }).click();
    await page.getByText('检查通过：可以导出。').waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
  });
});
