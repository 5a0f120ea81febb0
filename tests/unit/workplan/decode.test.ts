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
    expect(() => decodeText(new Uint8Array(), 'empty.txt')).toThrow(/^empty\.txt:1: 文件是空的$/u);
  });

  it('refuses control characters as binary, naming the line', () => {
    const bytes = new TextEncoder().encode('标题\n正文\n\u0001\u0002');
    expect(() => decodeText(bytes, 'odd.txt')).toThrow(/^odd\.txt:3: 第 1 列是控制字符 U\+0001，这不像文本文件/u);
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

describe('mixed and unusual encodings', () => {
  /** The GB18030 fixture's lines as bytes (LF is never inside a GB18030 character). */
  function gbLines(): Uint8Array[] {
    const lines: Uint8Array[] = [];
    let start = 0;
    for (let at = gbFixture.indexOf(0x0a); at !== -1; at = gbFixture.indexOf(0x0a, start)) {
      lines.push(gbFixture.subarray(start, at));
      start = at + 1;
    }
    if (start < gbFixture.length) lines.push(gbFixture.subarray(start));
    return lines;
  }
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const joinLines = (lines: Uint8Array[]) => {
    const out: number[] = [];
    lines.forEach((line, index) => out.push(...line, ...(index < lines.length - 1 ? [0x0a] : [])));
    return new Uint8Array(out);
  };
  const fixtureText = new TextDecoder('gb18030').decode(gbFixture);

  it('refuses a GB18030 file with a UTF-8 line, naming that line', () => {
    const lines = gbLines();
    lines.splice(5, 0, utf8('4.加强督导评估监测。'));
    expect(() => decodeText(joinLines(lines), 'mixed.txt')).toThrow(/^mixed\.txt:6: 这一行是 UTF-8 编码，而文件的其他 \d+ 行是 GB18030（GBK） 编码/u);
  });

  it('refuses a GB18030 file with a UTF-8 phrase inside a line, naming that line', () => {
    const lines = gbLines();
    const line = lines[4]!; // 1.完善督导机构。…
    lines[4] = new Uint8Array([...line.subarray(0, 6), ...utf8('督导评估'), ...line.subarray(6)]);
    expect(() => decodeText(joinLines(lines), 'phrase.txt')).toThrow(/^phrase\.txt:5: 这一行混有 UTF-8 编码的文字/u);
  });

  it('refuses a UTF-8 file with one GB18030 line, naming that line rather than calling it binary', () => {
    const lines: Uint8Array[] = fixtureText.split('\n').map(utf8);
    lines[6] = gbLines()[6]!; // 二、加强队伍建设
    expect(() => decodeText(joinLines(lines), 'one-gb.txt')).toThrow(/^one-gb\.txt:7: 这一行是 GB18030（GBK） 编码，而文件的其他 \d+ 行是 UTF-8 编码/u);
  });

  it('reads UTF-16 without a byte-order mark, little- and big-endian', () => {
    const units = [...fixtureText].map((char) => char.charCodeAt(0));
    const le = new Uint8Array(units.flatMap((unit) => [unit & 0xff, unit >> 8]));
    const be = new Uint8Array(units.flatMap((unit) => [unit >> 8, unit & 0xff]));
    expect(sniffFormat(le)).toBe('text');
    expect(decodeText(le, 'le.txt')).toEqual({ text: fixtureText, encoding: 'utf-16le' });
    expect(sniffFormat(be)).toBe('text');
    expect(decodeText(be, 'be.txt')).toEqual({ text: fixtureText, encoding: 'utf-16be' });
  });

  it('still calls a file with NUL bytes that is not UTF-16 binary', () => {
    expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('binary');
  });
});
