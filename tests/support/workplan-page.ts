// Read the document text of a built work-plan page and compare character counts.
import type { HTMLElement } from 'node-html-parser';

/**
 * The text of the document on a work-plan page: the element marked data-workplan-document,
 * without the table of contents, the links to each division and the theme tags (which are not from the source).
 */
export function documentText(root: HTMLElement): string {
  const document = root.querySelector('[data-workplan-document]');
  if (!document) return '';
  for (const added of document.querySelectorAll('nav, .division__link, .themes')) added.remove();
  return document.text;
}

/**
 * Characters of `expected` (less each of `removed`) that `actual` lacks, counted with
 * multiplicity: { character: how many are missing }. Empty when nothing is missing.
 */
export function missingCharacters(expected: string, actual: string, removed: string[] = []): Record<string, number> {
  const counts = new Map<string, number>();
  for (const char of expected) counts.set(char, (counts.get(char) ?? 0) + 1);
  for (const char of removed.join('')) counts.set(char, (counts.get(char) ?? 0) - 1);
  for (const char of actual) counts.set(char, (counts.get(char) ?? 0) - 1);
  return Object.fromEntries([...counts].filter(([, count]) => count > 0));
}
