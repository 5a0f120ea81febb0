// Chinese and Arabic numerals as they appear in numbering (一、 （十二） 3.) and dates (二〇二五年).

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Return the value of a Chinese numeral up to 九百九十九 (一, 十二, 二十, 一百零五), or undefined. */
export function parseHanNumeral(text: string): number | undefined {
  if (!/^[〇零一二两三四五六七八九十百]+$/u.test(text)) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const char of text) {
    if (char === '百' || char === '十') {
      const unit = char === '百' ? 100 : 10;
      total += (digit ?? 1) * unit;
      digit = undefined;
    } else {
      digit = DIGITS[char];
    }
  }
  return total + (digit ?? 0);
}

/** Return the value of digit-by-digit Chinese numerals (二〇二五) or of Arabic digits, full-width included. */
export function parseDigits(text: string): number | undefined {
  const ascii = toAsciiDigits(text);
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (/^[〇零一二三四五六七八九]+$/u.test(text)) return Number([...text].map((c) => DIGITS[c]).join(''));
  return parseHanNumeral(text);
}

/** Replace full-width digits ０-９ with ASCII digits. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/gu, (c) => String(c.charCodeAt(0) - 0xff10));
}

const HAN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Write `value` (1–999) as a Chinese numeral the way numbering does: 一, 十, 十二, 二十一, 一百零五. */
export function formatHanNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 999) return String(value);
  if (value < 10) return HAN_DIGITS[value]!;
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const ones = value % 10;
  let out = '';
  if (hundreds) out += `${HAN_DIGITS[hundreds]}百`;
  if (tens) out += `${hundreds || tens > 1 ? HAN_DIGITS[tens] : ''}十`;
  else if (hundreds && ones) out += '零';
  if (ones) out += HAN_DIGITS[ones];
  return out;
}
