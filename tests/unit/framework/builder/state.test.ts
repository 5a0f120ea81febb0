// The builder's state: list operations, typed numbers, and a framework built from scratch that the
// schema accepts and that scores as written.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { frameworkSchema } from '../../../../src/schemas/framework';
import {
  addItem,
  emptyIndicator,
  emptyPoint,
  emptyRule,
  emptyState,
  fromRaw,
  moveItem,
  nextId,
  numberFromText,
  percentFromRatio,
  ratioFromPercent,
  removeItem,
  toRaw,
  toggleValue,
  type BuilderState,
  type PointState,
} from '../../../../src/lib/framework/builder/state';
import { exportFileNames, frameworkYaml, schoolFileYaml } from '../../../../src/lib/framework/builder/export';
import { checkFormula, validateState } from '../../../../src/lib/framework/builder/validate';
import { scoreFramework } from '../../../../src/lib/framework/score';

describe('list operations', () => {
  it('adds at the end or at a position', () => {
    expect(addItem(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(addItem(['a', 'b'], 'c', 1)).toEqual(['a', 'c', 'b']);
  });
  it('moves up and down and leaves the list unchanged at its ends', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
  it('removes by position and toggles a value', () => {
    expect(removeItem(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
    expect(toggleValue(['x', 'y'], 'x')).toEqual(['y']);
    expect(toggleValue(['y'], 'x')).toEqual(['y', 'x']);
  });
  it('does not change the list it was given', () => {
    const list = ['a', 'b'];
    moveItem(list, 0, 1);
    removeItem(list, 0);
    addItem(list, 'c');
    expect(list).toEqual(['a', 'b']);
  });
});

describe('typed numbers', () => {
  it('reads half- and full-width numbers and keeps other text as typed', () => {
    expect(numberFromText(' 4.2 ')).toBe(4.2);
    expect(numberFromText('４。５')).toBe(4.5);
    expect(numberFromText('-3')).toBe(-3);
    expect(numberFromText('四点二')).toBe('四点二');
    expect(numberFromText('4.2.1')).toBe('4.2.1');
  });
  it('converts percentages and ratios without binary artefacts', () => {
    expect(percentFromRatio(0.85)).toBe('85');
    expect(percentFromRatio(0.07)).toBe('7');
    expect(ratioFromPercent('80')).toBe(0.8);
    expect(ratioFromPercent('85')).toBe(0.85);
    expect(ratioFromPercent('八十')).toBe('八十');
  });
});

describe('ids', () => {
  it('proposes the first free id with a prefix', () => {
    const state = emptyState();
    expect(nextId(state, 'p')).toBe('p2');
    expect(nextId(state, 'd')).toBe('d2');
    expect(nextId(state, 'p', ['p2'])).toBe('p3');
  });
});

function numberPoint(id: string, title: string, threshold: string): PointState {
  const point = emptyPoint(id);
  point.title = title;
  point.input.kind = 'number';
  point.criterion.enabled = true;
  point.criterion.value = threshold;
  point.points = '10';
  return point;
}

/** A small framework typed from scratch: 5 numeric points (one a derived ratio), a 4-of-5 rule at 80%, a veto. */
function scratch(): BuilderState {
  const state = emptyState();
  Object.assign(state, { id: 'test-builder', title: '测试指标', version: '2026-1', issuer: '某区教育督导室', summary: '测试用', stages: ['小学'] });
  state.source.title = '《测试方案》';
  const dimension = state.dimensions[0]!;
  dimension.title = '办学条件';
  const indicator = dimension.indicators[0]!;
  indicator.title = '资源';
  indicator.source.title = '《测试方案》';
  const students = emptyPoint('students');
  students.title = '在校学生数';
  students.input.kind = 'integer';
  students.input.min = '1';
  const teachers = emptyPoint('teachers');
  teachers.title = '专任教师数';
  teachers.input.kind = 'integer';
  const ratio = emptyPoint('ratio');
  ratio.title = '每百名学生教师数';
  ratio.input.kind = 'derived';
  ratio.input.formula = 'teachers ÷ students × 100';
  ratio.criterion.enabled = true;
  ratio.criterion.value = '5';
  ratio.points = '10';
  const safety = emptyPoint('safety');
  safety.title = '校舍安全';
  safety.input.expect = 'true';
  safety.hasVeto = true;
  safety.veto = '存在校舍安全隐患';
  indicator.points = [students, teachers, ratio, numberPoint('area', '生均面积', '10'), numberPoint('books', '生均图书', '30'), numberPoint('pcs', '百生计算机', '12'), numberPoint('labs', '实验室数', '2'), safety];
  const rule = emptyRule('four_of_five');
  Object.assign(rule, { title: '至少4项达标', of: ['ratio', 'area', 'books', 'pcs', 'labs'], count: '4', remainderPercent: '80' });
  rule.source.title = '《测试方案》';
  state.rules = [rule];
  state.bands = [
    { ...state.bands[0]!, label: '绿', meaning: '全部达标', maxUnmet: '0' },
    { key: 'y', colour: 'yellow', label: '黄', meaning: '规则通过', minPercent: '', maxUnmet: '', maxFailed: '', rulesPass: 'true' },
    { ...state.bands[1]!, label: '红', meaning: '未通过' },
  ];
  return state;
}

describe('a framework built from scratch', () => {
  it('is accepted by the framework schema and exports YAML that reads back', () => {
    const state = scratch();
    const validation = validateState(state);
    expect(validation.issues).toEqual([]);
    const yaml = frameworkYaml(state);
    expect(yaml).toContain('input: {kind: derived, formula: teachers ÷ students × 100}');
    expect(yaml).toContain('remainderRatio: 0.8\n');
    expect(yaml).toContain('veto: 存在校舍安全隐患');
    const parsed = frameworkSchema.parse(parse(yaml));
    expect(parsed.rules[0]).toMatchObject({ of: ['ratio', 'area', 'books', 'pcs', 'labs'], count: 4, remainderRatio: 0.8 });
    expect(parsed.stages).toEqual(['小学']);
  });

  it('scores sample answers: 4 of 5 met with the fifth at 80% is yellow; a veto makes it red', () => {
    const validation = validateState(scratch());
    if (!validation.ok) throw new Error('invalid');
    const answers = { students: 200, teachers: 12, area: 10, books: 30, pcs: 12, labs: 1.6, safety: true };
    const result = scoreFramework(validation.framework, answers, { stage: '小学' });
    expect(result.points.ratio!.value).toBe(6);
    expect(result.rules[0]!.status).toBe('pass');
    expect(result.band.label).toBe('黄');
    expect(scoreFramework(validation.framework, { ...answers, labs: 1.5 }, { stage: '小学' }).band.label).toBe('红');
    expect(scoreFramework(validation.framework, { ...answers, labs: 2, safety: false }, { stage: '小学' }).band.label).toBe('红');
    expect(scoreFramework(validation.framework, { ...answers, labs: 2 }, { stage: '小学' }).band.label).toBe('绿');
  });

  it('keeps a number typed as words and reports it at its field', () => {
    const state = scratch();
    const ratio = state.dimensions[0]!.indicators[0]!.points[2]!;
    ratio.criterion.value = '五';
    const validation = validateState(state);
    expect(validation.ok).toBe(false);
    expect(validation.issues).toHaveLength(1);
    expect(validation.issues[0]!.fieldId).toBe(`b-${ratio.key}-criterion-value`);
    expect(validation.issues[0]!.message).toMatch(/^要点 1\.1\.3“每百名学生教师数”的阈值：/u);
    expect(toRaw(fromRaw(toRaw(state)))).toEqual(toRaw(state));
  });

  it('names a formula over an unknown point at the formula field', () => {
    const state = scratch();
    const ratio = state.dimensions[0]!.indicators[0]!.points[2]!;
    ratio.input.formula = 'teacher / students';
    const validation = validateState(state);
    expect(validation.issues).toEqual([{ fieldId: `b-${ratio.key}-input-formula`, message: '要点 1.1.3“每百名学生教师数”的公式：公式引用了不存在的要点 “teacher”' }]);
  });

  it('names empty required fields of the metadata, a rule and a band', () => {
    const state = scratch();
    state.title = '';
    state.rules[0]!.count = '';
    state.bands[0]!.meaning = '';
    const issues = validateState(state).issues;
    expect(issues.map((issue) => issue.fieldId)).toEqual(['b-meta-title', `b-${state.rules[0]!.key}-count`, `b-${state.bands[0]!.key}-meaning`]);
    expect(issues[0]!.message).toMatch(/^指标体系的名称：/u);
    expect(issues[1]!.message).toMatch(/^规则 1“至少4项达标”的至少达标项数：/u);
  });

  it('keeps every kind’s fields when the kind is switched and back', () => {
    const state = scratch();
    const point = state.dimensions[0]!.indicators[0]!.points[2]!;
    point.input.kind = 'yesno';
    point.input.kind = 'derived';
    expect(point.input.formula).toBe('teachers ÷ students × 100');
  });

  it('adds an indicator and a choice point that validate once filled in', () => {
    const state = scratch();
    const indicator = emptyIndicator(nextId(state, 'i'), nextId(state, 'p'));
    indicator.title = '管理';
    indicator.source.title = '《测试方案》';
    const point = indicator.points[0]!;
    point.title = '制度';
    point.input.kind = 'choice';
    Object.assign(point.input.options[0]!, { value: 'A', label: '健全', score: '1', met: true });
    Object.assign(point.input.options[1]!, { value: 'B', label: '不健全' });
    point.points = '5';
    state.dimensions[0]!.indicators = addItem(state.dimensions[0]!.indicators, indicator);
    const validation = validateState(state);
    expect(validation.issues).toEqual([]);
    expect(validation.ok && validation.framework.dimensions[0]!.indicators[1]!.points[0]!.input).toEqual({
      kind: 'choice',
      options: [
        { value: 'A', label: '健全', score: 1, met: true },
        { value: 'B', label: '不健全', score: 0, met: false },
      ],
    });
  });
});

describe('live formula check', () => {
  it('lists the ids a formula names', () => {
    expect(checkFormula('max(a, b) / c')).toEqual({ ok: true, refs: ['a', 'b', 'c'] });
  });
  it('gives the position of the problem', () => {
    expect(checkFormula('a / (b')).toEqual({ ok: false, message: '此处应为“)”', position: 6 });
    expect(checkFormula('a # b')).toEqual({ ok: false, message: '公式中不能使用字符“#”（第 3 个字符）', position: 2 });
  });
});

describe('export files', () => {
  it('names the files by id and version', () => {
    expect(exportFileNames({ id: 'test-builder', version: '2026-1' })).toEqual({ site: 'test-builder.yaml', school: 'test-builder-2026-1.yaml' });
    expect(exportFileNames({ id: '', version: '' })).toEqual({ site: 'framework.yaml', school: 'framework-1.yaml' });
  });
  it('heads the school file with its issuer and says it is not published by this site', () => {
    const text = schoolFileYaml(scratch());
    expect(text.split('\n').slice(0, 3)).toEqual(['# 测试指标（版本 2026-1）', '# 编制单位：某区教育督导室', '# 本文件用督导通“打开指标体系文件”进行自评；它不是督导通发布的指标体系。']);
    expect(frameworkSchema.parse(parse(text)).id).toBe('test-builder');
  });
});
