// Sentence-level splitting inside a division: the lead sentence that serves as a point's
// heading, and enumerations written inline as 一是…，二是…，三是….
import type { ListItem } from '../../schemas/workplan.ts';

const OPEN = '《“（(「『【〔‘';
const CLOSE = '》”）)」』】〕’';

/** Split off the lead sentence: the text up to the first 。！？ outside brackets and quotes. */
export function splitLead(text: string): { lead: string; rest: string } {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (OPEN.includes(char)) depth++;
    else if (CLOSE.includes(char)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '。！？'.includes(char)) {
      return { lead: text.slice(0, index + 1), rest: text.slice(index + 1).trim() };
    }
  }
  return { lead: text, rest: '' };
}

const HAN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/**
 * Split an inline enumeration 一是…二是…: returns the text before 一是 and the items, or no
 * items when the paragraph has fewer than two markers in order, each after a sentence break.
 */
export function splitEnumeration(text: string): { intro: string; items: ListItem[] } {
  const starts: number[] = [];
  let from = 0;
  for (const ordinal of HAN_ORDINALS) {
    const marker = `${ordinal}是`;
    let found = -1;
    for (let index = text.indexOf(marker, from); index !== -1; index = text.indexOf(marker, index + 1)) {
      const before = index === 0 ? '' : text[index - 1]!;
      if (index === 0 || '。；;：:！？'.includes(before)) {
        found = index;
        break;
      }
    }
    if (found === -1) break;
    starts.push(found);
    from = found + marker.length;
  }
  if (starts.length < 2) return { intro: text, items: [] };
  const items = starts.map((start, index) => {
    const marker = `${HAN_ORDINALS[index]}是`;
    const end = starts[index + 1] ?? text.length;
    return { marker, text: text.slice(start + marker.length, end).trim() };
  });
  return { intro: text.slice(0, starts[0]).trim(), items };
}
