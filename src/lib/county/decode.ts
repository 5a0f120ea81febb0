// What a school's file is, judged by its bytes rather than its name, and its text decoded as
// Chinese offices save it: Excel on Chinese Windows writes CSV in GBK/GB18030 ("CSV（逗号分隔）"),
// UTF-8 with a BOM ("CSV UTF-8") or UTF-16 ("Unicode 文本", tab-separated). UTF-8 is tried strictly
// before GB18030, which accepts almost any bytes.

export type FileKind = 'empty' | 'xlsx' | 'xls' | 'text' | 'binary';

/** The kind of file the bytes are. */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  if (utf16Order(bytes) !== null) return 'text';
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) if (byte === 0 || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c)) control++;
  return control > 0 ? 'binary' : 'text';
}

/** UTF-16 byte order from a BOM, or from the zero bytes of mostly-ASCII UTF-16 without one. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const pairs = Math.min(bytes.length, 8192) / 2;
  let evenZero = 0;
  let oddZero = 0;
  for (let index = 0; index < pairs * 2; index += 2) {
    if (bytes[index] === 0) evenZero++;
    if (bytes[index + 1] === 0) oddZero++;
  }
  // UTF-8 and GB18030 text has no zero bytes; UTF-16 has one in every ASCII character (digits,
  // commas, line ends), on the odd side for little-endian. Binary data has them on both sides.
  if (oddZero >= 8 && oddZero > evenZero * 4) return 'utf-16le';
  if (evenZero >= 8 && evenZero > oddZero * 4) return 'utf-16be';
  return null;
}

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' } | { ok: false; message: string };

/** Decode a text file's bytes, or say in Chinese why it is not text. */
export function decodeText(bytes: Uint8Array): Decoded {
  const kind = sniffFile(bytes);
  if (kind === 'empty') return { ok: false, message: '文件为空' };
  if (kind !== 'text') return { ok: false, message: '不是文本或表格文件，无法读取' };
  const order = utf16Order(bytes);
  let decoded: Decoded;
  if (order) {
    decoded = { ok: true, text: new TextDecoder(order).decode(bytes), encoding: order };
  } else {
    try {
      decoded = { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      decoded = { ok: true, text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
    }
  }
  const text = decoded.text.replace(/^\ufeff/u, '');
  if (text.trim() === '') return { ok: false, message: '文件为空' };
  if (/[\u0000-\u0008\u000e-\u001f]/u.test(text)) return { ok: false, message: '不是文本或表格文件，无法读取' };
  if (/\ufffd/u.test(text)) return { ok: false, message: '文件中有无法识别的字符：请在 Excel 中“另存为”CSV（逗号分隔）或 CSV UTF-8 后重新选择' };
  return { ...decoded, text };
}
