// Read the structure of a work-plan MDX file from its syntax tree (mdast, as an MDX compiler such
// as satteri produces it): the same components the page renders, checked where they stand. The
// result feeds the table of contents, the theme index and each division's heading level, so it is
// read from the file as compiled, not from its text; a file edited by hand is read as written.
// Pure: the caller parses the MDX and passes the tree.
import type { Block, Division, DivisionLevel, ListItem, WorkplanBody } from '../../schemas/workplan.ts';
import { workplanBodySchema } from '../../schemas/workplan.ts';

/** The parts of an mdast node this reader looks at (satteri's and unified's trees both fit). */
export interface MdastLike {
  type: string;
  name?: string | null | undefined;
  value?: unknown;
  attributes?: readonly { type: string; name?: string; value?: unknown }[] | undefined;
  children?: readonly MdastLike[] | undefined;
  position?: { start: { line: number; column: number } } | undefined;
}

/** A work-plan MDX file whose structure the site cannot render; the message names file, line and column. */
export class WorkplanStructureError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, node: MdastLike | undefined, message: string) {
    const start = node?.position?.start;
    super(`${file}${start ? `:${start.line}:${start.column}` : ''}: ${message}`);
    this.name = 'WorkplanStructureError';
    this.file = file;
    this.line = start?.line;
  }
}

/** The components a work-plan file may use, and where each may stand. */
export const WORKPLAN_COMPONENTS = ['Masthead', 'Notice', 'Title', 'Preamble', 'Section', 'Clause', 'Point', 'Note', 'List', 'Item', 'Closing'] as const;
export type WorkplanComponent = (typeof WORKPLAN_COMPONENTS)[number];

const LEVEL_OF_TAG: Partial<Record<string, DivisionLevel>> = { Section: 'section', Clause: 'clause', Point: 'point' };
const TOP_LEVEL_ONLY = new Set(['Masthead', 'Notice', 'Title', 'Preamble', 'Closing']);
const ID = /^[a-z0-9-]+$/u;

type Element = MdastLike & { name: string };

const isElement = (node: MdastLike): node is Element => node.type === 'mdxJsxFlowElement' && typeof node.name === 'string';
const isComment = (node: MdastLike): boolean =>
  node.type === 'mdxFlowExpression' && typeof node.value === 'string' && /^\s*\/\*[^]*\*\/\s*$/u.test(node.value);

/** Read the document body from the mdast of a work-plan MDX file; throws WorkplanStructureError naming `file`. */
export function bodyFromMdast(root: MdastLike, file: string): WorkplanBody {
  const reader = new Reader(file);
  const body = reader.root(root);
  const parsed = workplanBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new WorkplanStructureError(file, undefined, `正文不符合工作要点的结构（${issue.path.join('.') || '(root)'}：${issue.message}）`);
  }
  return parsed.data;
}

class Reader {
  private readonly ids = new Set<string>();
  private readonly file: string;
  constructor(file: string) {
    this.file = file;
  }

  private fail(node: MdastLike | undefined, message: string): never {
    throw new WorkplanStructureError(this.file, node, message);
  }

