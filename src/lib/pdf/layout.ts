// What goes on which page of the self-evaluation report (自评报告) or the blank form (空白表):
// a pure function from the framework, the answers and the score to A4 pages of drawing operations
// in millimetres. Text is measured through a callback, so the layout is testable without jsPDF.
import type { AnswersFile } from '../../schemas/answers.ts';
import type { Framework, Point } from '../../schemas/framework.ts';
import { comparisonText, tagLabels, unitOf } from '../framework/present.ts';
import { percentText, ruleOutcome, shortfalls } from '../framework/outcome.ts';
import { allPoints, type PointResult, type ScoreResult } from '../framework/score.ts';
import { displayValue, statusLabels } from '../selfcheck/form.ts';
import { breakLines } from './linebreak.ts';

export type Colour = 'text' | 'muted' | 'rule' | 'green' | 'yellow' | 'red' | 'fill';
export type Op =
  | { kind: 'text'; x: number; y: number; text: string; size: number; colour?: Colour; align?: 'left' | 'center' | 'right'; bold?: boolean }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: Colour }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; colour?: Colour; width?: number };
export interface Page {
  ops: Op[];
}
export interface ReportLayout {
  pages: Page[];
  metadata: { title: string; subject: string; author: string; keywords: string; creator: string };
  fileName: string;
}

/** Width in millimetres of `text` at `size` points. */
export type Measure = (text: string, size: number) => number;

export const page = { width: 210, height: 297, top: 25, bottom: 272, left: 25, right: 190 };
const body = 10.5; // 五号
const small = 9;
const lineHeight = (size: number) => size * 0.3528 * 1.5;
const bandWords = { green: '绿色', yellow: '黄色', red: '红色' } as const;

interface Column {
  title: string;
  width: number; // mm
}

