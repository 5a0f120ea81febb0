// What goes on which page of the self-evaluation report (自评报告) or the blank form (空白表):
// a pure function from the framework, the answers and the score to A4 pages of drawing operations
// in millimetres. Text is measured through a callback, so the layout is testable without jsPDF.
import type { AnswersFile } from '../../schemas/answers.ts';
import type { Framework, Point } from '../../schemas/framework.ts';
import { siteConfig } from '../../site.config.mjs';
import { comparisonText, tagLabels, unitOf } from '../framework/present.ts';
import { percentText, ruleOutcome, shortfalls } from '../framework/outcome.ts';
import { allPoints, type PointResult, type ScoreResult } from '../framework/score.ts';
import { displayValue, statusLabels } from '../selfcheck/form.ts';
import { lineHeight, page, PageFlow, sizes, type Colour, type Column, type Measure, type Page } from './flow.ts';
import { fileNameOf } from './text.ts';
import { filledSections, paragraphsOf } from '../framework/narrative.ts';
import { isOverdue, pointPlaces, type LedgerItem } from '../cycle/ledger.ts';
import { formatHanNumeral } from '../workplan/numerals.ts';

export { page, type Colour, type Measure, type Op, type Page } from './flow.ts';
export interface ReportLayout {
  pages: Page[];
  metadata: { title: string; subject: string; author: string; keywords: string; creator: string };
  fileName: string;
}

/** The program that made the file, for the PDF metadata (from src/site.config.mjs). */
export const creator = `${siteConfig.name}（${siteConfig.url}）`;

const body = sizes.body;
const small = sizes.small;
const bandWords = { green: '绿色', yellow: '黄色', red: '红色' } as const;

/** The band line: the colour word, then the framework's label only when it says more (not 黄 after 黄色). */
export function bandLine(colour: keyof typeof bandWords, label: string): string {
  return bandWords[colour].includes(label) ? bandWords[colour] : `${bandWords[colour]}（${label}）`;
}

/**
 * Build the report (or, with `filled` omitted, the blank form) as pages of drawing operations.
 * `realName` is the subject's name as typed, for the file name (the pages print `filled`'s
 * printable copy, where characters no font has are 〓).
 */
