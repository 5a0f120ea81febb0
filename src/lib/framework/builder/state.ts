// The framework builder's editable state and its conversion to and from a framework object.
//
// The state keeps what the user typed: numbers as text (so "4." or a typo is never rewritten or
// lost while typing), optional parts behind an explicit switch (a veto with no reason yet, a
// criterion being written), and every list item with a stable `key` for the form's field ids.
// `toRaw` turns the state into the object the framework schema checks (typed numbers become
// numbers; text that is not a number stays text, so the schema reports it at its path); `fromRaw`
// reads any framework-shaped object (a parsed framework, a saved draft) back into a state,
// tolerating missing or wrong-typed parts so a draft is never refused. No zod here.
import { stages as allStages, type Stage } from '../../../schemas/framework.ts';

export type Tag = 'V' | 'S' | 'M';
export type Op = '>=' | '>' | '<=' | '<';
export type InputKind = 'yesno' | 'number' | 'integer' | 'choice' | 'level' | 'text' | 'derived';
/** A tri-state boolean as a select holds it: '' means not written. */
export type MaybeBoolean = '' | 'true' | 'false';

export interface SourceState {
  title: string;
  number: string;
  clause: string;
  tag: Tag | '';
  note: string;
  href: string;
}

export interface TextItem {
  key: string;
  text: string;
}

export interface OptionState {
  key: string;
  value: string;
  label: string;
  descriptor: string;
  score: string;
  met: boolean;
}

/** Every input kind's fields at once, so switching kind and back loses nothing. */
export interface InputState {
  kind: InputKind;
  expect: MaybeBoolean;
  unit: string;
  min: string;
  max: string;
  decimals: string;
  options: OptionState[];
  levels: OptionState[];
  multiline: boolean;
  formula: string;
}

export interface CriterionState {
  enabled: boolean;
  op: Op;
  mode: 'single' | 'stages';
  value: string;
  byStage: Record<Stage, string>;
  hasSource: boolean;
  source: SourceState;
}

export interface ConditionState {
  enabled: boolean;
  stages: Stage[];
  point: string;
  equalsType: 'boolean' | 'string' | 'number';
  equals: string;
}

export interface PointState {
  key: string;
  id: string;
  title: string;
  guidance: string;
  evidence: TextItem[];
  input: InputState;
  criterion: CriterionState;
  points: string;
  hasVeto: boolean;
  veto: string;
  when: ConditionState;
  required: boolean;
}

export interface IndicatorState {
  key: string;
  id: string;
  title: string;
  description: string;
  source: SourceState;
  points: PointState[];
}

export interface DimensionState {
  key: string;
  id: string;
  title: string;
  description: string;
  weight: string;
  indicators: IndicatorState[];
}

export interface RuleState {
  key: string;
  id: string;
  title: string;
  of: string[];
  count: string;
  /** The remainder ratio as a percentage (85 for 0.85). */
  remainderPercent: string;
  source: SourceState;
}

export type Colour = 'green' | 'yellow' | 'red';

export interface BandState {
  key: string;
  colour: Colour;
  label: string;
  meaning: string;
  minPercent: string;
  maxUnmet: string;
  maxFailed: string;
  rulesPass: MaybeBoolean;
}

export interface BuilderState {
  id: string;
  title: string;
  shortTitle: string;
  version: string;
  issuer: string;
  date: string;
  source: SourceState;
  subject: 'school' | 'county' | 'visit';
  stages: Stage[];
  scoring: 'points' | 'criteria';
  localDetail: boolean;
  summary: string;
  notes: TextItem[];
  dimensions: DimensionState[];
  rules: RuleState[];
  bands: BandState[];
}

let counter = 0;
/** A key unique in this page's lifetime, for list items. */
export function newKey(prefix = 'k'): string {
  counter += 1;
  return `${prefix}${counter}`;
}

// ---------- empty parts ----------

/** An empty source citation (verification tag 待核对 until the user checks it). */
export function emptySource(): SourceState {
  return { title: '', number: '', clause: '', tag: 'M', note: '', href: '' };
}

function emptyByStage(): Record<Stage, string> {
  return Object.fromEntries(allStages.map((stage) => [stage, ''])) as Record<Stage, string>;
}