/** Build the report (or, with `answers` omitted, the blank form) as pages of drawing operations. */
export function layoutReport(
  framework: Framework,
  measure: Measure,
  filled?: { file: AnswersFile; result: ScoreResult; today: string },
): ReportLayout {
  const pages: Page[] = [];
  let ops: Op[] = [];
  let y = page.top;
  const width = page.right - page.left;
  const newPage = () => {
    ops = [];
    pages.push({ ops });
    y = page.top;
  };
  newPage();
  const ensure = (height: number, onBreak?: () => void) => {
    if (y + height > page.bottom) {
      newPage();
      onBreak?.();
    }
  };
  const paragraph = (text: string, size = body, options: { indent?: number; colour?: Colour; bold?: boolean; gap?: number } = {}) => {
    const indent = options.indent ?? 0;
    for (const line of breakLines(text, width - indent, (part) => measure(part, size))) {
      ensure(lineHeight(size));
      ops.push({ kind: 'text', x: page.left + indent, y: y + size * 0.3528, text: line, size, ...(options.colour ? { colour: options.colour } : {}), ...(options.bold ? { bold: true } : {}) });
      y += lineHeight(size);
    }
    y += options.gap ?? 0;
  };
  const heading = (text: string) => {
    ensure(lineHeight(14) * 3);
    y += 3;
    paragraph(text, 14, { bold: true, gap: 1 });
  };

  const noun = framework.subject === 'visit' ? '督导记录' : framework.subject === 'county' ? '自查报告' : '自评报告';
  const subject = filled?.file.subject;
  const title = `《${framework.title}》${filled ? noun : '空白表'}`;

  // Title and cover block.
  for (const line of breakLines(title, width, (part) => measure(part, 18))) {
    ops.push({ kind: 'text', x: page.width / 2, y: y + 18 * 0.3528, text: line, size: 18, align: 'center', bold: true });
    y += lineHeight(18);
  }
  y += 4;
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
    const lines = breakLines(value || ' ', width - 28, (part) => measure(part, body));
    ensure(lineHeight(body) * lines.length);
    ops.push({ kind: 'text', x: page.left, y: y + body * 0.3528, text: `${label}：`, size: body, colour: 'muted' });
    lines.forEach((line, index) => ops.push({ kind: 'text', x: page.left + 28, y: y + body * 0.3528 + index * lineHeight(body), text: line, size: body }));
    if (!value) ops.push({ kind: 'line', x1: page.left + 28, y1: y + lineHeight(body) - 1, x2: page.left + 110, y2: y + lineHeight(body) - 1, colour: 'rule', width: 0.2 });
    y += lineHeight(body) * lines.length + 1;
  }

  const points = allPoints(framework);
  if (filled) {
    const { result } = filled;
    heading('一、自评结果');
    const colour = result.band.colour;
    ensure(16);
    ops.push({ kind: 'rect', x: page.left, y, w: 4, h: 12, fill: colour });
    const bandText = result.complete ? `结果颜色：${bandWords[colour]}（${result.band.label}）` : `尚有 ${result.progress.total - result.progress.answered} 项未填写，结果颜色为暂定：${bandWords[colour]}`;
    ops.push({ kind: 'text', x: page.left + 7, y: y + 4.5, text: bandText, size: 12, bold: true });
    y += 6.5;
    paragraph(result.band.meaning, body, { indent: 7, gap: 2 });
    const figures = [
      framework.scoring === 'points' && result.percent !== null ? `总得分率 ${result.percent}%（${result.earned} / ${result.possible} 分）` : '',
      `达标要点 ${result.met} / ${result.met + result.unmet}`,
      `已填写 ${result.progress.answered} / ${result.progress.total} 项`,
    ].filter(Boolean);
    paragraph(figures.join('；'), body, { gap: 1 });
    result.rules.forEach((rule, index) => paragraph(`${rule.title}：${ruleOutcome(framework.rules[index]!, rule)}`, body));
    const shortfallLines = shortfalls(framework, result);
    if (shortfallLines.length > 0) paragraph(`未达到标准：${shortfallLines.map((item) => item.text).join('；')}。`, body);
    if (result.vetoes.length > 0) {
      paragraph('一票否决：', body, { colour: 'red', bold: true });
      for (const veto of result.vetoes) paragraph(`${veto.title}：${veto.reason}`, body, { indent: 4, colour: 'red' });
    }
    paragraph('本报告由学校自评生成，结果颜色是学校的自我诊断，不是督导部门的结论。', small, { colour: 'muted', gap: 2 });

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
      const rowHeight = 7;
      ensure(10 + bars.length * rowHeight);
      paragraph(framework.scoring === 'points' ? '各一级指标得分率' : '各指标实际值与标准之比（100% 为达到标准）', small, { bold: true });
      const top = y;
      for (const bar of bars) {
        const label = breakLines(bar.label, labelWidth - 2, (part) => measure(part, small))[0] ?? '';
        const shown = label === bar.label ? label : `${label.slice(0, -1)}…`;
        ops.push({ kind: 'text', x: page.left, y: y + 4.2, text: shown, size: small });
        ops.push({ kind: 'rect', x: page.left + labelWidth, y: y + 1.2, w: Math.max(0.5, (Math.min(bar.value, scale) / scale) * barArea), h: 4.2, fill: bar.colour });
        ops.push({ kind: 'text', x: page.left + labelWidth + (Math.min(bar.value, scale) / scale) * barArea + 1.5, y: y + 4.2, text: bar.text, size: small });
        y += rowHeight;
      }
      const full = page.left + labelWidth + (1 / scale) * barArea;
      ops.push({ kind: 'line', x1: full, y1: top, x2: full, y2: y, colour: 'text', width: 0.3 });
      y += 3;
    }
  }

  // Detail table: every point with value, threshold, status, points, notes and evidence.
  heading(filled ? '二、逐项明细' : '逐项填写');
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
  const drawHeader = () => row(columns.map((column) => column.title), { header: true });
  function row(cells: string[], options: { header?: boolean; colours?: (Colour | undefined)[]; span?: boolean; fill?: boolean } = {}) {
    const size = small;
    const padding = 1.5;
    const wrapped = options.span ? [breakLines(cells[0] ?? '', width - 2 * padding, (part) => measure(part, size))] : cells.map((cell, index) => breakLines(cell, columns[index]!.width - 2 * padding, (part) => measure(part, size)));
    const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight(size) + 2 * padding;
    ensure(height, options.header ? undefined : drawHeader);
    if (options.header || (options.span && options.fill !== false)) ops.push({ kind: 'rect', x: page.left, y, w: width, h: height, fill: 'fill' });
    let x = page.left;
    wrapped.forEach((lines, index) => {
      lines.forEach((line, number) =>
        ops.push({ kind: 'text', x: x + padding, y: y + padding + size * 0.3528 + number * lineHeight(size), text: line, size, ...(options.header || options.span ? { bold: true } : {}), ...(options.colours?.[index] ? { colour: options.colours[index] } : {}) }),
      );
      x += options.span ? width : columns[index]!.width;
    });
    ops.push({ kind: 'line', x1: page.left, y1: y + height, x2: page.right, y2: y + height, colour: 'rule', width: 0.2 });
    y += height;
  }
  drawHeader();
  const stage = filled?.file.subject.stage;
  for (const dimension of framework.dimensions) {
    row([dimension.title], { span: true });
    for (const indicator of dimension.indicators) {
      const applicable = indicator.points.filter((point) => filled?.result.points[point.id]?.status !== 'not-applicable');
      if (applicable.length === 0) continue;
      row([`${indicator.title}（依据：${[indicator.source.title, indicator.source.clause].filter(Boolean).join(' ')}，${tagLabels[indicator.source.tag]}）`], { span: true, fill: false });
      for (const point of applicable) {
        const result = filled?.result.points[point.id];
        const label = point.title;
        const threshold = thresholdText(point, framework, result, stage);
        if (!filled) {
          row([label, threshold, point.input.kind === 'derived' ? '（由公式计算）' : point.input.kind === 'level' ? point.input.levels.map((level) => `□${level.label}`).join(' ') : point.input.kind === 'yesno' ? '□是 □否' : '', point.evidence.join('；')]);
          continue;
        }
        const { file } = filled;
        const value = valueText(point, result);
        const status = result && ['met', 'unmet', 'partial'].includes(result.status) ? statusLabels[result.status] : result?.status === 'unanswered' ? '未填写' : '';
        const notes = [file.notes[point.id], file.evidence[point.id] ? `佐证：${file.evidence[point.id]}` : ''].filter(Boolean).join('；');
        row([label, value, threshold, status, notes], { colours: [undefined, undefined, undefined, result?.status === 'met' ? 'green' : result?.status === 'unmet' ? 'red' : result?.status === 'partial' ? 'yellow' : undefined, undefined] });
      }
    }
  }

  if (filled) {
    heading('三、整改清单');
    if (filled.result.unmetPoints.length === 0) paragraph('没有未达标的要点。');
    else {
      const saved = columns.splice(0, columns.length, { title: '序号', width: 10 }, { title: '未达标要点', width: 62 }, { title: '责任人', width: 22 }, { title: '整改时限', width: 24 }, { title: '整改措施', width: width - 118 });
      drawHeader();
      filled.result.unmetPoints.forEach((item, index) => {
        const entry = filled.file.rectification[item.id];
        row([String(index + 1), `${item.title}（${item.status === 'partial' ? '部分达标' : '未达标'}）`, entry?.responsible ?? '', entry?.deadline ?? '', entry?.measure ?? '']);
      });
      columns.splice(0, columns.length, ...saved);
    }
  }

  // Signature and seal lines.
  ensure(34);
  y += 12;
  const signer = framework.subject === 'visit' ? '责任督学签字' : framework.subject === 'county' ? '负责人签字' : '校长签字';
  const seal = framework.subject === 'county' ? '单位盖章' : '学校盖章';
  ops.push({ kind: 'text', x: page.left, y, text: `${signer}：`, size: body });
  ops.push({ kind: 'line', x1: page.left + 24, y1: y + 1, x2: page.left + 70, y2: y + 1, colour: 'text', width: 0.3 });
  ops.push({ kind: 'text', x: page.left + 85, y, text: `${seal}：`, size: body });
  ops.push({ kind: 'line', x1: page.left + 106, y1: y + 1, x2: page.right, y2: y + 1, colour: 'text', width: 0.3 });
  y += 12;
  ops.push({ kind: 'text', x: page.left + 85, y, text: '日期：        年      月      日', size: body });

  // Footer on every page: 第 n 页 / 共 N 页.
  pages.forEach((item, index) => {
    item.ops.push({ kind: 'text', x: page.width / 2, y: 285, text: `第 ${index + 1} 页 / 共 ${pages.length} 页`, size: small, align: 'center', colour: 'muted' });
    item.ops.push({ kind: 'text', x: page.left, y: 285, text: framework.shortTitle ?? framework.title, size: small, colour: 'muted' });
  });

  const name = subject?.name.trim() ?? '';
  return {
    pages,
    metadata: {
      title,
      subject: `${framework.title} ${filled ? noun : '空白表'}`,
      author: name || '督导通',
      keywords: [framework.title, framework.source.number ?? '', noun].filter(Boolean).join(', '),
      creator: '督导通（dudao）',
    },
    fileName: `${[name, framework.shortTitle ?? framework.title, filled ? noun : '空白表', filled?.today ?? ''].filter(Boolean).join('-').replace(/[\\/:*?"<>|\s]+/gu, '_')}.pdf`,
  };
}

function thresholdText(point: Point, framework: Framework, result: PointResult | undefined, stage: string | undefined): string {
  if (!point.criterion) return point.input.kind === 'level' ? point.input.levels.filter((level) => level.met).map((level) => level.label).join('/') + '为达标' : point.input.kind === 'yesno' && point.input.expect !== undefined ? `${point.input.expect ? '是' : '否'}为达标` : '';
  if (result?.threshold) return comparisonText(result.threshold.op, result.threshold.value, unitOf(point.input));
  const value = point.criterion.value;
  if (typeof value === 'number') return comparisonText(point.criterion.op, value, unitOf(point.input));
  return framework.stages.filter((item) => value[item] !== undefined && (!stage || item === stage)).map((item) => `${item}${comparisonText(point.criterion!.op, value[item]!)}`).join('；');
}

function valueText(point: Point, result: PointResult | undefined): string {
  const shown = displayValue(result, point.input);
  if (point.input.kind !== 'derived' || !result?.inputs || result.value === null) return shown;
  return `${shown}（${result.inputs.map((input) => `${input.title} ${input.value ?? '—'}`).join('，')}）`;
}
