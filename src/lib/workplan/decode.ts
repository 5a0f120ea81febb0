// Turn the bytes of a .txt file into text. Chinese offices publish UTF-8 and GB18030/GBK files,
// sometimes UTF-16 (with or without a byte-order mark). UTF-8 is tried strictly first because
// GB18030 accepts almost any byte sequence. A file that mixes UTF-8 and GB18030 lines (text
// pasted from another file) is refused with the first line in the minority encoding named:
// decoding it whole either way would import mojibake.
import { gb2312Characters } from '../pdf/charset.ts';
import { ImportError } from './errors.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** What kind of file the bytes look like, judged by content rather than by file name. */
export function sniffFormat(bytes: Uint8Array): 'docx' | 'text' | 'binary' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  const hasBom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasBom16 && bytes.includes(0)) return utf16WithoutBom(bytes) ? 'text' : 'binary';
  return 'text';
}

/** Decode text bytes (UTF-8 with or without BOM, UTF-16 with or without BOM, else GB18030) and name the encoding used. */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: TextEncoding } {
  if (bytes.length === 0) throw new ImportError(file, 1, '文件是空的');
  let decoded: { text: string; encoding: TextEncoding };
  const bomless16 = bytes.includes(0) ? utf16WithoutBom(bytes) : undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } else if (bomless16) {
    decoded = bomless16;
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
    } catch {
      decoded = { text: decodeGb18030(bytes, file), encoding: 'gb18030' };
    }
  }
  assertReadable(decoded.text, file);
  return decoded;
}

// ---------------------------------------------------------------------------------------------
// UTF-16 without a byte-order mark

/**
 * Recognise UTF-16 without a BOM: the bytes decode strictly in one byte order to text made of
 * ASCII, CJK and their punctuation, and ASCII (digits, line breaks) puts NUL bytes on one side.
 */
function utf16WithoutBom(bytes: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index] === 0) {
      if (index % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
  }
  // ASCII is 00 xx in big-endian and xx 00 in little-endian; CJK such as 一 (U+4E00) adds a few the other way.
  const encoding = zeroOdd > zeroEven ? 'utf-16le' : 'utf-16be';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  let plausible = 0;
  for (const char of text) if (/[\t\n\r\u0020-\u007e\u00a0-\u00ff\p{Script=Han}\u2000-\u206f\u3000-\u303f\uff00-\uffef]/u.test(char)) plausible++;
  return plausible >= text.length * 0.95 ? { text, encoding } : undefined;
}

// ---------------------------------------------------------------------------------------------
// GB18030, and files that mix it with UTF-8

let commonChars: Set<string> | undefined;

/** Characters ordinary Chinese prose is written in: GB2312, ASCII, CJK and full-width punctuation. */
function isCommon(char: string): boolean {
  commonChars ??= new Set(gb2312Characters());
  return commonChars.has(char) || /[\t\u0020-\u007e\u3000-\u303f\uff01-\uff5e\u201c\u201d\u2018\u2019\u2014\u2026\u00b7]/u.test(char);
}

/** Count of characters of `text` outside the common set; -1 when it has undecodable bytes. */
function uncommonCount(text: string): number {
  if (text.includes('\ufffd')) return -1;
  let count = 0;
  for (const char of text) if (!isCommon(char)) count++;
  return count;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/** `bytes` split at LF (never part of a multi-byte character in UTF-8 or GB18030). */
function byteLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1; index = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, index));
    start = index + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

/** Which encoding a line that is not plain ASCII is clearly written in, if either. */
function lineEncoding(line: Uint8Array): 'utf-8' | 'gb18030' | 'mixed' | undefined {
  const asGb = gb18030.decode(line);
  let asUtf8: string | undefined;
  try {
    asUtf8 = utf8.decode(line);
  } catch {
    asUtf8 = undefined;
  }
  const gbUncommon = uncommonCount(asGb);
  if (asUtf8 === undefined) {
    // Not UTF-8 as a whole: GB18030, unless a run of UTF-8 Chinese sits inside and GB18030 reads it as rare characters.
    if (gbUncommon !== 0 && hasUtf8Run(line)) return 'mixed';
    return 'gb18030';
  }
  if (!/[^\u0000-\u007f]/u.test(asUtf8)) return undefined;
  const utf8Uncommon = uncommonCount(asUtf8);
  // Both readings are possible (short lines): the one made of common characters wins; a tie decides nothing.
  if (utf8Uncommon === 0 && gbUncommon !== 0) return 'utf-8';
  if (gbUncommon === 0 && utf8Uncommon > 0) return 'gb18030';
  return undefined;
}

/** True when `line` holds at least two consecutive UTF-8 encoded characters that are common Chinese. */
function hasUtf8Run(line: Uint8Array): boolean {
  const latin1 = Array.from(line, (byte) => String.fromCharCode(byte)).join('');
  for (const match of latin1.matchAll(/(?:[\xe3-\xe9][\x80-\xbf]{2}){2,}/gu)) {
    const bytes = Uint8Array.from(match[0], (char) => char.charCodeAt(0));
    try {
      const text = utf8.decode(bytes);
      if ([...text].every((char) => /\p{Script=Han}/u.test(char) && isCommon(char))) return true;
    } catch {
      // not UTF-8 after all
    }
  }
  return false;
}

/**
 * Decode bytes that are not UTF-8 as GB18030, refusing a file whose lines are in both encodings
 * (naming the first line in the minority encoding) and a line that is neither.
 */
function decodeGb18030(bytes: Uint8Array, file: string): string {
  const lines = byteLines(bytes);
  const utf8Lines: number[] = [];
  const gbLines: number[] = [];
  for (const [index, line] of lines.entries()) {
    const kind = lineEncoding(line);
    if (kind === 'mixed') {
      throw new ImportError(
        file,
        index + 1,
        '这一行混有 UTF-8 编码的文字，其余是 GB18030（GBK）编码；整份文件按一种编码读都会出现乱码。请在编辑器中把这一行改正（或把整个文件另存为 UTF-8）后再导入',
      );
    }
    if (kind === 'utf-8') utf8Lines.push(index + 1);
    else if (kind === 'gb18030') gbLines.push(index + 1);
  }
  const text = gb18030.decode(bytes);
  if (utf8Lines.length > 0 && gbLines.length > 0) {
    const utf8Majority = utf8Lines.length > gbLines.length;
    const line = utf8Majority ? gbLines[0]! : utf8Lines[0]!;
    const [minority, majority] = utf8Majority ? ['GB18030（GBK）', 'UTF-8'] : ['UTF-8', 'GB18030（GBK）'];
    throw new ImportError(
      file,
      line,
      `这一行是 ${minority} 编码，而文件的其他 ${utf8Majority ? utf8Lines.length : gbLines.length} 行是 ${majority} 编码；混合编码的文件无法可靠读取。请把整个文件另存为 UTF-8 后再导入`,
    );
  }
  return text;
}

/** Throw when decoded text is control characters or undecodable bytes rather than prose. */
export function assertReadable(text: string, file: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, line] of lines.entries()) {
    const bad = /[\u0000-\u0008\u000e-\u001f\ufffd]/u.exec(line);
    if (bad) {
      const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      const what = bad[0] === '\ufffd' ? '无法解码的字节（文件既不是有效的 UTF-8，也不是 GB18030）' : `控制字符 U+${code}`;
      throw new ImportError(file, index + 1, `第 ${bad.index + 1} 列是${what}，这不像文本文件；请导入 .txt 或 .docx 文件`);
    }
  }
  if (text.trim() === '') throw new ImportError(file, 1, '文件只有空白，没有文字');
}
