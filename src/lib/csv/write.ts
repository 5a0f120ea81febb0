// The one CSV writer for every file the site offers (county results, the county template, later
// ledgers). RFC 4180 quoting, CRLF line ends, a UTF-8 BOM so Excel on Chinese Windows reads the
// Chinese headers, and OWASP's defence against CSV injection: a text cell beginning with = + - @,
// a tab or a carriage return is prefixed with an apostrophe so no spreadsheet runs it as a formula.
// Numbers are written as numbers (a negative number is data, not a formula).

export type CsvValue = string | number | null | undefined;

const formulaStart = /^[=+\-@\t\r]/u;

/** One cell: neutralised when it could start a formula, quoted when it holds a quote, comma or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** A whole CSV document from rows of cells. */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
