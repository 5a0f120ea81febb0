// The words of a document in reading order. The lossless check compares this with the source;
// the theme index and the pages read point text through the same functions.
import type { Block, Division, WorkplanBody } from '../../schemas/workplan.ts';

/** Text pieces of blocks in order: paragraphs, list markers and items, notes. */
export function blockText(blocks: Block[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'paragraph') return [block.text];
    if (block.type === 'note') return [block.text];
    return block.items.flatMap((item) => [item.marker, item.text]);
  });
}

/** Text pieces of a division and its descendants: number, heading, blocks, children. */
export function divisionText(division: Division): string[] {
  return [division.number, division.heading, ...blockText(division.blocks), ...division.children.flatMap(divisionText)];
}

/** Every piece of text of a document body in reading order, exactly as stored. */
export function documentText(body: WorkplanBody): string[] {
  const { masthead, notice, closing } = body;
  return [
    ...(masthead ? [...masthead.issuers, masthead.documentNumber ?? ''] : []),
    ...(notice
      ? [
          notice.title ?? '',
          notice.recipients ?? '',
          ...notice.paragraphs,
          ...notice.attachments,
          ...notice.signature,
          notice.date ?? '',
          notice.publication ?? '',
        ]
      : []),
    body.title,
    ...blockText(body.preamble),
    ...body.divisions.flatMap(divisionText),
    ...closing.paragraphs,
    ...closing.signature,
    closing.date ?? '',
    closing.publication ?? '',
    ...closing.attachments,
    closing.cc ?? '',
    ...closing.printed,
  ].filter((piece) => piece !== '');
}

/** The words of a point for matching themes: its heading, paragraphs and enumerations (not its notes). */
export function pointMatchText(division: Division): string {
  const own = division.blocks.flatMap((block) =>
    block.type === 'paragraph' ? [block.text] : block.type === 'list' ? block.items.map((item) => item.text) : [],
  );
  return [division.heading, ...own].join('');
}

/** All divisions of a body, depth first, with their ancestors (outermost first). */
export function walkDivisions(divisions: Division[], ancestors: Division[] = []): { division: Division; ancestors: Division[] }[] {
  return divisions.flatMap((division) => [
    { division, ancestors },
    ...walkDivisions(division.children, [...ancestors, division]),
  ]);
}

/** The divisions that carry content of their own and no sub-divisions: the points (or clauses) of a document. */
export function leafDivisions(body: WorkplanBody): { division: Division; ancestors: Division[] }[] {
  return walkDivisions(body.divisions).filter(({ division }) => division.children.length === 0 && division.level !== 'section');
}
