// Notes are shown as printed: the display split marks labels but never drops or changes a character.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noteSegments } from '../../../src/lib/workplan/patterns';

const join = (note: string) => noteSegments(note).map((segment) => segment.text).join('');
const labels = (note: string) => noteSegments(note).filter((segment) => segment.label).map((segment) => segment.text);

describe('noteSegments', () => {
  it('marks each label and keeps the rest as printed', () => {
    expect(noteSegments('（责任单位：区教委，区政府教育督导室）')).toEqual([
      { text: '（', label: false },
      { text: '责任单位：', label: true },
      { text: '区教委，区政府教育督导室）', label: false },
    ]);
    expect(labels('（牵头单位：区教委；配合单位：各镇街）')).toEqual(['牵头单位：', '配合单位：']);
  });

  it('keeps a part after ； that has no label, and a literal character reference', () => {
    expect(join('（责任单位：督导室；各中小学）')).toBe('（责任单位：督导室；各中小学）');
    expect(labels('（责任单位：督导室；各中小学）')).toEqual(['责任单位：']);
    expect(join('（责任单位：&lt;督导室&gt;；a;b）')).toBe('（责任单位：&lt;督导室&gt;；a;b）');
  });

  it('joins back to the note for any text', () => {
    const chars = fc.constantFrom(...'（）()；;：:、，, 责任单位区教委&lt');
    fc.assert(fc.property(fc.array(chars, { maxLength: 30 }).map((parts) => parts.join('')), (note) => join(note) === note));
  });
});
