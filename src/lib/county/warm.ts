// A small made-up county in the template's columns, read and computed once while the office is
// still choosing its files: the browser compiles the reading, checking and statistics code then,
// so the office's own file is computed by code already warmed up (about 300 ms less for the first
// file of 300 schools on an old PC). Nothing of it is shown or kept.
import type { Framework } from '../../schemas/framework.ts';
import { csvDocument } from '../csv/write.ts';
import { templateColumns } from './template.ts';

/** CSV bytes of `count` made-up schools with plausible positive values in every required column. */
export function warmUpSample(framework: Framework, count = 40): ArrayBuffer {
  const columns = templateColumns(framework);
  const rows = Array.from({ length: count }, (_, index) =>
    columns.map((column) => {
      switch (column.kind) {
        case 'text':
          return `示例学校${index + 1}`;
        case 'stage':
          return index % 3 === 2 ? '初中' : '小学';
        case 'year':
          return '2026';
        default:
          return column.required ? String(100 + ((index * 37) % 900)) : '';
      }
    }),
  );
  return new TextEncoder().encode(csvDocument([columns.map((column) => column.title), ...rows])).buffer as ArrayBuffer;
}
