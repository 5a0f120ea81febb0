// Serialise a work-plan document to MDX and read it back. The body is a fixed set of components
// whose props are JSON expressions (any text is safe in them) and whose children are paragraphs
// escaped for MDX. `fromMdx(toMdx(doc))` equals `doc`; the pages and the theme index read the
// committed files through `readBody`, so what is rendered is exactly what was imported.
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type {
  Block,
  Closing,
  Division,
  DivisionLevel,
  Masthead,
  Notice,
  WorkplanBody,
  WorkplanDocument,
} from '../../schemas/workplan.ts';
import { workplanBodySchema, workplanSchema } from '../../schemas/workplan.ts';

// ---------------------------------------------------------------------------------------------
// Escaping

/**
 * Escape one line of text so MDX reads it back as the same literal text: no markup, no JSX, no
 * expressions, no ESM (`import`/`export` at the start of a line), no autolinks.
 */
export function escapeMdxText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#~&|:@]/gu, (char) => `\\${char}`)
    .replace(/(^|[^A-Za-z0-9])(www)\./giu, '$1$2\\.')
    .replace(/^([-+=])/u, '\\$1')
    .replace(/^(\d+)([.)])/u, '$1\\$2')
    .replace(/^import(?![\w$])/u, '&#x69;mport')
    .replace(/^export(?![\w$])/u, '&#x65;xport');
}

/** Undo `escapeMdxText`: the character reference at the start, then every backslash escape (CommonMark's rule). */
export function unescapeMdxText(text: string): string {
  return text
    .replace(/^&#x(69|65);/u, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\([!-/:-@[-`{-~])/gu, '$1');
}

// ---------------------------------------------------------------------------------------------
// Writing

type PropValue = string | string[] | undefined;

/** A JSX tag with JSON-expression props; props that are undefined or empty arrays are left out. */
function tag(name: string, props: Record<string, PropValue>, selfClosing = false): string {
  const attributes = Object.entries(props)
    .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => (key === 'id' ? `${key}="${value as string}"` : `${key}={${JSON.stringify(value)}}`));
  return `<${[name, ...attributes].join(' ')}${selfClosing ? ' />' : '>'}`;
}

/** Children paragraphs between an opening and a closing tag, blank lines around each. */
function element(name: string, props: Record<string, PropValue>, children: string[]): string[] {
  if (children.length === 0) return [tag(name, props, true), ''];
  return [tag(name, props), '', ...children, `</${name}>`, ''];
}

function paragraphs(texts: string[]): string[] {
  return texts.flatMap((text) => [escapeMdxText(text), '']);
}

function blocksMdx(blocks: Block[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'paragraph') return paragraphs([block.text]);
    if (block.type === 'note') return element('Note', { text: block.text }, []);
    return element(
      'List',
      {},
      block.items.flatMap((item) => element('Item', { marker: item.marker }, item.text ? paragraphs([item.text]) : [])),
    );
  });
}

const TAG_OF_LEVEL: Record<DivisionLevel, string> = { section: 'Section', clause: 'Clause', point: 'Point' };

function divisionMdx(division: Division): string[] {
  const children = [...blocksMdx(division.blocks), ...division.children.flatMap(divisionMdx)];
  return element(TAG_OF_LEVEL[division.level], { id: division.id, number: division.number, heading: division.heading }, children);
}

/** The frontmatter as YAML, keys in schema order, dates as YYYY-MM-DD. */
function frontmatterYaml(doc: WorkplanDocument): string {
  const { date, ...rest } = doc.frontmatter;
  const ordered = {
    title: rest.title,
    kind: rest.kind,
    region: rest.region,
    year: rest.year,
    issuers: rest.issuers,
    ...(date ? { date: date.toISOString().slice(0, 10) } : {}),
    ...(rest.documentNumber ? { documentNumber: rest.documentNumber } : {}),
    recipients: rest.recipients,
    cc: rest.cc,
    source: rest.source,
  };
  return stringifyYaml(ordered, { lineWidth: 0 });
}

