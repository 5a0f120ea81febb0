// Dates as Chinese readers write them.

/** Format a date as 2025年4月27日 (calendar date in UTC, as content dates are parsed from YYYY-MM-DD). */
export function formatChineseDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/** Format a date as YYYY-MM-DD for a <time datetime> attribute. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