/** An empty choice option or level. */
export function emptyOption(): OptionState {
  return { key: newKey('o'), value: '', label: '', descriptor: '', score: '', met: false };
}

/** A new point: a yes/no question with the given id. */
export function emptyPoint(id: string): PointState {
  return {
    key: newKey('p'),
    id,
    title: '',
    guidance: '',
    evidence: [],
    input: { kind: 'yesno', expect: '', unit: '', min: '', max: '', decimals: '', options: [emptyOption(), emptyOption()], levels: [emptyOption(), emptyOption()], multiline: true, formula: '' },
    criterion: { enabled: false, op: '>=', mode: 'single', value: '', byStage: emptyByStage(), hasSource: false, source: emptySource() },
    points: '',
    hasVeto: false,
    veto: '',
    when: { enabled: false, stages: [], point: '', equalsType: 'boolean', equals: 'true' },
    required: true,
  };
}

/** A new indicator holding one new point. */
export function emptyIndicator(id: string, pointId: string): IndicatorState {
  return { key: newKey('i'), id, title: '', description: '', source: emptySource(), points: [emptyPoint(pointId)] };
}

/** A new dimension holding one new indicator. */
export function emptyDimension(id: string, indicatorId: string, pointId: string): DimensionState {
  return { key: newKey('d'), id, title: '', description: '', weight: '', indicators: [emptyIndicator(indicatorId, pointId)] };
}

/** A new at-least rule. */
export function emptyRule(id: string): RuleState {
  return { key: newKey('r'), id, title: '', of: [], count: '', remainderPercent: '', source: emptySource() };
}

/** A new band. */
export function emptyBand(colour: Colour = 'green'): BandState {
  return { key: newKey('b'), colour, label: '', meaning: '', minPercent: '', maxUnmet: '', maxFailed: '', rulesPass: '' };
}

/** A new text list item (a note, an evidence item). */
export function emptyText(text = ''): TextItem {
  return { key: newKey('t'), text };
}

/** The state of a framework started from scratch: one dimension, indicator and point, and a green and a red band. */
export function emptyState(): BuilderState {
  return {
    id: '',
    title: '',
    shortTitle: '',
    version: '1',
    issuer: '',
    date: '',
    source: emptySource(),
    subject: 'school',
    stages: [],
    scoring: 'points',
    localDetail: false,
    summary: '',
    notes: [],
    dimensions: [emptyDimension('d1', 'i1', 'p1')],
    rules: [],
    bands: [emptyBand('green'), emptyBand('red')],
  };
}

/** Every id used in the state (dimensions, indicators, points, rules). */
export function usedIds(state: BuilderState): Set<string> {
  const ids = new Set<string>();
  for (const dimension of state.dimensions) {
    ids.add(dimension.id);
    for (const indicator of dimension.indicators) {
      ids.add(indicator.id);
      for (const point of indicator.points) ids.add(point.id);
    }
  }
  for (const rule of state.rules) ids.add(rule.id);
  return ids;
}

/** The first id `<prefix><n>` not used in the state (n from 1), skipping `taken` as well. */
export function nextId(state: BuilderState, prefix: string, taken: Iterable<string> = []): string {
  const ids = usedIds(state);
  for (const id of taken) ids.add(id);
  let n = 1;
  while (ids.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

// ---------- list operations (pure: each returns a new array) ----------

/** The list with `item` inserted at `index` (at the end by default). */
export function addItem<T>(list: readonly T[], item: T, index = list.length): T[] {
  return [...list.slice(0, index), item, ...list.slice(index)];
}

/** The list with the item at `index` moved by `delta` places (−1 up, +1 down); unchanged at an end. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The list without the item at `index`. */
export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, position) => position !== index);
}

/** The list with `value` added at the end when absent, or removed when present (a checkbox). */
export function toggleValue<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

// ---------- state → framework object ----------

/** Typed text as a number: full-width digits and 。 accepted; text that is not a number is returned as typed (the schema then names the field). */
export function numberFromText(text: string): number | string {
  const normal = text
    .trim()
    .replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[。．]/gu, '.')
    .replace(/[－−]/gu, '-');
  return /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/iu.test(normal) ? Number(normal) : text;
}

/** A number as the state shows it ("" for none). */
function textFromNumber(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : '';
}

