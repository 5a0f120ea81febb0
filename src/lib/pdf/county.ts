// The county summary PDF (区县优质均衡监测汇总): the CV table per stage, the schools that do not
// meet the school rule, and year-over-year warnings. Loaded by the county page on click.
import type { Framework } from '../../schemas/framework.ts';
import type { CountyResult } from '../county/compute.ts';
import { cvLimitSentence, metCountText, schoolRuleSentence } from '../county/present.ts';
import { siteConfig } from '../../site.config.mjs';
import { fontsFor, type Progress } from './export.ts';
import { creator } from './layout.ts';
import { createDocument, renderLayout } from './render.ts';
import { layoutTables, type Section } from './tables.ts';
import { fileNameOf, printable, unprintable } from './text.ts';

/** Sections of the county summary, from the computed result. */
export function countySections(framework: Framework, result: CountyResult): Section[] {
  const sections: Section[] = result.groups.map((group) => {
    return {
      heading: `${group.label}校际差异系数`,
      paragraphs: [`按在校生数加权计算，每项指标单独判断：${cvLimitSentence()}。`],
      table: {
        columns: [{ title: '指标', width: 50 }, { title: '差异系数', width: 16 }, { title: '上限', width: 12 }, { title: '结果', width: 12 }, { title: '县域均值', width: 16 }, { title: '拉高最多的学校', width: 50 }],
        rows: result.cvs
          .filter((item) => item.group === group.key)
          .map((item) => [item.title, item.cv === null ? '—' : item.cv.toFixed(4), item.limit.toFixed(2), item.pass === null ? '无法计算' : item.pass ? '达标' : '未达标', item.mean === null ? '—' : item.mean.toFixed(2), item.top.map((top) => `${top.name}（${Math.round(top.share * 100)}%）`).join('、')]),
      },
    };
  });
  const failing = result.schools.filter((school) => school.rule !== 'pass');
  const rule = schoolRuleSentence(framework);
  sections.push({
    heading: '未达到学校规则的学校',
    paragraphs: [failing.length === 0 ? `所有学校均达到“${rule}”。` : `共 ${failing.length} 所（${rule}）。`],
    ...(failing.length > 0
      ? { table: { columns: [{ title: '学校', width: 50 }, { title: '学段', width: 14 }, { title: '年度', width: 14 }, { title: '达标项数', width: 16 }, { title: '未达标指标', width: 62 }], rows: failing.map((school) => [school.name, school.stage, String(school.year ?? '—'), metCountText(school.metCount, result.indicators.length), result.indicators.filter((indicator) => !school.met[indicator.id]).map((indicator) => indicator.title).join('、')]) } }
      : {}),
  });
  if (result.years.length >= 2) {
    sections.push({
      heading: '指标下滑预警',
      paragraphs: [
        ...result.cvRises.map((rise) => `${rise.stage}“${rise.indicator}”差异系数 ${rise.from.toFixed(4)} → ${rise.to.toFixed(4)}${rise.crossedLimit ? '，已超过上限' : ''}。`),
        ...result.declines.map((decline) => `${decline.name}：${decline.indicator} ${decline.from} → ${decline.to}${decline.lostMet ? '（由达标变为未达标）' : ''}。`),
        ...(result.cvRises.length + result.declines.length === 0 ? ['没有发现下滑的指标。'] : []),
      ],
    });
  }
  if (result.excluded.length > 0) {
    sections.push({
      heading: '未计入统计的学校',
      paragraphs: [`共 ${result.excluded.length} 条。`],
      table: { columns: [{ title: '学校', width: 40 }, { title: '学段', width: 16 }, { title: '来源', width: 40 }, { title: '原因', width: 60 }], rows: result.excluded.map((item) => [item.name, item.stage, item.source, item.reason]) },
    });
  }
  return sections;
}

/** Build the county summary PDF in the browser (fetching the font slices its school names need); `unprintable` lists what no font has (printed as 〓). */
export async function exportCountySummary(framework: Framework, result: CountyResult, today: string, progress?: Progress): Promise<{ blob: Blob; fileName: string; unprintable: string[] }> {
  const raw = countySections(framework, result);
  const text = raw.flatMap((section) => [section.heading, ...(section.paragraphs ?? []), ...(section.table?.rows.flat() ?? [])]).join('\n');
  const { fonts, ranges } = await fontsFor(text, progress);
  const target = createDocument(fonts);
  const clean = (value: string) => printable(value, ranges);
  const sections = raw.map((section) => ({
    heading: clean(section.heading),
    paragraphs: section.paragraphs?.map(clean),
    ...(section.table ? { table: { columns: section.table.columns, rows: section.table.rows.map((row) => row.map(clean)) } } : {}),
  }));
  const title = '区县义务教育优质均衡监测汇总';
  const layout = layoutTables(title, sections, target.measure, { title, subject: framework.title, author: siteConfig.name, keywords: '优质均衡, 校际差异系数', creator }, fileNameOf(['区县优质均衡监测汇总', today]), `${framework.shortTitle ?? framework.title} · ${today}`);
  return { blob: new Blob([renderLayout(target, layout)], { type: 'application/pdf' }), fileName: layout.fileName, unprintable: unprintable(text, ranges) };
}
