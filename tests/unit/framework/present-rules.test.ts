// Rule sentences, outcomes and shortfalls come from the rule data: a 4-of-5 / 80 % fixture reads
// correctly in the form's words, the PDF report and the county view and summary.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { computeCounty } from '../../../src/lib/county/compute';
import { metCountText, schoolRuleSentence } from '../../../src/lib/county/present';
import { percentText, ruleOutcome, ruleSentence, shortfalls } from '../../../src/lib/framework/outcome';
import { scoreFramework } from '../../../src/lib/framework/score';
import { emptyAnswers } from '../../../src/lib/framework/draft';
import { layoutReport, type Op } from '../../../src/lib/pdf/layout';
import { countySections } from '../../../src/lib/pdf/county';
import { frameworkSchema } from '../../../src/schemas/framework';
import { loadFramework } from './load';

const fixture = frameworkSchema.parse(parse(readFileSync(join(import.meta.dirname, '../../fixtures/frameworks/four-of-five.yaml'), 'utf8')));
const measure = (text: string, size: number) => [...text].length * size * 0.3528;
const texts = (ops: Op[]) => ops.filter((op): op is Extract<Op, { kind: 'text' }> => op.kind === 'text').map((op) => op.text).join('');

describe('rule words from rule data', () => {
  it('writes the rule of each framework from its numbers', () => {
    expect(ruleSentence(fixture.rules[0]!)).toBe('5 项中至少 4 项达标，其余不低于标准的 80%');
    expect(ruleSentence(loadFramework('youzhi-junheng-xuexiao').rules[0]!)).toBe('7 项中至少 6 项达标，其余不低于标准的 85%');
  });

  it('never rounds a share up to a limit it does not reach', () => {
    expect([percentText(0.8), percentText(0.85), percentText(0.849), percentText(0.9047), percentText(1.2)]).toEqual(['80%', '85%', '84%', '90%', '120%']);
  });

  const answers = { students: 500, a1: 12, a2: 10, a3: 11, a4: 7.5, a5: 9 };
  const result = scoreFramework(fixture, answers, { stage: '小学' });

  it('states the outcome with the fixture’s counts and share', () => {
    expect(ruleOutcome(fixture.rules[0]!, result.rules[0]!)).toBe('不符合（达标 3 项，要求至少 4 项；低于标准 80% 的 1 项）');
    expect(shortfalls(fixture, result).map((item) => item.text)).toEqual(['丁项指标 7.5 分，为标准的 75%', '戊项指标 9 分，为标准的 90%']);
  });

  it('prints the same words in the PDF report', () => {
    const file = emptyAnswers(fixture);
    file.subject = { ...file.subject, name: '测试小学', stage: '小学' };
    file.answers = answers;
    const text = texts(layoutReport(fixture, measure, { file, result, today: '2026-12-03' }).pages.flatMap((page) => page.ops));
    expect(text).toContain('不符合（达标 3 项，要求至少 4 项；低于标准 80% 的 1 项）');
    expect(text).toContain('丁项指标 7.5 分，为标准的 75%');
    expect(text).not.toMatch(/85%|至少 6|\/ 7/u);
  });

  it('uses the fixture’s rule and indicator count in the county view and summary', () => {
    const records = [
      { name: '甲', stage: '小学' as const, year: 2026, answers, file: 'x.csv', source: 'x.csv 第2行' },
      { name: '乙', stage: '小学' as const, year: 2026, answers: { ...answers, a4: 12, a5: 12 }, file: 'x.csv', source: 'x.csv 第3行' },
    ];
    const county = computeCounty(fixture, records, { splitNineYear: false });
    expect(county.indicators).toHaveLength(5);
    expect(metCountText(county.schools[0]!.metCount, county.indicators.length)).toBe('3/5');
    expect(schoolRuleSentence(fixture)).toBe('5 项中至少 4 项达标，其余不低于标准的 80%');
    const summary = JSON.stringify(countySections(fixture, county));
    expect(summary).toContain('5 项中至少 4 项达标，其余不低于标准的 80%');
    expect(summary).toContain('3/5');
    expect(summary).not.toMatch(/85%|\/7/u);
  });
});

describe('components carry no domain numbers of their own', () => {
  const dirs = ['src/components/selfcheck', 'src/components/county', 'src/lib/pdf'];
  it.each(dirs)('%s writes no rule count, share or limit', (dir) => {
    const root = join(import.meta.dirname, '../../..', dir);
    for (const name of readdirSync(root)) {
      const source = readFileSync(join(root, name), 'utf8');
      expect(source, name).not.toMatch(/85%|至少\s*6|\/7|0\.50|0\.45|\$\{year\}\|\$\{stage\}|\|\$\{item\.stage\}/u);
    }
  });
});