/** Set `key` on `target` only when the text is not empty. */
function putText(target: Record<string, unknown>, key: string, text: string): void {
  if (text !== '') target[key] = text;
}
function putNumber(target: Record<string, unknown>, key: string, text: string): void {
  if (text.trim() !== '') target[key] = numberFromText(text);
}
function putBoolean(target: Record<string, unknown>, key: string, value: MaybeBoolean): void {
  if (value !== '') target[key] = value === 'true';
}

function sourceToRaw(source: SourceState): Record<string, unknown> {
  const raw: Record<string, unknown> = { title: source.title };
  putText(raw, 'number', source.number);
  putText(raw, 'clause', source.clause);
  raw.tag = source.tag;
  putText(raw, 'note', source.note);
  putText(raw, 'href', source.href);
  return raw;
}

/** A ratio as a percentage without binary artefacts (0.85 → "85"). */
export function percentFromRatio(ratio: number): string {
  return String(Number(`${ratio}e2`));
}

/** A percentage typed by the user as a ratio (85 → 0.85), or the text when it is not a number. */
export function ratioFromPercent(text: string): number | string {
  const value = numberFromText(text);
  return typeof value === 'number' ? Number(`${value}e-2`) : value;
}

function optionToRaw(option: OptionState, level: boolean): Record<string, unknown> {
  const raw: Record<string, unknown> = { value: option.value, label: option.label };
  if (level) putText(raw, 'descriptor', option.descriptor);
  putNumber(raw, 'score', option.score);
  if (level || option.met) raw.met = option.met;
  return raw;
}

function inputToRaw(input: InputState): Record<string, unknown> {
  const raw: Record<string, unknown> = { kind: input.kind };
  switch (input.kind) {
    case 'yesno':
      putBoolean(raw, 'expect', input.expect);
      break;
    case 'number':
      putText(raw, 'unit', input.unit);
      putNumber(raw, 'min', input.min);
      putNumber(raw, 'max', input.max);
      putNumber(raw, 'decimals', input.decimals);
      break;
    case 'integer':
      putText(raw, 'unit', input.unit);
      putNumber(raw, 'min', input.min);
      putNumber(raw, 'max', input.max);
      break;
    case 'choice':
      raw.options = input.options.map((option) => optionToRaw(option, false));
      break;
    case 'level':
      raw.levels = input.levels.map((level) => optionToRaw(level, true));
      break;
    case 'text':
      if (!input.multiline) raw.multiline = false;
      break;
    case 'derived':
      raw.formula = input.formula;
      putText(raw, 'unit', input.unit);
      putNumber(raw, 'decimals', input.decimals);
      break;
  }
  return raw;
}

function pointToRaw(point: PointState): Record<string, unknown> {
  const raw: Record<string, unknown> = { id: point.id, title: point.title };
  putText(raw, 'guidance', point.guidance);
  if (point.evidence.length > 0) raw.evidence = point.evidence.map((item) => item.text);
  raw.input = inputToRaw(point.input);
  if (point.criterion.enabled) {
    const criterion = point.criterion;
    const value =
      criterion.mode === 'single'
        ? numberFromText(criterion.value)
        : Object.fromEntries(allStages.filter((stage) => criterion.byStage[stage].trim() !== '').map((stage) => [stage, numberFromText(criterion.byStage[stage])]));
    raw.criterion = { op: criterion.op, value, ...(criterion.hasSource ? { source: sourceToRaw(criterion.source) } : {}) };
  }
  if (point.points.trim() !== '' && numberFromText(point.points) !== 0) putNumber(raw, 'points', point.points);
  if (point.hasVeto) raw.veto = point.veto;
  if (point.when.enabled) {
    const when: Record<string, unknown> = {};
    if (point.when.stages.length > 0) when.stages = [...point.when.stages];
    if (point.when.point !== '') {
      when.point = point.when.point;
      when.equals = point.when.equalsType === 'boolean' ? point.when.equals === 'true' : point.when.equalsType === 'number' ? numberFromText(point.when.equals) : point.when.equals;
    }
    raw.when = when;
  }
  if (!point.required) raw.required = false;
  return raw;
}

/**
 * The framework object of the state, as a framework file holds it: keys in the order the
 * published files use, defaults left out, nothing the user typed dropped (text that should be a
 * number stays text so the schema reports it).
 */
