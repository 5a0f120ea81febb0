import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CvInputError, weightedCv } from '../../../src/lib/stats/cv';

// The verified five-school example (生均图书册数), standards reference §1.4.
const five = [
  { id: '小学1', students: 45, value: 279 / 45 },
  { id: '小学2', students: 37, value: 137 / 37 },
  { id: '小学3', students: 89, value: 935 / 89 },
  { id: '小学4', students: 76, value: 160 / 76 },
  { id: '小学5', students: 55, value: 402 / 55 },
];

describe('enrolment-weighted coefficient of variation', () => {
  it('gives 0.5153 for the verified five-school example, not the unweighted 0.4888', () => {
    const result = weightedCv(five);
    expect(result.cv).toBeCloseTo(0.5153, 4);
    expect(result.mean).toBeCloseTo(1913 / 302, 10);
    expect(result.contributions[0]?.id).toBe('小学3');
    expect(result.contributions.reduce((sum, item) => sum + item.share, 0)).toBeCloseTo(1, 10);
  });

  it('is 0 for one school and for equal values', () => {
    expect(weightedCv([{ id: 'a', students: 100, value: 4.2 }]).cv).toBe(0);
    expect(weightedCv([{ id: 'a', students: 100, value: 3 }, { id: 'b', students: 7, value: 3 }]).cv).toBe(0);
  });

  it('rejects a school with zero students with a message naming it', () => {
    expect(() => weightedCv([...five, { id: '空校', students: 0, value: 1 }])).toThrow(CvInputError);
    expect(() => weightedCv([...five, { id: '空校', students: 0, value: 1 }])).toThrow('学校“空校”的在校生数为 0');
  });

  const schools = fc.array(fc.record({ students: fc.integer({ min: 1, max: 3000 }), value: fc.double({ min: 0.1, max: 1000, noNaN: true }) }), { minLength: 1, maxLength: 30 }).map((list) => list.map((school, index) => ({ id: `s${index}`, ...school })));

  it('does not change when every value is scaled (property)', () => {
    fc.assert(fc.property(schools, fc.double({ min: 0.01, max: 100, noNaN: true }), (list, factor) => {
      expect(weightedCv(list.map((school) => ({ ...school, value: school.value * factor }))).cv).toBeCloseTo(weightedCv(list).cv, 9);
    }));
  });

  it('does not change when the schools are permuted (property)', () => {
    fc.assert(fc.property(schools, (list) => {
      expect(weightedCv([...list].reverse()).cv).toBeCloseTo(weightedCv(list).cv, 10);
    }));
  });
});
