// Reading a framework file a school received: every published framework reads, and each hostile or
// broken kind is refused with its Chinese message naming the line or the field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFrameworkBytes, readFrameworkFile } from '../../../src/lib/framework/file';
import { frameworkDir, frameworkFiles } from './load';

const fixture = readFileSync(join(import.meta.dirname, '../../fixtures/frameworks/four-of-five.yaml'), 'utf8');
const errors = (text: string, name = 'file.yaml') => {
  const result = readFrameworkFile(text, name);
  return result.ok ? [] : result.errors;
};
const a5 = '- { id: a5, title: 戊项指标, input: { kind: number, unit: 分, decimals: 2, min: 0 },';
const a4 = '- { id: a4, title: 丁项指标, input: { kind: number, unit: 分, decimals: 2, min: 0 },';

describe('readFrameworkFile', () => {
  it.each(frameworkFiles)('reads the published framework %s', (name) => {
    const result = readFrameworkFile(readFileSync(join(frameworkDir, name), 'utf8'), name);
    expect(result.ok ? result.framework.id : result.errors).toBe(name.replace(/\.yaml$/u, ''));
  });

  it('reads the fixture with its formula trees and a stable hash', () => {
    const result = readFrameworkFile(fixture, 'four-of-five.yaml');
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.framework.title).toBe('测试指标体系（五项取四）');
    expect(result.framework.rules[0]?.count).toBe(4);
    expect(result.hash).toBe('14b0a3e26aab57bec9d120af1f6183f6449c03adcaa6ed3201d2f670f215b65e');
  });

  it('gives the same hash to the same framework as JSON, and another to a changed one', () => {
    const json = JSON.stringify(parse(fixture), null, 2);
    const asJson = readFrameworkFile(json, 'four-of-five.json');
    expect(asJson.ok && asJson.hash).toBe('14b0a3e26aab57bec9d120af1f6183f6449c03adcaa6ed3201d2f670f215b65e');
    const changed = readFrameworkFile(fixture.replace('count: 4', 'count: 3'), 'four-of-five.yaml');
    expect(changed.ok && changed.hash).not.toBe('14b0a3e26aab57bec9d120af1f6183f6449c03adcaa6ed3201d2f670f215b65e');
  });

  it('refuses a file over 1 MB', () => {
    expect(errors(`# ${'x'.repeat(1024 * 1024)}`)).toEqual(['文件过大（1.0 MB），指标体系文件不能超过 1 MB；请确认选对了文件']);
  });

  it('refuses an empty file', () => {
    expect(errors(' \n')).toEqual(['文件为空']);
  });

  it('refuses deeply nested brackets before parsing, in YAML and JSON', () => {
    const deep = `${'['.repeat(100000)}${']'.repeat(100000)}`;
    expect(errors(`a: ${deep}`)).toEqual(['数据嵌套过深（超过 24 层），不是指标体系文件的结构，已拒绝']);
    expect(errors(deep, 'file.json')).toEqual(['数据嵌套过深（超过 24 层），不是指标体系文件的结构，已拒绝']);
  });

  it('refuses deep YAML block nesting, naming where', () => {
    const deep = Array.from({ length: 40 }, (_, level) => `${'  '.repeat(level)}k${level}:`).join('\n');
    expect(errors(deep)).toEqual(['数据嵌套过深（超过 24 层，在字段 k0.k1.k2.k3.k4.k5…），不是指标体系文件的结构，已拒绝']);
  });

  it('refuses a YAML alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    expect(errors(bomb)).toEqual(['文件中的 YAML 引用（*名称）展开后过多（超过 200 次），可能是故意构造的文件，已拒绝']);
  });

  it('refuses an alias to no anchor', () => {
    expect(errors('a: *nothing\n')).toEqual(['不是有效的 YAML 文件：引用（*名称）指向不存在的锚点（&名称）']);
  });

  it('names the line of a YAML syntax error', () => {
    expect(errors(fixture.replace('stages: [小学, 初中]', 'stages: [小学, 初中'))).toEqual(['不是有效的 YAML 文件：第 11 行第 1 列缩进不对']);
    expect(errors('id: x\n\ttitle: y\n')).toEqual(['不是有效的 YAML 文件：第 2 行第 1 列用了制表符（Tab）缩进，请改用空格']);
    expect(errors(`${fixture}\ntitle: again\n`)).toEqual(['不是有效的 YAML 文件：第 65 行第 1 列同一层中字段名重复']);
  });

  it('names the line of a JSON syntax error', () => {
    expect(errors('{"id": "x",\n "title": "y"', 'file.json')).toEqual(['不是有效的 JSON 文件：第 2 行第 14 列附近格式错误（可能内容不完整或被改动过）']);
  });

  it('refuses data that is not an object', () => {
    expect(errors('[1, 2]', 'file.json')).toEqual(['文件内容不是指标体系：应当是以 id、title、version 等字段组成的一个对象']);
    expect(errors('hello')).toEqual(['文件内容不是指标体系：应当是以 id、title、version 等字段组成的一个对象']);
  });

  it('names unknown fields with their full path', () => {
    expect(errors(fixture.replace('summary: 测试用。', 'summary: 测试用。\nscript: alert(1)'))).toEqual(['字段 script：指标体系文件中没有这个字段（可能拼写错误，或来自其他程序）']);
    expect(errors(fixture.replace('title: 甲项指标,', 'title: 甲项指标, colour: red,'))).toEqual([
      '字段 dimensions.第2项.indicators.第1项.points.第1项.colour：指标体系文件中没有这个字段（可能拼写错误，或来自其他程序）',
    ]);
  });

  it('refuses a formula naming an unknown point', () => {
    expect(errors(fixture.replace(a5, "- { id: a5, title: 戊项指标, input: { kind: derived, formula: 'a1 / nosuch' },"))).toEqual([
      '字段 dimensions.第2项.indicators.第5项.points.第1项.input.formula：公式引用了不存在的要点 “nosuch”',
    ]);
  });

  it('refuses a formula cycle', () => {
    const cyclic = fixture.replace(a4, "- { id: a4, title: 丁项指标, input: { kind: derived, formula: 'a5 + 1' },").replace(a5, "- { id: a5, title: 戊项指标, input: { kind: derived, formula: 'a4 * 2' },");
    expect(errors(cyclic)).toEqual(['字段 dimensions.第2项.indicators.第4项.points.第1项.input.formula：公式循环引用：a4 → a5 → a4']);
  });

  it('refuses a formula outside the safe grammar', () => {
    expect(errors(fixture.replace(a5, "- { id: a5, title: 戊项指标, input: { kind: derived, formula: 'alert(1)' },"))).toEqual([
      '字段 dimensions.第2项.indicators.第5项.points.第1项.input.formula：公式无法解析：未知的函数“alert”，可用 min、max、ceil、floor',
    ]);
  });

  it('reports schema errors with the field path', () => {
    expect(errors(fixture.replace('count: 4', 'count: four'))).toEqual(['字段 rules.第1项.count：无效输入：期望 数字，实际接收 文字']);
    expect(errors(fixture.replace('issuer: 测试\n', ''))).toEqual(['字段 issuer：无效输入：期望 文字，实际接收 空']);
  });
});

describe('readFrameworkBytes', () => {
  it('reads a GB18030 file as Windows editors save it, with the hash of the UTF-8 one', () => {
    const result = readFrameworkBytes(readFileSync(join(import.meta.dirname, '../../fixtures/frameworks/four-of-five-gbk.yaml')), 'four-of-five-gbk.yaml');
    expect(result.ok && [result.framework.title, result.hash]).toEqual(['测试指标体系（五项取四）', '14b0a3e26aab57bec9d120af1f6183f6449c03adcaa6ed3201d2f670f215b65e']);
  });

  it('refuses a binary file and one over 1 MB without parsing', () => {
    expect(readFrameworkBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'x.docx')).toEqual({ ok: false, errors: ['不是 YAML 或 JSON 文本文件（可能选成了 Word、Excel 或图片文件），无法读取'] });
    expect(readFrameworkBytes(new Uint8Array(2 * 1024 * 1024), 'x.yaml')).toEqual({ ok: false, errors: ['文件过大（2.0 MB），指标体系文件不能超过 1 MB；请确认选对了文件'] });
  });
});
