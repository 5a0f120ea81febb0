// The handbook shelf: which page sits where, grouped by audience, and the reading order
// that previous/next links follow.
import { handbookAudiences } from '../../schemas/handbook';

export type HandbookAudience = (typeof handbookAudiences)[number];

/** The fields of a handbook entry the shelf needs; Astro collection entries satisfy it. */
export interface ShelfEntry {
  id: string;
  data: { title: string; audience: HandbookAudience; order: number };
}

export interface ShelfGroup<T extends ShelfEntry> {
  audience: HandbookAudience;
  entries: T[];
}

/** Compare two entries: audience in shelf order, then `order`, then title and id as tie-breakers. */
function compareEntries(a: ShelfEntry, b: ShelfEntry): number {
  return (
    handbookAudiences.indexOf(a.data.audience) - handbookAudiences.indexOf(b.data.audience) ||
    a.data.order - b.data.order ||
    a.data.title.localeCompare(b.data.title, 'zh-CN') ||
    a.id.localeCompare(b.id)
  );
}

/** Return the entries in reading order: by audience (学校, 责任督学, 督导部门, 通用), then by `order`. */
export function sortShelf<T extends ShelfEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(compareEntries);
}

/** Group the entries by audience in shelf order; audiences without pages are left out. */
export function groupShelf<T extends ShelfEntry>(entries: readonly T[]): ShelfGroup<T>[] {
  const sorted = sortShelf(entries);
  return handbookAudiences
    .map((audience) => ({ audience, entries: sorted.filter((entry) => entry.data.audience === audience) }))
    .filter((group) => group.entries.length > 0);
}

/** Return the pages before and after `id` in reading order (undefined at either end or for an unknown id). */
export function prevNext<T extends ShelfEntry>(entries: readonly T[], id: string): { prev?: T; next?: T } {
  const sorted = sortShelf(entries);
  const index = sorted.findIndex((entry) => entry.id === id);
  if (index < 0) return {};
  const prev = sorted[index - 1];
  const next = sorted[index + 1];
  return { ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
}
