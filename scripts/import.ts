// `npm run import -- <file.txt|file.docx>... [--out content/workplans] [--force] [--slug s] [--region 省/区] [--kind 工作要点]`
// Import published work plans into MDX files. Prints what it removed or moved on purpose and
// anything worth checking. Writes atomically (temporary file, then rename), never overwrites a
// different existing file without --force, and exits non-zero with `file:line: message` on bad input.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError } from '../src/lib/workplan/errors.ts';
import { importWorkplanFiles } from '../src/lib/workplan/importer.ts';
import { parseRegionOption } from '../src/lib/workplan/region.ts';

const usage = 'usage: npm run import -- <file.txt|file.docx>... [--out content/workplans] [--force] [--slug slug] [--region 省/市/区县] [--kind 工作要点|实施方案]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'content/workplans' },
    force: { type: 'boolean', default: false },
    slug: { type: 'string' },
    region: { type: 'string' },
    kind: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help || positionals.length === 0) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
if (values.slug && positionals.length > 1) {
  console.error('--slug 只对应一份文档；使用它时请一次导入一个文件');
  process.exit(2);
}
let region;
if (values.region) {
  const parsed = parseRegionOption(values.region);
  if ('error' in parsed) {
    console.error(parsed.error);
    process.exit(2);
  }
  region = parsed.region;
}
if (values.kind && values.kind !== '工作要点' && values.kind !== '实施方案') {
  console.error(`--kind 只能是 工作要点 或 实施方案，而不是 ${values.kind}`);
  process.exit(2);
}
/** The output file exists with other content and --force was not given. */
class OutputExists extends Error {}

const kind = values.kind as '工作要点' | '实施方案' | undefined;

/** A path as printed in messages: quoted with escapes when it holds a line break or other invisible character. */
function shown(path: string): string {
  return /[\p{Cc}\p{Cf}\u2028\u2029]/u.test(path) ? JSON.stringify(path) : path;
}

/** Chinese messages for the file-system errors reading a source can end with. */
const FS_MESSAGES: Record<string, string> = {
  ENOENT: '没有这个文件',
  EISDIR: '这是一个文件夹，不是文件；请给出其中的 .txt 或 .docx 文件',
  EACCES: '没有读取这个文件的权限',
  EPERM: '没有读取这个文件的权限',
  ENAMETOOLONG: '文件名太长',
  ENOTDIR: '路径中有一部分不是文件夹',
  ELOOP: '路径中的符号链接形成了循环',
};

let failed = 0;
for (const path of positionals) {
  try {
    if (!existsSync(path)) throw new ImportError(path, undefined, FS_MESSAGES.ENOENT!);
    if (statSync(path).isDirectory()) throw new ImportError(path, undefined, FS_MESSAGES.EISDIR!);
    const started = performance.now();
    // The same function as the publish page's: it names content/workplans/<slug>.mdx; --out picks another folder.
    const { mdxPath, mdxText, removals, warnings, result } = await importWorkplanFiles(basename(path), readFileSync(path), { region, kind, slug: values.slug });
    const target = join(values.out, basename(mdxPath));
    const status = writeAtomically(target, mdxText, values.force);
    const ms = (performance.now() - started).toFixed(1);
    console.log(`${shown(path)} → ${relative(process.cwd(), target)} (${status}, ${result.format === 'docx' ? 'docx' : result.encoding}, ${ms} ms)`);
    if (!values.quiet) {
      for (const artefact of removals) console.log(`  ${shown(path)}:${artefact.line}: ${artefact.kind}: ${artefact.description}`);
      for (const warning of warnings) console.log(`  注意：${warning}`);
    }
  } catch (error) {
    failed++;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (error instanceof ImportError) console.error(`${shown(path)}${error.line === undefined ? '' : `:${error.line}`}: ${error.detail}`);
    else if (error instanceof OutputExists) console.error(`${shown(path)}: ${error.message}`);
    else if (code && FS_MESSAGES[code]) console.error(`${shown(path)}: ${FS_MESSAGES[code]}`);
    else {
      // Never a stack trace for the office: one line, and the detail for whoever maintains the importer.
      console.error(`${shown(path)}: 内部错误，导入失败，没有写入任何文件（${(error as Error)?.message ?? String(error)}）；请把这个文件和这条消息报告给维护者`);
    }
  }
}
process.exit(failed > 0 ? 1 : 0);


/** Write `content` to `target` through a temporary file in the same folder; refuse to replace a different file unless forced. */
function writeAtomically(target: string, content: string, force: boolean): 'written' | 'replaced' | 'unchanged' {
  const exists = existsSync(target);
  if (exists && readFileSync(target, 'utf8') === content) return 'unchanged';
  if (exists && !force) throw new OutputExists(`${target} 已存在且内容不同；要替换它请加 --force`);
  mkdirSync(join(target, '..'), { recursive: true });
  const temporary = join(target, '..', `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return exists ? 'replaced' : 'written';
}