export function toRaw(state: BuilderState): Record<string, unknown> {
  const raw: Record<string, unknown> = { id: state.id, title: state.title };
  putText(raw, 'shortTitle', state.shortTitle);
  raw.version = state.version;
  raw.issuer = state.issuer;
  putText(raw, 'date', state.date);
  raw.source = sourceToRaw(state.source);
  raw.subject = state.subject;
  raw.stages = [...state.stages];
  raw.scoring = state.scoring;
  if (state.localDetail) raw.localDetail = true;
  raw.summary = state.summary;
  if (state.notes.length > 0) raw.notes = state.notes.map((note) => note.text);
  raw.dimensions = state.dimensions.map((dimension) => {
    const rawDimension: Record<string, unknown> = { id: dimension.id, title: dimension.title };
    putText(rawDimension, 'description', dimension.description);
    putNumber(rawDimension, 'weight', dimension.weight);
    rawDimension.indicators = dimension.indicators.map((indicator) => {
      const rawIndicator: Record<string, unknown> = { id: indicator.id, title: indicator.title };
      putText(rawIndicator, 'description', indicator.description);
      rawIndicator.source = sourceToRaw(indicator.source);
      rawIndicator.points = indicator.points.map(pointToRaw);
      return rawIndicator;
    });
    return rawDimension;
  });
  if (state.rules.length > 0) {
    raw.rules = state.rules.map((rule) => {
      const rawRule: Record<string, unknown> = { id: rule.id, kind: 'at-least', title: rule.title, of: [...rule.of] };
      putNumber(rawRule, 'count', rule.count);
      if (rule.remainderPercent.trim() !== '') rawRule.remainderRatio = ratioFromPercent(rule.remainderPercent);
      rawRule.source = sourceToRaw(rule.source);
      return rawRule;
    });
  }
  raw.bands = state.bands.map((band) => {
    const rawBand: Record<string, unknown> = { colour: band.colour, label: band.label, meaning: band.meaning };
    putNumber(rawBand, 'minPercent', band.minPercent);
    putNumber(rawBand, 'maxUnmet', band.maxUnmet);
    putNumber(rawBand, 'maxFailed', band.maxFailed);
    putBoolean(rawBand, 'rulesPass', band.rulesPass);
    return rawBand;
  });
  return raw;
}

// ---------- framework object → state ----------

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asText = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const asMaybe = (value: unknown): MaybeBoolean => (value === true ? 'true' : value === false ? 'false' : '');
const oneOf = <T extends string>(value: unknown, options: readonly T[], fallback: T): T => (options.includes(value as T) ? (value as T) : fallback);
const asStages = (value: unknown): Stage[] => asList(value).filter((stage): stage is Stage => allStages.includes(stage as Stage));

/** A date as the state shows it: YYYY-MM-DD for a date at midnight UTC (what a file's date becomes), else as written. */
function dateText(value: unknown): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return asText(value);
}

function sourceFromRaw(value: unknown): SourceState {
  const raw = asObject(value);
  return {
    title: asText(raw.title),
    number: asText(raw.number),
    clause: asText(raw.clause),
    tag: oneOf(raw.tag, ['V', 'S', 'M', ''] as const, ''),
    note: asText(raw.note),
    href: asText(raw.href),
  };
}

function optionFromRaw(value: unknown): OptionState {
  const raw = asObject(value);
  return { key: newKey('o'), value: asText(raw.value), label: asText(raw.label), descriptor: asText(raw.descriptor), score: textFromNumber(raw.score), met: raw.met === true };
}

