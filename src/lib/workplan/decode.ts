// Turn the bytes of a .txt file into text. Chinese offices publish UTF-8 and GB18030/GBK files;
// UTF-8 is tried strictly first because GB18030 accepts almost any byte sequence.
import { ImportError } from './errors.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** What kind of file the bytes look like, judged by content rather than by file name. */
export function sniffFormat(bytes: Uint8Array): 'docx' | 'text' | 'binary' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  const hasBom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasBom16 && bytes.includes(0)) return 'binary';
  return 'text';
}

/** Decode text bytes (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030) and name the encoding used. */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: TextEncoding } {
  if (bytes.length === 0) throw new ImportError(file, 1, 'the file is empty');
  let decoded: { text: string; encoding: TextEncoding };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
    } catch {
      decoded = { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
    }
  }
  assertReadable(decoded.text, file);
  return decoded;
}

/** Throw when decoded text is control characters or undecodable bytes rather than prose. */
export function assertReadable(text: string, file: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, line] of lines.entries()) {
    const bad = /[\u0000-\u0008\u000e-\u001f\ufffd]/u.exec(line);
    if (bad) {
      const code = bad[0].codePointAt(0)!.toString(16).padStart(4, '0');
      throw new ImportError(
        file,
        index + 1,
        `this looks like a binary file, not text (character U+${code} at column ${bad.index + 1}); import a .txt or .docx file`,
      );
    }
  }
  if (text.trim() === '') throw new ImportError(file, 1, 'the file contains only whitespace');
}
