// ASCII slugs for URLs and file names, from the year, the district and the kind of document:
// 2025年 南岸区 工作要点 → 2025-nanan-gongzuoyaodian. Pinyin comes from pinyin-pro; place names
// it reads wrongly (polyphonic characters) are corrected below.
import { pinyin } from 'pinyin-pro';
import type { WorkplanFrontmatter } from '../../schemas/workplan.ts';

/** Readings of place names that differ from the characters' everyday pinyin. */
const PLACE_PINYIN: Record<string, string> = {
  闵行: 'minhang',
  乐亭: 'laoting',
  单县: 'shanxian',
  洪洞: 'hongtong',
  长寿: 'changshou',
  番禺: 'panyu',
  六安: 'luan',
  蚌埠: 'bengbu',
  铅山: 'yanshan',
  临朐: 'linqu',
  东阿: 'dong-e',
};

const KIND_SLUGS: Record<WorkplanFrontmatter['kind'], string> = {
  工作要点: 'gongzuoyaodian',
  实施方案: 'shishifangan',
};

/** Lower-case ASCII pinyin of `text`, without tones or separators; other characters are dropped. */
export function toPinyin(text: string): string {
  let out = '';
  let rest = text;
  while (rest) {
    const known = Object.keys(PLACE_PINYIN).find((name) => rest.startsWith(name));
    if (known) {
      out += PLACE_PINYIN[known];
      rest = rest.slice(known.length);
      continue;
    }
    const next = rest.search(new RegExp(Object.keys(PLACE_PINYIN).join('|'), 'u'));
    const chunk = next === -1 ? rest : rest.slice(0, Math.max(1, next));
    out += pinyin(chunk, { toneType: 'none', type: 'array', v: true }).join('');
    rest = rest.slice(chunk.length);
  }
  return out.toLowerCase().replace(/[^a-z0-9-]/gu, '');
}

/** Slug of a district, without its 区/县/市/旗 suffix: 南岸区 → nanan. */
export function regionSlug(district: string): string {
  const stem = district.replace(/(?:自治县|自治旗|林区|特区|新区|区|县|市|旗)$/u, '');
  return toPinyin(stem.length >= 2 ? stem : district);
}

/** The default slug of a document: year, district and kind, e.g. 2025-nanan-gongzuoyaodian. */
export function workplanSlug(frontmatter: Pick<WorkplanFrontmatter, 'year' | 'region' | 'kind'>): string {
  return `${frontmatter.year}-${regionSlug(frontmatter.region.district)}-${KIND_SLUGS[frontmatter.kind]}`;
}

/** True for a slug usable as a file name and URL segment. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(slug);
}