function pointFromRaw(value: unknown): PointState {
  const raw = asObject(value);
  const point = emptyPoint(asText(raw.id));
  const input = asObject(raw.input);
  point.title = asText(raw.title);
  point.guidance = asText(raw.guidance);
  point.evidence = asList(raw.evidence).map((item) => emptyText(asText(item)));
  point.input = {
    ...point.input,
    kind: oneOf(input.kind, ['yesno', 'number', 'integer', 'choice', 'level', 'text', 'derived'] as const, 'yesno'),
    expect: asMaybe(input.expect),
    unit: asText(input.unit),
    min: textFromNumber(input.min),
    max: textFromNumber(input.max),
    decimals: textFromNumber(input.decimals),
    multiline: input.multiline !== false,
    formula: asText(input.formula),
  };
  if (Array.isArray(input.options)) point.input.options = input.options.map(optionFromRaw);
  if (Array.isArray(input.levels)) point.input.levels = input.levels.map(optionFromRaw);
  if (raw.criterion !== undefined) {
    const criterion = asObject(raw.criterion);
    const single = typeof criterion.value !== 'object' || criterion.value === null;
    const byStage = asObject(criterion.value);
    point.criterion = {
      enabled: true,
      op: oneOf(criterion.op, ['>=', '>', '<=', '<'] as const, '>='),
      mode: single ? 'single' : 'stages',
      value: single ? textFromNumber(criterion.value) : '',
      byStage: Object.fromEntries(allStages.map((stage) => [stage, textFromNumber(byStage[stage])])) as Record<Stage, string>,
      hasSource: criterion.source !== undefined,
      source: criterion.source === undefined ? emptySource() : sourceFromRaw(criterion.source),
    };
  }
  point.points = raw.points === undefined ? '' : textFromNumber(raw.points);
  point.hasVeto = raw.veto !== undefined;
  point.veto = asText(raw.veto);
  if (raw.when !== undefined) {
    const when = asObject(raw.when);
    const equals = when.equals;
    point.when = {
      enabled: true,
      stages: asStages(when.stages),
      point: asText(when.point),
      equalsType: typeof equals === 'number' ? 'number' : typeof equals === 'string' ? 'string' : 'boolean',
      equals: typeof equals === 'boolean' ? String(equals) : equals === undefined ? 'true' : asText(equals),
    };
  }
  point.required = raw.required !== false;
  return point;
}

/** The editable state of a framework object (a parsed framework, a saved draft); parts that are missing or of the wrong type become empty fields. */
export function fromRaw(value: unknown): BuilderState {
  const raw = asObject(value);
  return {
    id: asText(raw.id),
    title: asText(raw.title),
    shortTitle: asText(raw.shortTitle),
    version: asText(raw.version),
    issuer: asText(raw.issuer),
    date: dateText(raw.date),
    source: sourceFromRaw(raw.source),
    subject: oneOf(raw.subject, ['school', 'county', 'visit'] as const, 'school'),
    stages: asStages(raw.stages),
    scoring: oneOf(raw.scoring, ['points', 'criteria'] as const, 'points'),
    localDetail: raw.localDetail === true,
    summary: asText(raw.summary),
    notes: asList(raw.notes).map((note) => emptyText(asText(note))),
    dimensions: asList(raw.dimensions).map((item) => {
      const dimension = asObject(item);
      return {
        key: newKey('d'),
        id: asText(dimension.id),
        title: asText(dimension.title),
        description: asText(dimension.description),
        weight: textFromNumber(dimension.weight),
        indicators: asList(dimension.indicators).map((entry) => {
          const indicator = asObject(entry);
          return {
            key: newKey('i'),
            id: asText(indicator.id),
            title: asText(indicator.title),
            description: asText(indicator.description),
            source: sourceFromRaw(indicator.source),
            points: asList(indicator.points).map(pointFromRaw),
          };
        }),
      };
    }),
    rules: asList(raw.rules).map((item) => {
      const rule = asObject(item);
      return {
        key: newKey('r'),
        id: asText(rule.id),
        title: asText(rule.title),
        of: asList(rule.of).map(asText),
        count: textFromNumber(rule.count),
        remainderPercent: typeof rule.remainderRatio === 'number' ? percentFromRatio(rule.remainderRatio) : asText(rule.remainderRatio),
        source: sourceFromRaw(rule.source),
      };
    }),
    bands: asList(raw.bands).map((item) => {
      const band = asObject(item);
      return {
        key: newKey('b'),
        colour: oneOf(band.colour, ['green', 'yellow', 'red'] as const, 'green'),
        label: asText(band.label),
        meaning: asText(band.meaning),
        minPercent: textFromNumber(band.minPercent),
        maxUnmet: textFromNumber(band.maxUnmet),
        maxFailed: textFromNumber(band.maxFailed),
        rulesPass: asMaybe(band.rulesPass),
      };
    }),
  };
}
