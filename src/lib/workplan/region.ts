// Work out which district a document belongs to, using a gazetteer of China's
// province/city/county divisions (@vant/area-data) so that a document naming only 綦江区
// still gets its province.
import { areaList } from '@vant/area-data';
import type { Region } from '../../schemas/workplan.ts';

/** Province-level municipalities, whose districts have no prefecture-level city between. */
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

interface County {
  code: string;
  name: string;
}

let countiesByLength: County[] | undefined;

/** All counties and districts, longest names first so 市中区 wins over 中区. */
function counties(): County[] {
  countiesByLength ??= Object.entries(areaList.county_list)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => b.name.length - a.name.length || a.code.localeCompare(b.code));
  return countiesByLength;
}

/** The region of a county code: its province, its city unless a municipality, and its own name. */
export function regionOfCode(code: string): Region {
  const province = areaList.province_list[`${code.slice(0, 2)}0000`]!;
  const city = areaList.city_list[`${code.slice(0, 4)}00`];
  const district = areaList.county_list[code]!;
  return MUNICIPALITIES.has(code.slice(0, 2)) || !city ? { province, district } : { province, city, district };
}

/** Short forms a text may use for a province or city: 重庆市 → 重庆, 浙江省 → 浙江. */
function mentions(context: string, name: string): number {
  const short = name.replace(/(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/u, '');
  const forms = new Set([name, short.length >= 2 ? short : name]);
  let count = 0;
  for (const form of forms) count += context.split(form).length - 1;
  return count;
}

/** Counties whose names occur in `text`, longest name first (2-character names only if nothing longer matches). */
function countiesIn(text: string): County[] {
  const found = counties().filter((county) => text.includes(county.name));
  const long = found.filter((county) => county.name.length >= 3);
  return long.length > 0 ? long : found;
}

export type RegionResult = { region: Region } | { error: string };

/**
 * Find the district a document is for: the first place (title, then issuers) that names a
 * county-level division; when the name is shared (鼓楼区), the province or city the whole text
 * mentions most decides.
 */
export function detectRegion(places: string[], context: string): RegionResult {
  for (const place of places) {
    const found = countiesIn(place);
    if (found.length === 0) continue;
    const name = found[0]!.name;
    const sameName = found.filter((county) => county.name === name);
    if (sameName.length === 1) return { region: regionOfCode(sameName[0]!.code) };
    const scored = sameName
      .map((county) => {
        const region = regionOfCode(county.code);
        return { county, score: mentions(context, region.province) * 2 + (region.city ? mentions(context, region.city) * 3 : 0) };
      })
      .sort((a, b) => b.score - a.score);
    if (scored[0]!.score > scored[1]!.score) return { region: regionOfCode(scored[0]!.county.code) };
    const options = sameName.map((county) => formatRegion(regionOfCode(county.code))).join('、');
    return { error: `有多个地方叫${name}（${options}）；请用 --region 指定，例如 --region ${formatRegion(regionOfCode(sameName[0]!.code))}` };
  }
  return { error: '标题和发文机关都没有写出区县名称；请用 --region 指定，例如 --region 重庆市/南岸区' };
}

/** Parse a --region value: 重庆市/南岸区 or 浙江省/杭州市/西湖区. */
export function parseRegionOption(value: string): RegionResult {
  const parts = value.split(/[/／]/u).map((part) => part.trim()).filter(Boolean);
  if (parts.length === 2) return { region: { province: parts[0]!, district: parts[1]! } };
  if (parts.length === 3) return { region: { province: parts[0]!, city: parts[1]!, district: parts[2]! } };
  return { error: `--region 应写成 省/区县 或 省/市/区县，而不是“${value}”` };
}

/** Write a region as 省/市/区县 (the --region syntax). */
export function formatRegion(region: Region): string {
  return [region.province, region.city, region.district].filter(Boolean).join('/');
}