  root(root: MdastLike): WorkplanBody {
    const body: Partial<WorkplanBody> & { divisions: Division[] } = { divisions: [] };
    let title: string | undefined;
    let closing: WorkplanBody['closing'] | undefined;
    for (const node of root.children ?? []) {
      if (node.type === 'yaml' || isComment(node)) continue;
      const element = this.element(node, 'the document');
      const level = LEVEL_OF_TAG[element.name];
      if (level) {
        body.divisions.push(this.division(element, level, []));
        continue;
      }
      if (!TOP_LEVEL_ONLY.has(element.name)) this.fail(element, `<${element.name}> 只能放在条目（Section、Clause、Point）或序言（Preamble）里`);
      const once = (present: unknown) => {
        if (present !== undefined) this.fail(element, `<${element.name}> 只能有一个`);
      };
      if (element.name === 'Masthead') {
        once(body.masthead);
        this.noChildren(element);
        body.masthead = defined({ issuers: this.strings(element, 'issuers'), documentNumber: this.string(element, 'documentNumber') });
      } else if (element.name === 'Notice') {
        once(body.notice);
        body.notice = defined({
          title: this.string(element, 'title'),
          recipients: this.string(element, 'recipients'),
          paragraphs: this.paragraphs(element),
          attachments: this.strings(element, 'attachments'),
          signature: this.strings(element, 'signature'),
          date: this.string(element, 'date'),
          publication: this.string(element, 'publication'),
        });
      } else if (element.name === 'Title') {
        once(title);
        this.noChildren(element);
        title = this.string(element, 'text', true);
      } else if (element.name === 'Preamble') {
        once(body.preamble);
        body.preamble = this.blocks(element.children ?? [], element);
      } else {
        once(closing);
        closing = defined({
          paragraphs: this.paragraphs(element),
          signature: this.strings(element, 'signature'),
          date: this.string(element, 'date'),
          publication: this.string(element, 'publication'),
          attachments: this.strings(element, 'attachments'),
          cc: this.string(element, 'cc'),
          printed: this.strings(element, 'printed'),
        });
      }
    }
    if (title === undefined) this.fail(undefined, '缺少标题 <Title text={"…"} />');
    const sections = body.divisions.filter((division) => division.level === 'section').length;
    if (sections > 0 && sections < body.divisions.length) {
      const stray = (root.children ?? []).find((node) => isElement(node) && (node.name === 'Clause' || node.name === 'Point'));
      this.fail(stray, `<${stray?.name ?? 'Point'}> 不在任何 <Section> 里：有部分（Section）的文件，每个条目都要放在某个部分里`);
    }
    return {
      ...(body.masthead ? { masthead: body.masthead } : {}),
      ...(body.notice ? { notice: body.notice } : {}),
      title,
      preamble: body.preamble ?? [],
      divisions: body.divisions,
      closing: closing ?? { paragraphs: [], signature: [], attachments: [], printed: [] },
    };
  }

