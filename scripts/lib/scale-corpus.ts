// A generated work-plan corpus for scale measurements and the build-output test of the catalogues:
// a temporary copy of the project whose content/workplans/ holds the seed plans plus generated ones.
// Each generated plan is a seed plan with a real district (from the gazetteer the importer uses,
// @vant/area-data) and a rotated year; its text is otherwise the seed's own. Never touches content/.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { areaList } from '@vant/area-data';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { workplanSchema, type Region } from '../../src/schemas/workplan.ts';
import { regionOfCode } from '../../src/lib/workplan/region.ts';
import { regionSlug, workplanSlug } from '../../src/lib/workplan/slug.ts';

/** Years a generated district's plans rotate through. */
export const scaleYears = Array.from({ length: 12 }, (_, i) => 2015 + i);

/** Districts in gazetteer order, starting with 重庆市 (the seeds' province), one per slug. */
function districts(exclude: Set<string>): Region[] {
  const codes = Object.keys(areaList.county_list).sort();
  const ordered = [...codes.filter((c) => c.startsWith('50')), ...codes.filter((c) => !c.startsWith('50'))];
  const seen = new Set(exclude);
  const out: Region[] = [];
  for (const code of ordered) {
    const region = regionOfCode(code);
    if (!region.province || !region.district || /市辖区|其它区|省直辖/.test(region.district)) continue;
    const slug = regionSlug(region.district);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    out.push(region);
  }
  return out;
}

interface Seed {
  frontmatter: Record<string, unknown> & { title: string; year: number; kind: '工作要点' | '实施方案'; region: Region };
  body: string;
}

function readSeed(file: string): Seed {
  const text = readFileSync(file, 'utf8');
  const end = text.indexOf('\n---\n', 4);
  const frontmatter = parseYaml(text.slice(4, end)) as Seed['frontmatter'];
  return { frontmatter, body: text.slice(end + 5) };
}

/**
 * Write `total` work plans into `workplansDir`: the seeds found there plus generated ones. Each
 * generated district gets one plan per kind and year (every kind's seeds taken in turn).
 */
export function generateWorkplans(workplansDir: string, total: number, years: number[] = scaleYears): string[] {
  const seedFiles = readdirSync(workplansDir).filter((f) => f.endsWith('.mdx')).sort();
  const seeds = seedFiles.map((f) => readSeed(join(workplansDir, f)));
  const byKind = new Map<string, Seed[]>();
  for (const seed of seeds) byKind.set(seed.frontmatter.kind, [...(byKind.get(seed.frontmatter.kind) ?? []), seed]);
  const kinds = [...byKind.keys()].sort();
  const pool = districts(new Set(seeds.map((s) => regionSlug(s.frontmatter.region.district))));
  const written: string[] = [];
  let n = 0;
  for (let i = 0; seeds.length + written.length < total; i += 1) {
    const kind = kinds[i % kinds.length]!;
    const year = years[Math.floor(i / kinds.length) % years.length]!;
    const region = pool[Math.floor(i / (kinds.length * years.length))];
    if (!region) throw new Error(`not enough districts for ${total} plans`);
    const kindSeeds = byKind.get(kind)!;
    const seed = kindSeeds[n++ % kindSeeds.length]!;
    const old = seed.frontmatter;
    const title = old.title.replaceAll(old.region.district, region.district).replaceAll(`${old.year}年`, `${year}年`);
    const frontmatter: Seed['frontmatter'] = { ...old, title, year, region };
    if (old.date instanceof Date || typeof old.date === 'string') {
      const date = new Date(old.date as string | Date);
      date.setUTCFullYear(year);
      frontmatter.date = date.toISOString().slice(0, 10);
    }
    workplanSchema.parse({ ...frontmatter });
    const body = seed.body.replaceAll(old.title, title).replaceAll(old.region.district, region.district);
    const slug = workplanSlug(frontmatter);
    const yaml = stringifyYaml(frontmatter).replaceAll(old.region.district, region.district);
    writeFileSync(join(workplansDir, `${slug}.mdx`), `---\n${yaml}---\n${body}`);
    written.push(slug);
  }
  return written;
}

/** Copy the project (without node_modules, dist, caches; node_modules symlinked) into a temporary folder. */
export function copyProject(projectDir: string, name: string): string {
  const dir = join(tmpdir(), name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const skip = new Set(['node_modules', 'dist', '.git', '.astro', 'coverage', 'test-results', 'astro-cache']);
  for (const entry of readdirSync(projectDir)) {
    if (skip.has(entry)) continue;
    cpSync(join(projectDir, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(resolve(projectDir, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** A temporary project with `total` work plans; returns its folder. */
export function scaleProject(projectDir: string, total: number, name = `dudao-scale-${total}`): string {
  const dir = copyProject(projectDir, name);
  if (!existsSync(join(dir, 'content', 'workplans'))) throw new Error('no content/workplans in the copy');
  generateWorkplans(join(dir, 'content', 'workplans'), total);
  return dir;
}
