// The self-evaluation report (自评报告) as a Word file, because offices edit, stamp and file in
// Word/WPS. Laid out as 公文 are (GB/T 9704): A4 with its margins, the title centred in
// 方正小标宋简体, headings 一、 in 黑体 and （一） in 楷体, body in 仿宋_GB2312 三号 with a first-line
// indent of two characters, tables for the indicator detail and the ledger. Word uses the reader's
// fonts, so every run names the Chinese font in its eastAsia slot and a common font next to it
// (宋体/黑体 families Word and WPS substitute by when the 公文 fonts are not installed).
// Pure: from the framework, answers, score and ledger to the bytes; the `docx` package is loaded
// only when the user asks for a Word file.
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import type { AnswersFile } from '../../schemas/answers.ts';
import type { Framework } from '../../schemas/framework.ts';
import { isOverdue, pointPlaces, type LedgerItem } from '../cycle/ledger.ts';
import { filledSections, paragraphsOf } from '../framework/narrative.ts';
import { ruleOutcome, shortfalls } from '../framework/outcome.ts';
import { tagLabels } from '../framework/present.ts';
import type { ScoreResult } from '../framework/score.ts';
import { bandLine, thresholdText, valueText } from '../pdf/layout.ts';
import { statusLabels } from '../selfcheck/form.ts';
import { fileNameOf } from '../pdf/text.ts';
import { formatHanNumeral } from '../workplan/numerals.ts';

export interface ReportInput {
  framework: Framework;
  file: AnswersFile;
  result: ScoreResult;
  today: string;
  ledger?: readonly LedgerItem[];
}

/** The fonts of the report: the 公文 font for Chinese text, a widely installed one for Latin text and as the fallback. */
export const reportFonts = {
  title: { eastAsia: '方正小标宋简体', ascii: 'SimSun', hAnsi: 'SimSun', cs: 'SimSun', hint: 'eastAsia' },
  heading: { eastAsia: '黑体', ascii: 'SimHei', hAnsi: 'SimHei', cs: 'SimHei', hint: 'eastAsia' },
  subheading: { eastAsia: '楷体_GB2312', ascii: 'KaiTi', hAnsi: 'KaiTi', cs: 'KaiTi', hint: 'eastAsia' },
  body: { eastAsia: '仿宋_GB2312', ascii: 'FangSong', hAnsi: 'FangSong', cs: 'FangSong', hint: 'eastAsia' },
} as const;

const pt = (points: number) => points * 2; // docx sizes are half-points
const sizes = { title: pt(22), body: pt(16), table: pt(10.5) }; // 二号, 三号, 五号
const twips = (millimetres: number) => Math.round((millimetres / 25.4) * 1440);
const exactLine = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt, as 公文 set 22 lines a page

const run = (text: string, font: keyof typeof reportFonts, options: Omit<IRunOptions, 'text' | 'font'> = {}) => new TextRun({ text, font: reportFonts[font], size: sizes.body, ...options });

/** A body paragraph with the first line indented by two characters. */
const bodyParagraph = (text: string) => new Paragraph({ children: [run(text, 'body')], indent: { firstLine: 640, firstLineChars: 200 }, spacing: exactLine, alignment: AlignmentType.JUSTIFIED });
const headingParagraph = (text: string) => new Paragraph({ children: [run(text, 'heading')], indent: { firstLine: 640, firstLineChars: 200 }, spacing: exactLine, keepNext: true });
const subheadingParagraph = (text: string) => new Paragraph({ children: [run(text, 'subheading')], indent: { firstLine: 640, firstLineChars: 200 }, spacing: exactLine, keepNext: true });

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

/** A table with a bold header row repeated on every page, text in 五号 仿宋. */
function table(header: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): Table {
  const cell = (text: string, bold: boolean, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      children: (text === '' ? [''] : text.split('\n')).map((line) => new Paragraph({ children: [run(line, bold ? 'heading' : 'body', { size: sizes.table })] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text, index) => cell(text, true, widths[index]!)) }),
      ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((text, index) => cell(text, false, widths[index]!)) })),
    ],
  });
}

/** The report's title, as printed at its head. */
export function reportTitle(framework: Framework): string {
  const noun = framework.subject === 'visit' ? '督导记录' : framework.subject === 'county' ? '自查报告' : '自评报告';
  return `《${framework.title}》${noun}`;
}

