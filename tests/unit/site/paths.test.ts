import { describe, expect, it } from 'vitest';
import { href, isInSection } from '../../../src/lib/paths';

describe('href', () => {
  it('prefixes site paths with the base and leaves anchors and absolute URLs alone', () => {
    expect(href('/workplans/')).toBe('/workplans/');
    expect(href('workplans/')).toBe('/workplans/');
    expect(href('#p1')).toBe('#p1');
    expect(href('https://example.org/a')).toBe('https://example.org/a');
  });
});

describe('isInSection', () => {
  it('marks a page as inside its section but not inside a sibling with a common prefix', () => {
    expect(isInSection('/workplans/2025-nanan/', '/workplans/')).toBe(true);
    expect(isInSection('/workplans', '/workplans/')).toBe(true);
    expect(isInSection('/workplans-old/', '/workplans/')).toBe(false);
    expect(isInSection('/', '/workplans/')).toBe(false);
  });
});
