// What the current build contains, for handbook links into other sections: built once per build
// from the content collections and the routes present in src/pages/. Not pure (reads astro:content).
import { getCollection } from 'astro:content';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { glossaryPath, glossaryTerms } from './glossary';
import { findDivisionId, parsePosition, resolveLink, type NumberedDivision, type SiteIndex } from './links';

export interface HandbookSiteIndex extends SiteIndex {
  /** Work-plan pages by the source file they were imported from (content/sources/…). */
  workplansBySource: ReadonlyMap<string, { path: string; divisions: readonly NumberedDivision[] }>;
}

const pagesDir = join(process.cwd(), 'src', 'pages');

/** True when src/pages/<section>/ has a dynamic route ([slug].astro, [...id].astro, …). */
function hasDynamicRoute(section: string): boolean {
  const dir = join(pagesDir, section);
  return existsSync(dir) && readdirSync(dir).some((name) => name.startsWith('['));
}

/** True when src/pages/<section>/index.astro (or <section>.astro) exists. */
function hasIndexRoute(section: string): boolean {
  return existsSync(join(pagesDir, section, 'index.astro')) || existsSync(join(pagesDir, `${section}.astro`));
}

async function buildIndex(): Promise<HandbookSiteIndex> {
  const pages = new Set<string>();
  const anchors = new Map<string, Set<string>>();
  const workplansBySource = new Map<string, { path: string; divisions: NumberedDivision[] }>();

  for (const section of ['workplans', 'frameworks', 'self-check', 'county', 'handbooks', 'themes']) {
    if (hasIndexRoute(section)) pages.add(`/${section}/`);
  }

  if (hasDynamicRoute('workplans')) {
    // The work-plan pages' own reading of each file (its syntax tree, not a text scan), shared with
    // them: at province scale, reading every plan a second time cost more than a second of the build.
    const { loadWorkplans } = await import('../../components/workplan/data');
    for (const { entry, body } of await loadWorkplans()) {
      const path = `/workplans/${entry.id}/`;
      const divisions = body.divisions;
      pages.add(path);
      const ids = new Set<string>();
      const collect = (list: readonly NumberedDivision[]) =>
        list.forEach((division) => (ids.add(division.id), collect(division.children)));
      collect(divisions);
      anchors.set(path, ids);
      const source = (entry.data as { source?: { file?: string } }).source?.file;
      if (source) workplansBySource.set(source, { path, divisions });
    }
  }

  const frameworks = await getCollection('frameworks');
  for (const section of ['frameworks', 'self-check']) {
    if (!hasDynamicRoute(section)) continue;
    for (const entry of frameworks) pages.add(`/${section}/${entry.id}/`);
  }

  for (const entry of await getCollection('handbooks')) pages.add(`/handbooks/${entry.id}/`);
  anchors.set(glossaryPath, new Set(glossaryTerms.map((term) => term.id)));

  return { pages, anchors, workplansBySource };
}

let cached: Promise<HandbookSiteIndex> | undefined;

/** Return the index of this build (computed once). */
export function getSiteIndex(): Promise<HandbookSiteIndex> {
  cached ??= buildIndex();
  return cached;
}

/**
 * The base-less path of a published document's page, with the anchor of the division at `position`
 * when it is found; undefined when the document is not published in this build. `where` names the
 * citing page in the console warning for a document or position that is not found.
 */
export function sourceDocumentPath(
  index: HandbookSiteIndex,
  sourceFile: string,
  position: string | undefined,
  where: string,
): string | undefined {
  const page = index.workplansBySource.get(sourceFile);
  if (!page) {
    warnOnce(where, sourceFile, '文件尚未作为工作要点发布，链接已省略');
    return undefined;
  }
  if (!position) return page.path;
  const id = findDivisionId(page.divisions, parsePosition(position));
  if (!id) warnOnce(where, `${sourceFile} ${position}`, '文件中找不到该条款，改为链接到文件页面');
  return id ? `${page.path}#${id}` : page.path;
}

const warned = new Set<string>();

/** Print a build warning once per page and target. */
function warnOnce(where: string, target: string, what: string): void {
  if (warned.has(`${where} ${target}`)) return;
  warned.add(`${where} ${target}`);
  console.warn(`[handbooks] ${where}: ${target} — ${what}`);
}

/** Resolve a link for a handbook; a target that is not built is reported once on the console. */
export function resolveForHandbook(index: SiteIndex, target: string, where: string): string | undefined {
  const resolved = resolveLink(target, index);
  if (resolved.status === 'missing') warnOnce(where, target, '页面尚未生成，链接已省略');
  if (resolved.status === 'page-only') warnOnce(where, target, '锚点不存在，改为链接到页面顶部');
  return resolved.status === 'missing' ? undefined : resolved.path;
}
