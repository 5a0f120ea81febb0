import { z } from './zod.ts';

// A work-plan document (工作要点 / 实施方案) has two halves:
// - the frontmatter (`workplanSchema`): facts about the document, validated by the content collection;
// - the body (`workplanBodySchema`): the document itself as a tree that keeps every word of the
//   source in reading order. The MDX file stores the body as components (see src/lib/workplan/mdx.ts).

/** Where a document applies: province-level unit, optional prefecture-level city, district or county. */
export const regionSchema = z
  .object({
    province: z.string().min(1).describe('省级行政区, e.g. 重庆市 or 浙江省'),
    city: z.string().min(1).optional().describe('地级市; absent for the districts of 北京、上海、天津、重庆'),
    district: z.string().min(1).describe('区县, e.g. 南岸区'),
  })
  .strict();

/** Frontmatter of a work-plan document imported from a published file. */
export const workplanSchema = z
  .object({
    title: z.string().min(1).describe('Document title, e.g. 2025年南岸区教育督导工作要点'),
    kind: z.enum(['工作要点', '实施方案']).describe('Kind of document, read from the end of the title'),
    region: regionSchema.describe('Where the document applies'),
    year: z.number().int().min(1990).max(2100).describe('The year the document is for'),
    issuers: z.array(z.string().min(1)).describe('Issuing bodies (发文机关), in the order printed; empty when the source names none'),
    date: z.coerce.date().optional().describe('Issue date (成文日期) of the document or of its cover notice'),
    documentNumber: z.string().min(1).optional().describe('发文字号, e.g. 闵府教督办〔2022〕1号'),
    recipients: z.array(z.string().min(1)).default([]).describe('主送机关 of the cover notice, one entry per body'),
    cc: z.array(z.string().min(1)).default([]).describe('抄送机关 from the closing matter'),
    source: z
      .object({
        file: z.string().min(1).describe('File name of the original source under content/sources/'),
        sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the source file bytes'),
      })
      .strict()
      .describe('The published file this document was imported from'),
  })
  .strict();

/** A plain paragraph of body text. */
export const paragraphBlockSchema = z
  .object({ type: z.literal('paragraph'), text: z.string().min(1).describe('Paragraph text, whitespace-normalised') })
  .strict();

/** One item of an enumeration inside a point: 一是…, 二是…, or a line （1）…. */
export const listItemSchema = z
  .object({
    marker: z.string().min(1).describe('The marker as printed: 一是, （1）'),
    text: z.string().describe('The text after the marker'),
  })
  .strict();

/** An enumeration (一是…二是…) split out of a point. */
export const listBlockSchema = z
  .object({ type: z.literal('list'), items: z.array(listItemSchema).min(1) })
  .strict();

/** The responsible-unit note, e.g. （责任单位：区教委、区政府教育督导室）, kept as printed. */
export const noteBlockSchema = z
  .object({ type: z.literal('note'), text: z.string().min(1).describe('The note as printed, brackets included') })
  .strict();

/** A piece of body content inside the preamble or a division. */
export const blockSchema = z.discriminatedUnion('type', [paragraphBlockSchema, listBlockSchema, noteBlockSchema]);

/** How deep a numbered division sits: 一、 sections, （一） clauses, 1. points. */
export const divisionLevelSchema = z.enum(['section', 'clause', 'point']);

/** A numbered part of the document: a section, clause or point, with its nested divisions. */
export const divisionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/).describe('Stable anchor derived from the numbering, e.g. s1-p2'),
    level: divisionLevelSchema,
    number: z.string().min(1).describe('The number as printed: 一、 （三） 2.'),
    heading: z.string().describe('Section title, or the lead sentence of a clause or point (up to its first 。)'),
    blocks: z.array(blockSchema).describe('Content after the heading, in order'),
    get children() {
      return z.array(divisionSchema);
    },
  })
  .strict();

/** The cover notice (印发通知) that publishes the document, as printed. */
export const noticeSchema = z
  .object({
    title: z.string().optional().describe('关于印发…的通知'),
    recipients: z.string().optional().describe('主送 line as printed, ending with ：'),
    paragraphs: z.array(z.string().min(1)).describe('正文 of the notice'),
    attachments: z.array(z.string().min(1)).describe('附件 lines'),
    signature: z.array(z.string().min(1)).describe('署名: issuing bodies at the foot of the notice'),
    date: z.string().optional().describe('成文日期 as printed, e.g. 2025年4月27日'),
    publication: z.string().optional().describe('附注 such as （此件公开发布）'),
  })
  .strict();

/** The document head: the issuing bodies' banner (发文机关标志) and document number. */
export const mastheadSchema = z
  .object({
    issuers: z.array(z.string().min(1)).describe('发文机关标志 lines'),
    documentNumber: z.string().optional().describe('发文字号'),
  })
  .strict();

/** Matter after the last point (结束语, 署名, 版记), wherever it was printed in the source. */
export const closingSchema = z
  .object({
    paragraphs: z.array(z.string().min(1)).describe('结束语 after the last numbered division'),
    signature: z.array(z.string().min(1)).describe('署名 at the end of the document'),
    date: z.string().optional().describe('成文日期 at the end of the document'),
    publication: z.string().optional().describe('附注 such as （此件公开发布）'),
    attachments: z.array(z.string().min(1)).describe('附件 lines'),
    cc: z.string().optional().describe('抄送 line as printed'),
    printed: z.array(z.string().min(1)).describe('印发 lines: printing office and date'),
  })
  .strict();

/** The body of a work-plan document: every part of the source in reading order. */
export const workplanBodySchema = z
  .object({
    masthead: mastheadSchema.optional(),
    notice: noticeSchema.optional(),
    title: z.string().min(1).describe('The document title as printed (lines joined)'),
    preamble: z.array(blockSchema).describe('总体思路/总体要求 before the first division'),
    divisions: z.array(divisionSchema).describe('Top-level numbered divisions'),
    closing: closingSchema,
  })
  .strict();

export type Region = z.infer<typeof regionSchema>;
export type WorkplanFrontmatter = z.infer<typeof workplanSchema>;
/** Frontmatter as written to the file (defaults not yet applied). */
export type WorkplanFrontmatterInput = z.input<typeof workplanSchema>;
export type Block = z.infer<typeof blockSchema>;
export type ListItem = z.infer<typeof listItemSchema>;
export type DivisionLevel = z.infer<typeof divisionLevelSchema>;
export type Division = z.infer<typeof divisionSchema>;
export type Notice = z.infer<typeof noticeSchema>;
export type Masthead = z.infer<typeof mastheadSchema>;
export type Closing = z.infer<typeof closingSchema>;
export type WorkplanBody = z.infer<typeof workplanBodySchema>;

/** A whole document: frontmatter plus body. */
export const workplanDocumentSchema = z.object({ frontmatter: workplanSchema, body: workplanBodySchema }).strict();
export type WorkplanDocument = z.infer<typeof workplanDocumentSchema>;
