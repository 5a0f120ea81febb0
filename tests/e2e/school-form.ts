// The 优质均衡 school self-check as the browser tests fill it.
import type { Page } from 'playwright-core';

export const selfCheckPath = '/self-check/youzhi-junheng-xuexiao/';

/** Raw counts of a 小学 of 1000 pupils; every ratio passes the 小学 threshold. */
export const passingSchool: Record<string, string> = {
  本学段在校学生数: '1000',
  高于规定学历的专任教师数: '50',
  县级及以上骨干教师数: '12',
  '体育、美术、音乐专任教师数': '10',
  教学及辅助用房面积: '5000',
  体育运动场馆面积: '8000',
  教学仪器设备总值: '2500000',
  网络多媒体教室数: '25',
};

/** Wait until the island has hydrated. */
export async function hydrated(page: Page): Promise<void> {
  await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
}

/** Fill the school name, choose 小学 and type each value into the field with that label. */
export async function fillSchool(page: Page, values: Record<string, string>): Promise<void> {
  await page.getByLabel('学校名称').fill('南岸区示范小学');
  await page.getByRole('radio', { name: '小学' }).check();
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
}
