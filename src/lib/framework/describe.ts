// Words for the readable framework: how each point is answered (with the formula printer), when it
// applies, its levels, the band conditions and the sources. Rendered by the published framework page
// and by a framework opened from a file; kept apart from present.ts so the self-check form's first
// JavaScript does not carry them.
import type { Criterion, Framework, FrameworkSource, Point, Stage } from '../../schemas/framework.ts';
import type { Formula } from './formula.ts';
import { comparisonText } from './present.ts';
import { allPoints } from './score.ts';

/** The self-check form's "who is assessed" section: its heading, field labels and which fields it has. */
export interface SubjectWords {
  heading: string;
  name: string;
  date: string;
  /** 所在区县 (not for a county's own self-check). */
  county: boolean;
  /** 责任督学 (a supervisor's visit record). */
  supervisor: boolean;
  /** 填写人 (not for a visit record, which names the supervisor). */
  filledBy: boolean;
  /** The hint under 学段. */
  stageHint: string;
  /** Shown while no 学段 is chosen. */
  chooseStage: string;
  /** Announced when this browser will not let the page read, or save, the draft. */
  cannotRead: string;
  cannotSave: string;
}

/**
 * Words of the form's subject section, computed where the page is made (on the server for a
 * published framework), so the form's first JavaScript carries none of them.
 */
export function subjectWords(framework: Pick<Framework, 'subject' | 'stages'>): SubjectWords {
  const { subject } = framework;
  return {
    heading: subject === 'school' ? '自评学校' : subject === 'county' ? '自查区县' : '督导对象',
    name: subject === 'county' ? '区县名称' : subject === 'visit' ? '被督导学校' : '学校名称',
    date: subject === 'visit' ? '督导日期' : '自评日期',
    county: subject !== 'county',
    supervisor: subject === 'visit',
    filledBy: subject !== 'visit',
    stageHint: `学段决定适用的标准，并隐藏不适用的要点。${framework.stages.includes('九年一贯制') ? '' : '九年一贯制学校请按小学部、初中部分别自评。'}`,
    chooseStage: '请先选择学段：各学段的标准不同。',
    cannotRead: '浏览器不允许读取本机草稿，已从空白表开始；请及时导出答卷。',
    cannotSave: '浏览器不允许保存草稿，请及时导出答卷。',
  };
}

/** Who a framework assesses, in words. */
export const subjectLabels: Record<Framework['subject'], string> = { school: '学校自评', county: '区县自查（督政）', visit: '责任督学督导记录' };

/** The thresholds of a criterion per stage, e.g. [{stage:'小学', text:'≥ 4.2 人/百生'}]; one row without stage when it is the same for all. */
export function thresholdRows(criterion: Criterion, framework: Pick<Framework, 'stages'>, unit?: string): { stage?: Stage; text: string }[] {
  if (typeof criterion.value === 'number') return [{ text: comparisonText(criterion.op, criterion.value, unit) }];
  const values = criterion.value;
  const rows = framework.stages.flatMap((stage) => (values[stage] === undefined ? [] : [{ stage, text: comparisonText(criterion.op, values[stage]!, unit) }]));
  const distinct = new Set(rows.map((row) => row.text));
  return distinct.size === 1 && rows.length === framework.stages.length ? [{ text: rows[0]!.text }] : rows;
}

/** How a point is answered, in words (e.g. 填写整数（人）, 由公式计算：…). */
export function inputDescription(point: Point, framework: Framework): string {
  const input = point.input;
  switch (input.kind) {
    case 'yesno':
      return input.expect === undefined ? '选择“是”或“否”' : `选择“是”或“否”，${input.expect ? '“是”' : '“否”'}为达标`;
    case 'number':
      return `填写数值${input.unit ? `（${input.unit}）` : ''}，最多 ${input.decimals} 位小数`;
    case 'integer':
      return `填写整数${input.unit ? `（${input.unit}）` : ''}`;
    case 'choice':
      return `选择：${input.options.map((option) => option.label).join('、')}`;
    case 'level':
      return `分级评定：${input.levels.map((level) => level.label).join('、')}`;
    case 'text':
      return '文字说明';
    case 'derived': {
      const titles = new Map(allPoints(framework).map(({ point }) => [point.id, point.title]));
      return `由公式计算：${input.tree ? describeFormula(input.tree, (id) => titles.get(id) ?? id) : input.formula}${input.unit ? `（${input.unit}）` : ''}，四舍五入保留 ${input.decimals} 位小数后判断`;
    }
  }
}