  /** `node` as a known component, or an error saying what stands in `where` instead. */
  private element(node: MdastLike, where: string): Element {
    if (node.type === 'mdxjsEsm') this.fail(node, '工作要点文件里不能有 import 或 export');
    if (node.type === 'mdxFlowExpression') this.fail(node, '工作要点文件里只能有注释 {/* … */}，不能有其他表达式');
    if (!isElement(node)) {
      const text = textOf(node).slice(0, 20);
      this.fail(node, `${where === 'the document' ? '组件之外' : `<${where}> 里`}不能有${text ? `文字“${text}”` : `“${node.type}”`}：正文要放在组件（如 Section、Point、Preamble）里`);
    }
    if (!(WORKPLAN_COMPONENTS as readonly string[]).includes(node.name)) {
      this.fail(node, `未知的组件 <${node.name}>；可用的组件是 ${WORKPLAN_COMPONENTS.join('、')}`);
    }
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute') this.fail(node, `<${node.name}> 的属性不能用 {...展开}`);
    }
    return node;
  }

  private division(element: Element, level: DivisionLevel, ancestors: Element[]): Division {
    if (level === 'section' && ancestors.length > 0) {
      this.fail(element, `<Section> 只能在最外层，不能放在 <${ancestors.at(-1)!.name}> 里`);
    }
    const id = this.string(element, 'id');
    if (id === undefined || id === '') this.fail(element, `<${element.name}> 缺少 id（页面锚点，如 id="s1-p2"）`);
    if (!ID.test(id)) this.fail(element, `<${element.name}> 的 id “${id}” 只能由小写英文字母、数字和连字符组成`);
    if (this.ids.has(id)) this.fail(element, `id “${id}” 重复了；每个条目的 id 都要不同`);
    this.ids.add(id);
    const number = this.string(element, 'number');
    if (number === undefined || number === '') this.fail(element, `<${element.name} id="${id}"> 缺少编号 number`);
    const inner: MdastLike[] = [];
    const children: Division[] = [];
    for (const child of element.children ?? []) {
      const childLevel = isElement(child) ? LEVEL_OF_TAG[child.name] : undefined;
      if (childLevel) children.push(this.division(child as Element, childLevel, [...ancestors, element]));
      else inner.push(child);
    }
    return { id, level, number, heading: this.string(element, 'heading') ?? '', blocks: this.blocks(inner, element), children };
  }

  /** Paragraphs, notes and lists inside a division or the preamble. */
  private blocks(nodes: readonly MdastLike[], parent: Element): Block[] {
    return nodes.flatMap((node): Block[] => {
      if (isComment(node)) return [];
      if (node.type === 'paragraph') return [{ type: 'paragraph', text: this.paragraphText(node) }];
      const element = this.element(node, parent.name);
      if (LEVEL_OF_TAG[element.name]) this.fail(element, `<${element.name}> 不能放在 <${parent.name}> 里`);
      if (element.name === 'Note') {
        this.noChildren(element);
        return [{ type: 'note', text: this.string(element, 'text', true) }];
      }
      if (element.name === 'List') {
        const items = (element.children ?? []).filter((child) => !isComment(child)).map((child): ListItem => {
          const item = this.element(child, 'List');
          if (item.name !== 'Item') this.fail(item, `<List> 里只能有 <Item>，不能有 <${item.name}>`);
          return { marker: this.string(item, 'marker', true), text: this.paragraphs(item).join('') };
        });
        return [{ type: 'list', items }];
      }
      return this.fail(element, `<${element.name}> 不能放在 <${parent.name}> 里`);
    });
  }

  /** The paragraphs inside `element` (Notice, Closing, Item), and nothing else. */
  private paragraphs(element: Element): string[] {
    return (element.children ?? []).flatMap((child) => {
      if (isComment(child)) return [];
      if (child.type !== 'paragraph') {
        const inner = this.element(child, element.name);
        this.fail(inner, `<${element.name}> 里只能有段落文字，不能有 <${inner.name}>`);
      }
      return [this.paragraphText(child)];
    });
  }

  /** The text of a paragraph as a reader sees it; inline expressions and components are refused. */
  private paragraphText(paragraph: MdastLike): string {
    const inline = (node: MdastLike): string => {
      if (node.type === 'mdxTextExpression') this.fail(paragraph, `段落里不能有表达式 {${String(node.value)}}；要写花括号请写成 \\{ 和 \\}`);
      if (node.type === 'mdxJsxTextElement') this.fail(paragraph, `段落里不能有组件 <${node.name ?? ''}>；要写尖括号请写成 \\<`);
      return textOf(node, inline);
    };
    return inline(paragraph);
  }

  private noChildren(element: Element): void {
    const child = (element.children ?? []).find((node) => !isComment(node));
    if (child) this.fail(child, `<${element.name}> 不能有内容，它的文字写在属性里`);
  }

  private attribute(element: Element, name: string): unknown {
    const attribute = element.attributes?.find((candidate) => candidate.name === name);
    if (!attribute) return undefined;
    const { value } = attribute;
    if (value === null || value === undefined) this.fail(element, `<${element.name}> 的属性 ${name} 没有值`);
    try {
      return attributeValue(value);
    } catch {
      return this.fail(element, `<${element.name}> 的属性 ${name} 要写成 "文字" 或 {JSON 值}，不能是 {${String((value as { value?: unknown }).value)}}`);
    }
  }

  private string(element: Element, name: string, required: true): string;
  private string(element: Element, name: string): string | undefined;
  private string(element: Element, name: string, required = false): string | undefined {
    const value = this.attribute(element, name);
    if (value === undefined && required) this.fail(element, `<${element.name}> 缺少属性 ${name}`);
    if (value !== undefined && typeof value !== 'string') this.fail(element, `<${element.name}> 的属性 ${name} 要是文字`);
    return value as string | undefined;
  }

  private strings(element: Element, name: string): string[] {
    const value = this.attribute(element, name);
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      this.fail(element, `<${element.name}> 的属性 ${name} 要是文字的列表，如 {["甲","乙"]}`);
    }
    return value as string[];
  }
}

/** The text of a node: its value, or its children's text joined. */
function textOf(node: MdastLike, inline: (node: MdastLike) => string = (child) => textOf(child)): string {
  if (typeof node.value === 'string' && !node.children) return node.type === 'mdxFlowExpression' ? '' : node.value;
  return (node.children ?? []).map(inline).join('');
}

const defined = <T extends object>(object: T): T =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;

/**
 * The props of a component in a file that `bodyFromMdast` has read (so every attribute is a
 * string or a JSON expression): what the page passes to the component when it renders the file.
 */
export function propsOf(element: MdastLike): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const attribute of element.attributes ?? []) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name) props[attribute.name] = attributeValue(attribute.value);
  }
  return props;
}

/** An attribute's value: "text" as written, or a {JSON expression} parsed (throws when it is not JSON). */
function attributeValue(value: unknown): unknown {
  return typeof value === 'string' ? value : JSON.parse(String((value as { value?: unknown }).value));
}

/** Whether a node is a comment {/* … *\/} (which renders nothing). */
export const isMdxComment = isComment;