/** Serialise a document to the MDX file committed under content/workplans/. */
export function toMdx(doc: WorkplanDocument): string {
  const { body } = doc;
  const sourceFile = doc.frontmatter.source.file.replace(/\*\//gu, '* /');
  const lines = [
    '---',
    frontmatterYaml(doc).trimEnd(),
    '---',
    '',
    `{/* Imported by \`npm run import\` from content/sources/${sourceFile}. Re-import the source rather than editing this file. */}`,
    '',
    ...(body.masthead ? mastheadMdx(body.masthead) : []),
    ...(body.notice ? noticeMdx(body.notice) : []),
    ...element('Title', { text: body.title }, []),
    ...(body.preamble.length > 0 ? element('Preamble', {}, blocksMdx(body.preamble)) : []),
    ...body.divisions.flatMap(divisionMdx),
    ...closingMdx(body.closing),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

function mastheadMdx(masthead: Masthead): string[] {
  return element('Masthead', { issuers: masthead.issuers, documentNumber: masthead.documentNumber }, []);
}

function noticeMdx(notice: Notice): string[] {
  return element(
    'Notice',
    {
      title: notice.title,
      recipients: notice.recipients,
      attachments: notice.attachments,
      signature: notice.signature,
      date: notice.date,
      publication: notice.publication,
    },
    paragraphs(notice.paragraphs),
  );
}

function closingMdx(closing: Closing): string[] {
  const props = {
    signature: closing.signature,
    date: closing.date,
    publication: closing.publication,
    attachments: closing.attachments,
    cc: closing.cc,
    printed: closing.printed,
  };
  const empty = Object.values(props).every((value) => value === undefined || (Array.isArray(value) && value.length === 0));
  if (empty && closing.paragraphs.length === 0) return [];
  return element('Closing', props, paragraphs(closing.paragraphs));
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A problem reading an MDX work-plan file; `line` is 1-based within the text given. */
export class MdxReadError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'MdxReadError';
    this.line = line;
  }
}

interface Node {
  name: string;
  props: Record<string, unknown>;
  children: (Node | string)[];
  line: number;
}

/** Parse `name="x"` and `name={json}` attributes of one tag line. */
function parseAttributes(source: string, line: number): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  let at = 0;
  while (at < source.length) {
    while (source[at] === ' ') at++;
    if (at >= source.length) break;
    const name = /^[A-Za-z]+/u.exec(source.slice(at))?.[0];
    if (!name || source[at + name.length] !== '=') throw new MdxReadError(line, `cannot read the attributes “${source}”`);
    at += name.length + 1;
    if (source[at] === '"') {
      const end = source.indexOf('"', at + 1);
      if (end === -1) throw new MdxReadError(line, `unterminated attribute ${name}`);
      props[name] = source.slice(at + 1, end);
      at = end + 1;
    } else if (source[at] === '{') {
      const end = jsonEnd(source, at + 1);
      if (end === -1 || source[end] !== '}') throw new MdxReadError(line, `unterminated expression in attribute ${name}`);
      try {
        props[name] = JSON.parse(source.slice(at + 1, end));
      } catch {
        throw new MdxReadError(line, `attribute ${name} is not a JSON value`);
      }
      at = end + 1;
    } else {
      throw new MdxReadError(line, `attribute ${name} must be "text" or {JSON}`);
    }
  }
  return props;
}

/** Index just after the JSON value starting at `start` (strings and nested brackets respected), or -1. */
function jsonEnd(source: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let at = start; at < source.length; at++) {
    const char = source[at]!;
    if (inString) {
      if (char === '\\') at++;
      else if (char === '"') {
        inString = false;
        if (depth === 0) return at + 1;
      }
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') {
      // At depth 0 a closing brace ends a bare literal such as a number.
      if (depth === 0) return at;
      depth--;
      if (depth === 0) return at + 1;
    }
  }
  return -1;
}

/** Parse the component tree of an MDX body written by `toMdx`. */
function parseTree(body: string, firstLine: number): Node {
  const root: Node = { name: '#root', props: {}, children: [], line: firstLine };
  const stack: Node[] = [root];
  body.split('\n').forEach((raw, offset) => {
    const line = firstLine + offset;
    const text = raw.trim();
    if (text === '' || /^\{\/\*.*\*\/\}$/u.test(text)) return;
    const close = /^<\/([A-Za-z]+)>$/u.exec(text);
    if (close) {
      const open = stack.pop();
      if (!open || open === root || open.name !== close[1]) {
        throw new MdxReadError(line, `</${close[1]}> does not close ${open && open !== root ? `<${open.name}> from line ${open.line}` : 'any open tag'}`);
      }
      return;
    }
    const opening = /^<([A-Za-z]+)((?: [^]*?)?)\s*(\/?)>$/u.exec(text);
    if (opening) {
      const node: Node = { name: opening[1]!, props: parseAttributes(opening[2]!.trim(), line), children: [], line };
      stack.at(-1)!.children.push(node);
      if (opening[3] !== '/') stack.push(node);
      return;
    }
    stack.at(-1)!.children.push(unescapeMdxText(text));
  });
  if (stack.length > 1) throw new MdxReadError(stack.at(-1)!.line, `<${stack.at(-1)!.name}> is never closed`);
  return root;
}

const LEVEL_OF_TAG: Record<string, DivisionLevel> = { Section: 'section', Clause: 'clause', Point: 'point' };

