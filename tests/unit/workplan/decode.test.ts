// Reading the bytes of a source: UTF-8, GB18030/GBK, UTF-16; empty and binary files are refused
// with a message naming the file and line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, sniffFormat } from '../../../src/lib/workplan/decode';
import { importWorkplan } from '../../../src/lib/workplan/importer';

const gbFixture = readFileSync('tests/fixtures/workplan/gb18030-changshou.txt');

describe('decodeText', () => {
  it('reads GB18030 bytes that are not valid UTF-8', () => {
    const { text, encoding } = decodeText(gbFixture, 'gb.txt');
    expect(encoding).toBe('gb18030');
    expect(text.split('\n')[0]).toBe('2024年长寿区教育督导工作要点');
  });

  it('reads UTF-8 with a byte-order mark and UTF-16 with one', () => {
    const text = '2024年长寿区教育督导工作要点';
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeText(utf8, 'a.txt')).toEqual({ text, encoding: 'utf-8' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from([...text].map((c) => c.charCodeAt(0))).buffer)]);
    expect(decodeText(utf16, 'a.txt')).toEqual({ text, encoding: 'utf-16le' });
  });

  it('refuses an empty file, naming file and line', () => {
    expect(() => decodeText(new Uint8Array(), 'empty.txt')).toThrow(/^empty\.txt:1: the file is empty$/u);
  });

  it('refuses control characters as binary, naming the line', () => {
    const bytes = new TextEncoder().encode('标题\n正文\n\u0001\u0002');
    expect(() => decodeText(bytes, 'odd.txt')).toThrow(/^odd\.txt:3: this looks like a binary file/u);
  });

  it('tells .docx, binary and text apart by content', () => {
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('docx');
    expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toBe('binary');
    expect(sniffFormat(gbFixture)).toBe('text');
  });
});

describe('importWorkplan on a GB18030 file', () => {
  it('imports it like UTF-8 and records the hash of the original bytes', async () => {
    const result = await importWorkplan(gbFixture, { sourceName: 'gb18030-changshou.txt' });
    expect(result.encoding).toBe('gb18030');
    expect(result.slug).toBe('2024-changshou-gongzuoyaodian');
    expect(result.doc.frontmatter.region).toEqual({ province: '重庆市', district: '长寿区' });
    expect(result.doc.frontmatter.source.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(result.doc.body.divisions.flatMap((s) => s.children).map((p) => p.heading)).toEqual([
      '完善督导机构。',
      '落实“双减”督导。',
      '配齐配强督学。',
    ]);
  });
});
