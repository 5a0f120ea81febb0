import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createTermMatcher, glossaryTermById, glossaryTerms } from '../../../src/lib/handbook/glossary';

const match = createTermMatcher();
const found = (text: string) => match(text).map((m) => `${m.text}→${m.entry.id}`);

describe('glossary terms', () => {
  it('have unique ASCII anchor ids and unique spellings', () => {
    const ids = glossaryTerms.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    const spellings = glossaryTerms.flatMap((t) => [t.term, ...(t.aliases ?? [])]);
    expect(new Set(spellings).size).toBe(spellings.length);
  });

  it('include every term the issue asks for', () => {
    const terms = glossaryTerms.map((t) => t.term);
    for (const term of ['督政', '督学', '评估监测', '责任督学', '挂牌督导', '优质均衡', '普及普惠', '差异系数', '回头看',
      '督导意见书', '约谈', '问责', '三色督导', '三事分流', '双减', '五项管理']) {
      expect(terms).toContain(term);
    }
  });

  it('each have an entry on the glossary page, and the page has no entry without a term', () => {
    const page = readFileSync('content/handbooks/glossary.mdx', 'utf8');
    const entries = [...page.matchAll(/<GlossaryEntry\s+id="([^"]+)"/g)].map((m) => m[1]);
    expect(entries).toEqual(glossaryTerms.map((t) => t.id));
  });

  it('are found by id', () => {
    expect(glossaryTermById('huitoukan')?.term).toBe('回头看');
    expect(glossaryTermById('nope')).toBeUndefined();
  });
});

describe('createTermMatcher', () => {
  it('prefers the longest term where terms overlap', () => {
    expect(found('责任督学每月进校')).toEqual(['责任督学→zeren-duxue']);
    expect(found('政府督学和督学责任区')).toEqual(['督学→duxue', '督学责任区→duxue-zerenqu']);
  });

  it('finds every occurrence, left to right, with its position', () => {
    const matches = match('约谈后仍不整改的，予以问责；约谈记录存档。');
    expect(matches.map((m) => [m.index, m.text])).toEqual([
      [0, '约谈'],
      [11, '问责'],
      [14, '约谈'],
    ]);
  });

  it('links spellings with quotation marks inside to the same entry', () => {
    expect(found('建立“三色”督导机制')).toEqual(['“三色”督导→sanse-dudao']);
    expect(found('“双减”督导')).toEqual(['双减→shuangjian']);
  });

  it('skips terms inside a document title', () => {
    expect(found('《教育督导问责办法》规定了问责情形')).toEqual(['问责→wenze']);
    expect(match('《教育督导问责办法》规定了问责情形')[0]?.index).toBe(13);
  });

  it('returns nothing for text without terms and for an empty term list', () => {
    expect(match('今天天气很好')).toEqual([]);
    expect(createTermMatcher([])('督政')).toEqual([]);
  });
});