/** Build the report as a .docx file's bytes. */
export async function buildReportDocx(input: ReportInput): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { framework, file, result, today } = input;
  const ledger = input.ledger ?? [];
  const subject = file.subject;
  const children: (Paragraph | Table)[] = [];
  let section = 0;
  const heading = (text: string) => children.push(headingParagraph(`${formatHanNumeral(++section)}、${text}`));

  children.push(new Paragraph({ children: [run(reportTitle(framework), 'title', { size: sizes.title })], alignment: AlignmentType.CENTER, spacing: { ...exactLine, after: 560 } }));
  const who = framework.subject === 'county' ? '区县名称' : framework.subject === 'visit' ? '被督导学校' : '学校名称';
  const facts: [string, string][] = [
    [who, subject.name],
    ...(framework.subject !== 'county' ? ([['学段', subject.stage ?? ''], ['所在区县', subject.county]] as [string, string][]) : []),
    ['指标体系', `${framework.title}（本站版本 ${framework.version}）`],
    ['依据文件', [framework.source.title, framework.source.number].filter(Boolean).join(' ')],
    [framework.subject === 'visit' ? '督导日期' : '自评日期', subject.date],
    ['结果', result.complete ? bandLine(result.band.colour, result.band.label) : `尚有 ${result.progress.total - result.progress.answered} 项未填写`],
  ];
  for (const [label, value] of facts) children.push(bodyParagraph(`${label}：${value}`));

  for (const { title, text } of filledSections(file.narrative)) {
    heading(title);
    for (const paragraph of paragraphsOf(text)) children.push(bodyParagraph(paragraph));
  }

  heading('自评结果');
  children.push(bodyParagraph(result.complete ? `结果颜色：${bandLine(result.band.colour, result.band.label)}。${result.band.meaning}` : `尚有 ${result.progress.total - result.progress.answered} 项未填写，结果为暂定。`));
  const figures = [framework.scoring === 'points' && result.percent !== null ? `总得分率 ${result.percent}%（${result.earned} / ${result.possible} 分）` : '', `达标要点 ${result.met} / ${result.met + result.unmet}`, `已填写 ${result.progress.answered} / ${result.progress.total} 项`].filter(Boolean);
  children.push(bodyParagraph(`${figures.join('；')}。`));
  result.rules.forEach((rule, index) => children.push(bodyParagraph(`${rule.title}：${ruleOutcome(framework.rules[index]!, rule)}。`)));
  const below = shortfalls(framework, result);
  if (below.length > 0) children.push(bodyParagraph(`未达到标准：${below.map((item) => item.text).join('；')}。`));
  for (const veto of result.vetoes) children.push(bodyParagraph(`一票否决：${veto.title}：${veto.reason}。`));

  heading('逐项明细');
  framework.dimensions.forEach((dimension, dimensionIndex) => {
    const rows = dimension.indicators.flatMap((indicator) =>
      indicator.points
        .filter((point) => result.points[point.id]?.status !== 'not-applicable')
        .map((point) => {
          const scored = result.points[point.id];
          const status = scored && ['met', 'unmet', 'partial'].includes(scored.status) ? statusLabels[scored.status] : scored?.status === 'unanswered' ? '未填写' : '';
          const notes = [file.notes[point.id], file.evidence[point.id] ? `佐证：${file.evidence[point.id]}` : ''].filter(Boolean).join('\n');
          return [`${indicator.title}（${tagLabels[indicator.source.tag]}）`, point.title, valueText(point, scored), thresholdText(point, framework, scored, subject.stage), status, notes];
        }),
    );
    if (rows.length === 0) return;
    children.push(subheadingParagraph(`（${formatHanNumeral(dimensionIndex + 1)}）${dimension.title}`));
    children.push(table(['指标', '评估要点', '填写值', '标准', '结果', '备注和佐证材料'], rows, [18, 22, 18, 14, 9, 19]));
  });

  heading('整改清单');
  if (result.unmetPoints.length === 0) children.push(bodyParagraph('没有未达标的要点。'));
  else
    children.push(
      table(
        ['序号', '未达标要点', '责任人', '整改时限', '整改措施'],
        result.unmetPoints.map((item, index) => {
          const entry = file.rectification[item.id];
          return [String(index + 1), `${item.title}（${item.status === 'partial' ? '部分达标' : '未达标'}）`, entry?.responsible ?? '', entry?.deadline ?? '', entry?.measure ?? ''];
        }),
        [8, 34, 14, 16, 28],
      ),
    );

  if (ledger.length > 0) {
    heading('整改台账');
    const places = pointPlaces(framework);
    children.push(
      table(
        ['序号', '评估要点', '问题描述', '整改措施', '责任人', '完成时限', '状态', '佐证说明', '销号日期'],
        ledger.map((item, index) => [String(index + 1), places.get(item.pointId)?.title ?? item.pointId, item.problem, item.measure, item.responsible, item.deadline, `${item.status}${isOverdue(item, today) ? '（已逾期）' : ''}`, item.evidence, item.closedOn]),
        [6, 14, 16, 16, 9, 11, 9, 11, 8],
      ),
    );
  }

  const signer = framework.subject === 'visit' ? '责任督学签字' : framework.subject === 'county' ? '负责人签字' : '校长签字';
  const seal = framework.subject === 'county' ? '单位盖章' : '学校盖章';
  children.push(new Paragraph({ children: [], spacing: exactLine }));
  children.push(new Paragraph({ children: [run(`${signer}：            ${seal}：`, 'body')], alignment: AlignmentType.RIGHT, spacing: exactLine }));
  children.push(new Paragraph({ children: [run('年    月    日', 'body')], alignment: AlignmentType.RIGHT, spacing: exactLine }));

  const document = new Document({
    creator: '督导通',
    title: reportTitle(framework),
    description: `${framework.title} ${subject.name}`.trim(),
    styles: { default: { document: { run: { font: reportFonts.body, size: sizes.body } } } },
    sections: [
      {
        properties: { page: { size: { width: twips(210), height: twips(297), orientation: PageOrientation.PORTRAIT }, margin: { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26) } } },
        children,
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toArrayBuffer(document));
  const noun = reportTitle(framework).replace(/^《[^》]*》/u, '');
  return { bytes, fileName: fileNameOf([subject.name.trim(), framework.shortTitle ?? framework.title, noun, today], 'docx') };
}
