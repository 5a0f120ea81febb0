// Words of the readable framework, as the published page and an opened framework file show them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bandConditionText, conditionTexts, levelsText, sourceText, thresholdRows } from '../../../src/lib/framework/describe';
import { readFrameworkFile } from '../../../src/lib/framework/file';
import type { Framework, Point } from '../../../src/schemas/framework';

const opened = readFrameworkFile(readFileSync(join(import.meta.dirname, '../../fixtures/frameworks/four-of-five.yaml'), 'utf8'), 'four-of-five.yaml');
if (!opened.ok) throw new Error(opened.errors.join('\n'));
const framework: Framework = opened.framework;

describe('describe', () => {
  it('words each band’s condition, the last one as the rest', () => {
    expect(framework.bands.map((_, index) => bandConditionText(framework, index))).toEqual(['全部要点达标', '综合规则全部符合', '其他情形']);
  });

  it('adds vetoes to the last band when the framework has one', () => {
    const withVeto = structuredClone(framework);
    withVeto.dimensions[1]!.indicators[0]!.points[0]!.veto = '不达标即不通过';
    expect(bandConditionText(withVeto, 2)).toBe('其他情形，或任一一票否决事项');
  });

  it('words when a point applies', () => {
    const titles = new Map([['boarding', '有寄宿生']]);
    const point = { when: { stages: ['小学', '初中'], point: 'boarding', equals: true } } as unknown as Point;
    expect(conditionTexts(point, titles)).toEqual(['仅小学、初中', '当“有寄宿生”为是时']);
  });

  it('words levels, thresholds and sources', () => {
    expect(levelsText([{ label: '优秀', score: 1, met: true }, { label: '待改进', score: 0.25, met: false }])).toBe('优秀（100%）、待改进（25%，未达标）');
    expect(thresholdRows(framework.dimensions[1]!.indicators[0]!.points[0]!.criterion!, framework, '分')).toEqual([{ text: '≥ 10 分' }]);
    expect(sourceText({ title: '《测试文件》', number: '教督〔2017〕6号', clause: '第三条', tag: 'V' })).toBe('《测试文件》 教督〔2017〕6号 第三条');
  });
});