export function layoutReport(
  framework: Framework,
  measure: Measure,
  filled?: { file: AnswersFile; result: ScoreResult; today: string; ledger?: readonly LedgerItem[] },
  realName?: string,
): ReportLayout {
  const flow = new PageFlow(measure);
  const width = flow.width;
  const noun = framework.subject === 'visit' ? '督导记录' : framework.subject === 'county' ? '自查报告' : '自评报告';
  const subject = filled?.file.subject;
  const title = `《${framework.title}》${filled ? noun : '空白表'}`;

  // Title and cover block.
  flow.paragraph(title, sizes.title, { bold: true, align: 'center', gap: 4 });
  const who = framework.subject === 'county' ? '区县名称' : framework.subject === 'visit' ? '被督导学校' : '学校名称';
  const facts: [string, string][] = [
    [who, subject?.name ?? ''],
    ...(framework.subject !== 'county' ? ([['学段', subject?.stage ?? (framework.stages.length === 1 ? framework.stages[0]! : '')], ['所在区县', subject?.county ?? '']] as [string, string][]) : []),
    ['指标体系', `${framework.title}（本站版本 ${framework.version}）`],
    ['依据文件', [framework.source.title, framework.source.number].filter(Boolean).join(' ')],
    ...(framework.subject === 'visit' ? ([['责任督学', subject?.supervisor ?? '']] as [string, string][]) : []),
    [framework.subject === 'visit' ? '督导日期' : '自评日期', subject?.date ?? ''],
    ...(framework.subject !== 'visit' ? ([['填写人', subject?.filledBy ?? '']] as [string, string][]) : []),
  ];
  for (const [label, value] of facts) {
    const lines = flow.lines(value || ' ', body, width - 28);
    flow.ensure(lineHeight(body) * lines.length);
    const y = flow.y;
    flow.ops.push({ kind: 'text', x: page.left, y: y + body * 0.3528, text: `${label}：`, size: body, colour: 'muted' });
    lines.forEach((line, index) => flow.ops.push({ kind: 'text', x: page.left + 28, y: y + body * 0.3528 + index * lineHeight(body), text: line, size: body }));
    if (!value) flow.ops.push({ kind: 'line', x1: page.left + 28, y1: y + lineHeight(body) - 1, x2: page.left + 110, y2: y + lineHeight(body) - 1, colour: 'rule', width: 0.2 });
    flow.y += lineHeight(body) * lines.length + 1;
  }

  const points = allPoints(framework);
  // Sections numbered 一、二、… in order: the narrative the school wrote, then the result, the detail and the lists.
  let section = 0;
  const heading = (text: string) => flow.heading(`${formatHanNumeral(++section)}、${text}`);
  if (filled) {
    for (const { title: sectionTitle, text } of filledSections(filled.file.narrative)) {
      heading(sectionTitle);
      // Body paragraphs with a first-line indent of two characters, as reports are written.
      for (const paragraph of paragraphsOf(text)) flow.paragraph(`\u3000\u3000${paragraph}`, body, { gap: 1 });
    }
    const { result } = filled;
    heading('自评结果');
    const colour = result.band.colour;
    flow.ensure(16);
    flow.ops.push({ kind: 'rect', x: page.left, y: flow.y, w: 4, h: 12, fill: colour });
    const bandText = result.complete ? `结果颜色：${bandLine(colour, result.band.label)}` : `尚有 ${result.progress.total - result.progress.answered} 项未填写，结果颜色为暂定：${bandWords[colour]}`;
    flow.ops.push({ kind: 'text', x: page.left + 7, y: flow.y + 4.5, text: bandText, size: 12, bold: true });
    flow.y += 6.5;
    flow.paragraph(result.band.meaning, body, { indent: 7, gap: 2 });
    const figures = [
      framework.scoring === 'points' && result.percent !== null ? `总得分率 ${result.percent}%（${result.earned} / ${result.possible} 分）` : '',
      `达标要点 ${result.met} / ${result.met + result.unmet}`,
      `已填写 ${result.progress.answered} / ${result.progress.total} 项`,
    ].filter(Boolean);
    flow.paragraph(figures.join('；'), body, { gap: 1 });
    result.rules.forEach((rule, index) => flow.paragraph(`${rule.title}：${ruleOutcome(framework.rules[index]!, rule)}`, body));
    const shortfallLines = shortfalls(framework, result);
    if (shortfallLines.length > 0) flow.paragraph(`未达到标准：${shortfallLines.map((item) => item.text).join('；')}。`, body);
    if (result.vetoes.length > 0) {
      const block = flow.mark();
      flow.paragraph('一票否决：', body, { colour: 'red', bold: true });
      flow.keepWithNext(block);
      for (const veto of result.vetoes) flow.paragraph(`${veto.title}：${veto.reason}`, body, { indent: 4, colour: 'red' });
    }
    flow.paragraph('本报告由学校自评生成，结果颜色是学校的自我诊断，不是督导部门的结论。', small, { colour: 'muted', gap: 2 });

    // Bar chart: per dimension (points) or per judged numeric point (criteria), as vector rectangles.
    const bars =
      framework.scoring === 'points'
        ? result.dimensions.filter((dimension) => dimension.possible > 0).map((dimension) => ({ label: dimension.title, value: (dimension.percent ?? 0) / 100, text: `${dimension.percent ?? 0}%`, colour: (dimension.percent ?? 0) >= 85 ? 'green' : (dimension.percent ?? 0) >= 60 ? 'yellow' : 'red' }) as const)
        : points
            .filter(({ point }) => result.points[point.id]?.ratio !== undefined)
            .map(({ point }) => {
              const ratio = result.points[point.id]!.ratio!;
              // Yellow: below the threshold but within the remainder share a composite rule tolerates.
              const tolerated = framework.rules.find((rule) => rule.of.includes(point.id))?.remainderRatio;
              return { label: point.title, value: ratio, text: percentText(ratio), colour: result.points[point.id]!.status === 'met' ? 'green' : tolerated !== undefined && ratio >= tolerated ? 'yellow' : 'red' } as const;
            });
    if (bars.length > 0) {
      const labelWidth = 62;
      const barArea = width - labelWidth - 14;
      const scale = Math.max(1.2, ...bars.map((bar) => bar.value));
      // Labels wrap (never cut): each bar's row is as tall as its label.
      const rows = bars.map((bar) => {
        const lines = flow.lines(bar.label, small, labelWidth - 2);
        return { bar, lines, height: Math.max(7, lines.length * lineHeight(small) + 2.2) };
      });
      const caption = framework.scoring === 'points' ? '各一级指标得分率' : '各指标实际值与标准之比（100% 为达到标准）';
      flow.keepTogether(lineHeight(small) + rows.reduce((sum, row) => sum + row.height, 0) + 3);
      const block = flow.mark();
      flow.paragraph(caption, small, { bold: true });
      flow.keepWithNext(block);
      let top = flow.y;
      const full = page.left + labelWidth + (1 / scale) * barArea;
      for (const { bar, lines, height } of rows) {
        flow.ensure(height);
        if (flow.y < top) top = flow.y; // continued on a new page
        const y = flow.y;
        const barTop = y + (height - 4.2) / 2;
        lines.forEach((line, index) => flow.ops.push({ kind: 'text', x: page.left, y: y + 1.1 + small * 0.3528 + index * lineHeight(small), text: line, size: small }));
        flow.ops.push({ kind: 'rect', x: page.left + labelWidth, y: barTop, w: Math.max(0.5, (Math.min(bar.value, scale) / scale) * barArea), h: 4.2, fill: bar.colour });
        flow.ops.push({ kind: 'text', x: page.left + labelWidth + (Math.min(bar.value, scale) / scale) * barArea + 1.5, y: barTop + 3, text: bar.text, size: small });
        flow.ops.push({ kind: 'line', x1: full, y1: y, x2: full, y2: y + height, colour: 'text', width: 0.3 });
        flow.y += height;
      }
      flow.y += 3;
    }
  }

  // Detail table: every point with value, threshold, status, points, notes and evidence.
  if (filled) heading('逐项明细');
  else flow.heading('逐项填写');
  const columns: Column[] = filled
    ? [
        { title: '评估要点', width: 50 },
        { title: '填写值', width: 36 },
        { title: '标准', width: 22 },
        { title: '结果', width: 15 },
        { title: '备注和佐证材料', width: width - 123 },
      ]
    : [
        { title: '评估要点', width: 62 },
        { title: '标准', width: 30 },
        { title: '填写值', width: 30 },
        { title: '备注和佐证材料', width: width - 122 },
      ];
  flow.startTable(columns);
  const stage = filled?.file.subject.stage;
  for (const dimension of framework.dimensions) {
    flow.row([dimension.title], { span: true });
    for (const indicator of dimension.indicators) {
      const applicable = indicator.points.filter((point) => filled?.result.points[point.id]?.status !== 'not-applicable');
      if (applicable.length === 0) continue;
      const rows: { cells: string[]; colours?: (Colour | undefined)[] }[] = applicable.map((point) => {
        const result = filled?.result.points[point.id];
        const label = point.title;
        const threshold = thresholdText(point, framework, result, stage);
        if (!filled) return { cells: [label, threshold, point.input.kind === 'derived' ? '（由公式计算）' : point.input.kind === 'level' ? point.input.levels.map((level) => `□${level.label}`).join(' ') : point.input.kind === 'yesno' ? '□是 □否' : '', point.evidence.join('；')] };
        const { file } = filled;
        const status = result && ['met', 'unmet', 'partial'].includes(result.status) ? statusLabels[result.status] : result?.status === 'unanswered' ? '未填写' : '';
        const notes = [file.notes[point.id], file.evidence[point.id] ? `佐证：${file.evidence[point.id]}` : ''].filter(Boolean).join('；');
        return { cells: [label, valueText(point, result), threshold, status, notes], colours: [undefined, undefined, undefined, result?.status === 'met' ? 'green' : result?.status === 'unmet' ? 'red' : result?.status === 'partial' ? 'yellow' : undefined, undefined] };
      });
      const heading = `${indicator.title}（依据：${[indicator.source.title, indicator.source.clause].filter(Boolean).join(' ')}，${tagLabels[indicator.source.tag]}）`;
      // An indicator (its title, input and derived rows) stays on one page when it fits on one.
      flow.keepTogether(flow.rowHeight([heading], { span: true }) + rows.reduce((sum, row) => sum + flow.rowHeight(row.cells), 0));
      flow.row([heading], { span: true, fill: false });
      for (const row of rows) flow.row(row.cells, row.colours ? { colours: row.colours } : {});
    }
  }
  flow.endTable();

  if (filled) {
    heading('整改清单');
    if (filled.result.unmetPoints.length === 0) flow.paragraph('没有未达标的要点。');
    else {
      flow.startTable([{ title: '序号', width: 10 }, { title: '未达标要点', width: 62 }, { title: '责任人', width: 22 }, { title: '整改时限', width: 24 }, { title: '整改措施', width: width - 118 }]);
      filled.result.unmetPoints.forEach((item, index) => {
        const entry = filled.file.rectification[item.id];
        flow.row([String(index + 1), `${item.title}（${item.status === 'partial' ? '部分达标' : '未达标'}）`, entry?.responsible ?? '', entry?.deadline ?? '', entry?.measure ?? '']);
      });
      flow.endTable();
    }
  }

  if (filled?.ledger && filled.ledger.length > 0) {
    heading('整改台账');
    const places = pointPlaces(framework);
    flow.startTable([{ title: '序号', width: 10 }, { title: '要点和问题', width: 50 }, { title: '整改措施', width: width - 130 }, { title: '责任人', width: 18 }, { title: '完成时限', width: 22 }, { title: '状态', width: 30 }]);
    filled.ledger.forEach((item, index) => {
      const overdue = isOverdue(item, filled.today);
      const status = `${item.status}${item.closedOn ? `（${item.closedOn}销号）` : ''}${overdue ? '（已逾期）' : ''}`;
      flow.row([String(index + 1), `${places.get(item.pointId)?.title ?? item.pointId}：${item.problem}`, [item.measure, item.evidence ? `佐证：${item.evidence}` : ''].filter(Boolean).join('；'), item.responsible, item.deadline, status], { colours: [undefined, undefined, undefined, undefined, undefined, overdue ? 'red' : undefined] });
    });
    flow.endTable();
  }

  // Signature and seal lines, kept together.
  flow.ensure(34);
  flow.y += 12;
  const signer = framework.subject === 'visit' ? '责任督学签字' : framework.subject === 'county' ? '负责人签字' : '校长签字';
  const seal = framework.subject === 'county' ? '单位盖章' : '学校盖章';
  const y = flow.y;
  flow.ops.push({ kind: 'text', x: page.left, y, text: `${signer}：`, size: body });
  flow.ops.push({ kind: 'line', x1: page.left + 24, y1: y + 1, x2: page.left + 70, y2: y + 1, colour: 'text', width: 0.3 });
  flow.ops.push({ kind: 'text', x: page.left + 85, y, text: `${seal}：`, size: body });
  flow.ops.push({ kind: 'line', x1: page.left + 106, y1: y + 1, x2: page.right, y2: y + 1, colour: 'text', width: 0.3 });
  flow.y += 12;
  flow.ops.push({ kind: 'text', x: page.left + 85, y: flow.y, text: '日期：        年      月      日', size: body });

  const pages = flow.finish(framework.shortTitle ?? framework.title);
  const name = (realName ?? subject?.name ?? '').trim();
  return {
    pages,
    metadata: {
      title,
      subject: `${framework.title} ${filled ? noun : '空白表'}`,
      author: subject?.name.trim() || siteConfig.name,
      keywords: [framework.title, framework.source.number ?? '', noun].filter(Boolean).join(', '),
      creator,
    },
    fileName: fileNameOf([name, framework.shortTitle ?? framework.title, filled ? noun : '空白表', filled?.today ?? '']),
  };
}

/** The threshold of a point in words, for the stage when it has one per stage. */
export function thresholdText(point: Point, framework: Framework, result: PointResult | undefined, stage: string | undefined): string {
  if (!point.criterion) return point.input.kind === 'level' ? point.input.levels.filter((level) => level.met).map((level) => level.label).join('/') + '为达标' : point.input.kind === 'yesno' && point.input.expect !== undefined ? `${point.input.expect ? '是' : '否'}为达标` : '';
  if (result?.threshold) return comparisonText(result.threshold.op, result.threshold.value, unitOf(point.input));
  const value = point.criterion.value;
  if (typeof value === 'number') return comparisonText(point.criterion.op, value, unitOf(point.input));
  return framework.stages.filter((item) => value[item] !== undefined && (!stage || item === stage)).map((item) => `${item}${comparisonText(point.criterion!.op, value[item]!)}`).join('；');
}

/** A point's value for the report, with the inputs of a derived value. */
export function valueText(point: Point, result: PointResult | undefined): string {
  const shown = displayValue(result, point.input);
  if (point.input.kind !== 'derived' || !result?.inputs || result.value === null) return shown;
  return `${shown}（${result.inputs.map((input) => `${input.title} ${input.value ?? '—'}`).join('，')}）`;
}
