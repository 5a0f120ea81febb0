// Serialise a work-plan document to MDX, and read a document back from an MDX syntax tree. The
// body is a fixed set of components whose props are JSON expressions (any text is safe in them)
// and whose children are paragraphs escaped for MDX. Pure and free of any MDX compiler, so the
// browser's importer (the publish page) shares it: ./mdx.ts parses with satteri (the compiler
// Astro uses, Node), ./mdx-portable.ts with micromark (browser). The pages render the file itself
// from its syntax tree (src/components/workplan/WorkplanNodes.astro).
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { bodyFromMdast, WorkplanStructureError, type MdastLike } from './mdast.ts';

/** Parse MDX text into its syntax tree; throws WorkplanStructureError naming `file` on a syntax error. */
export type MdxParser = (mdx: string, file: string) => MdastLike;
import type {
  Block,
  Closing,
  Division,
  DivisionLevel,
  Masthead,
  Notice,
  WorkplanDocument,
} from '../../schemas/workplan.ts';
import { workplanSchema } from '../../schemas/workplan.ts';

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

/**
 * Read a work-plan MDX file back into the document: parsed by `parse`, frontmatter checked
 * against the schema, body read from the syntax tree by `bodyFromMdast`.
 * Throws WorkplanStructureError naming `file` (and the line) when the file cannot be read.
 */
export function readWorkplanMdxWith(parse: MdxParser, mdx: string, file: string): WorkplanDocument {
  const tree = parse(mdx, file);
  const yaml = tree.children?.find((node) => node.type === 'yaml');
  if (!yaml || typeof yaml.value !== 'string') throw new WorkplanStructureError(file, undefined, '文件开头缺少 --- 包围的 frontmatter');
  const data = workplanSchema.safeParse(parseYaml(yaml.value));
  if (!data.success) {
    const issue = data.error.issues[0]!;
    throw new WorkplanStructureError(file, yaml, `frontmatter 的 ${issue.path.join('.') || '(root)'}：${issue.message}`);
  }
  return { frontmatter: data.data, body: bodyFromMdast(tree, file) };
}