/** The condition of a band in words; the last band is “其他情形”, with vetoes when the framework has any. */
export function bandConditionText(framework: Framework, index: number): string {
  const band = framework.bands[index]!;
  if (index === framework.bands.length - 1) return `其他情形${allPoints(framework).some(({ point }) => point.veto) ? '，或任一一票否决事项' : ''}`;
  return (
    [
      band.minPercent !== undefined ? `得分率不低于 ${band.minPercent}%` : '',
      band.maxUnmet !== undefined ? (band.maxUnmet === 0 ? '全部要点达标' : `未达标不超过 ${band.maxUnmet} 项`) : '',
      band.maxFailed !== undefined ? (band.maxFailed === 0 ? '没有评为最低等级的要点' : `最低等级不超过 ${band.maxFailed} 项`) : '',
      band.rulesPass ? '综合规则全部符合' : '',
    ]
      .filter(Boolean)
      .join('，') || '其他情形'
  );
}

/** When a point applies, in words: its stages and the answer it depends on (e.g. 仅小学; 当“有寄宿生”为是时). */
export function conditionTexts(point: Point, titles: ReadonlyMap<string, string>): string[] {
  const when = point.when;
  if (!when) return [];
  const texts = when.stages ? [`仅${when.stages.join('、')}`] : [];
  if (when.point) texts.push(`当“${titles.get(when.point) ?? when.point}”为${when.equals === true ? '是' : when.equals === false ? '否' : `“${String(when.equals)}”`}时`);
  return texts;
}

/** The levels of a graded point with the share each earns, e.g. 优秀（100%）、待改进（0%，未达标）. */
export function levelsText(levels: readonly { label: string; score: number; met: boolean }[]): string {
  return levels.map((level) => `${level.label}（${Math.round(level.score * 100)}%${level.met ? '' : '，未达标'}）`).join('、');
}

/** A source as one line: title, number and clause. */
export function sourceText(source: FrameworkSource): string {
  return [source.title, source.number, source.clause].filter(Boolean).join(' ');
}

/** A formula written for readers: ids replaced by their labels, × and ÷ for * and /. */
export function describeFormula(formula: Formula, label: (name: string) => string): string {
  const precedence = (node: Formula) => (node.kind === 'binary' ? (node.op === '+' || node.op === '-' ? 1 : 2) : 3);
  const walk = (node: Formula): string => {
    switch (node.kind) {
      case 'number':
        return String(node.value);
      case 'ref':
        return label(node.name);
      case 'negate':
        return `−${precedence(node.operand) < 3 ? `（${walk(node.operand)}）` : walk(node.operand)}`;
      case 'binary': {
        const symbol = { '+': '＋', '-': '－', '*': '×', '/': '÷' }[node.op];
        const mine = precedence(node);
        const left = precedence(node.left) < mine ? `（${walk(node.left)}）` : walk(node.left);
        const needsRight = precedence(node.right) < mine || (precedence(node.right) === mine && (node.op === '-' || node.op === '/'));
        const right = needsRight ? `（${walk(node.right)}）` : walk(node.right);
        return `${left} ${symbol} ${right}`;
      }
      case 'call': {
        const names = { min: '较小值', max: '较大值', ceil: '向上取整', floor: '向下取整' } as const;
        return `${names[node.name]}（${node.args.map(walk).join('，')}）`;
      }
    }
  };
  return walk(formula);
}