function texts(node: Node): string[] {
  return node.children.filter((child): child is string => typeof child === 'string');
}

function nodesToBlocks(children: (Node | string)[]): Block[] {
  const blocks: Block[] = [];
  for (const child of children) {
    if (typeof child === 'string') blocks.push({ type: 'paragraph', text: child });
    else if (child.name === 'Note') blocks.push({ type: 'note', text: String(child.props.text ?? '') });
    else if (child.name === 'List') {
      const items = child.children
        .filter((item): item is Node => typeof item !== 'string' && item.name === 'Item')
        .map((item) => ({ marker: String(item.props.marker ?? ''), text: texts(item).join('') }));
      blocks.push({ type: 'list', items });
    }
  }
  return blocks;
}

function nodeToDivision(node: Node): Division {
  const inner = node.children.filter((child) => typeof child === 'string' || !(child.name in LEVEL_OF_TAG));
  const nested = node.children.filter((child): child is Node => typeof child !== 'string' && child.name in LEVEL_OF_TAG);
  return {
    id: String(node.props.id ?? ''),
    level: LEVEL_OF_TAG[node.name]!,
    number: String(node.props.number ?? ''),
    heading: String(node.props.heading ?? ''),
    blocks: nodesToBlocks(inner),
    children: nested.map(nodeToDivision),
  };
}

const array = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const optional = (value: unknown): string | undefined => (value === undefined ? undefined : String(value));
const defined = <T extends object>(object: T): T =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;

/** Read a document body (the MDX after the frontmatter) back into its tree; `firstLine` numbers errors. */
export function readBody(mdxBody: string, firstLine = 1): WorkplanBody {
  const root = parseTree(mdxBody, firstLine);
  const find = (name: string) => root.children.find((child): child is Node => typeof child !== 'string' && child.name === name);
  const masthead = find('Masthead');
  const notice = find('Notice');
  const title = find('Title');
  const preamble = find('Preamble');
  const closing = find('Closing');
  const unknown = root.children.find(
    (child) => typeof child === 'string' || !['Masthead', 'Notice', 'Title', 'Preamble', 'Closing', ...Object.keys(LEVEL_OF_TAG)].includes(child.name),
  );
  if (unknown) {
    const where = typeof unknown === 'string' ? `text “${unknown.slice(0, 20)}”` : `<${unknown.name}> at line ${unknown.line}`;
    throw new MdxReadError(typeof unknown === 'string' ? firstLine : unknown.line, `unexpected ${where} outside the document components`);
  }
  const body = {
    ...(masthead
      ? { masthead: defined({ issuers: array(masthead.props.issuers), documentNumber: optional(masthead.props.documentNumber) }) }
      : {}),
    ...(notice
      ? {
          notice: defined({
            title: optional(notice.props.title),
            recipients: optional(notice.props.recipients),
            paragraphs: texts(notice),
            attachments: array(notice.props.attachments),
            signature: array(notice.props.signature),
            date: optional(notice.props.date),
            publication: optional(notice.props.publication),
          }),
        }
      : {}),
    title: String(title?.props.text ?? ''),
    preamble: preamble ? nodesToBlocks(preamble.children) : [],
    divisions: root.children
      .filter((child): child is Node => typeof child !== 'string' && child.name in LEVEL_OF_TAG)
      .map(nodeToDivision),
    closing: defined({
      paragraphs: closing ? texts(closing) : [],
      signature: array(closing?.props.signature),
      date: optional(closing?.props.date),
      publication: optional(closing?.props.publication),
      attachments: array(closing?.props.attachments),
      cc: optional(closing?.props.cc),
      printed: array(closing?.props.printed),
    }),
  };
  const parsed = workplanBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MdxReadError(firstLine, `the body does not match the work-plan schema at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Split an MDX file into its frontmatter text, its body and the line the body starts on. */
export function splitFrontmatter(mdx: string): { frontmatter: string; body: string; bodyLine: number } {
  const match = /^---\n([^]*?)\n---\n/u.exec(mdx);
  if (!match) throw new MdxReadError(1, 'the file does not start with a --- frontmatter block');
  return { frontmatter: match[1]!, body: mdx.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/** Read a whole MDX file written by `toMdx` back into the document (frontmatter and body). */
export function fromMdx(mdx: string): WorkplanDocument {
  const { frontmatter, body, bodyLine } = splitFrontmatter(mdx);
  const data = workplanSchema.safeParse(parseYaml(frontmatter));
  if (!data.success) {
    const issue = data.error.issues[0]!;
    throw new MdxReadError(2, `frontmatter field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return { frontmatter: data.data, body: readBody(body, bodyLine) };
}
