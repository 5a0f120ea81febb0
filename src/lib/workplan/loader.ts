// The content loader of the work plans (src/content.config.ts): each MDX file's frontmatter,
// validated by the collection's schema, and nothing else.
//
// Astro's glob loader registers every .mdx entry as a module for deferred rendering, so the build
// compiled each work plan through Vite: at 3,000 plans that was most of the bundling time and of
// the build's 2.4 GB peak memory. The work-plan page renders the file from its syntax tree instead
// (src/components/workplan/WorkplanNodes.astro), read by the same reader that checks its
// structure, so the collection only needs the facts. Unchanged files (same digest) are not parsed
// again; files that are gone are removed from the store.
import type { Loader, LoaderContext } from 'astro/loaders';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/** The YAML between the opening and closing `---` lines, or an error naming the file. */
export function frontmatterOf(source: string, file: string): Record<string, unknown> {
  const match = /^\uFEFF?---\r?\n([^]*?)\r?\n---\r?(?:\n|$)/u.exec(source);
  if (!match) throw new Error(`${file}：文件开头缺少 --- 包围的 frontmatter`);
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch (error) {
    throw new Error(`${file}：frontmatter 不是有效的 YAML（${(error as Error).message.split('\n')[0]}）`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}：frontmatter 要是“字段: 值”的列表`);
  return data as Record<string, unknown>;
}

/** Work-plan MDX files under `base` (relative to the project root, or absolute), by id (the file name without .mdx). */
export function workplanLoader(base: string): Loader {
  return {
    name: 'dudao-workplans',
    load: async (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      const dir = resolve(root, base);
      const sync = async (name: string) => {
        const path = join(dir, name);
        const contents = readFileSync(path, 'utf8');
        const id = name.replace(/\.mdx$/u, '');
        const filePath = relative(root, path).split('\\').join('/');
        const digest = context.generateDigest(contents);
        const existing = context.store.get(id);
        if (existing && existing.digest === digest && existing.filePath === filePath) return id;
        const data = await context.parseData({ id, data: frontmatterOf(contents, filePath), filePath: path });
        context.store.set({ id, data, filePath, digest });
        return id;
      };
      const files = () => readdirSync(dir).filter((name) => name.endsWith('.mdx'));
      const seen = new Set<string>();
      for (const name of files()) seen.add(await sync(name));
      for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);

      // `astro dev`: follow edits, new files and deletions.
      const watched = (path: string) => resolve(path).startsWith(dir) && path.endsWith('.mdx');
      context.watcher?.add(dir);
      const resync = (path: string) => {
        if (!watched(path)) return;
        sync(relative(dir, path)).catch((error: Error) => context.logger.error(error.message));
      };
      context.watcher?.on('change', resync);
      context.watcher?.on('add', resync);
      context.watcher?.on('unlink', (path) => {
        if (watched(path)) context.store.delete(relative(dir, path).replace(/\.mdx$/u, ''));
      });
    },
  };
}
