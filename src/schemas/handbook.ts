import { z } from './zod.ts';

/**
 * The audiences a handbook is written for; the shelf is grouped by them in this order.
 * 通用 holds reference pages every reader uses, such as the glossary (术语表).
 */
export const handbookAudiences = ['学校', '责任督学', '督导部门', '通用'] as const;

/** The verification tags of src/lib/sources: verified, secondary source, recalled and unverified. */
export const verificationTags = ['V', 'S', 'M'] as const;

/** A source a handbook cites: a seed document or a standard, with its verification tag. */
export const sourceSchema = z.object({
  title: z.string().min(1).describe('Document title without 《》, e.g. 中小学校责任督学挂牌督导办法'),
  number: z.string().optional().describe('Document number, e.g. 国教督办〔2013〕6号'),
  clause: z.string().optional().describe('Article or clause cited, e.g. 第四条'),
  tag: z.enum(verificationTags).describe('V 已核对原文 · S 据二手资料 · M 待核对'),
  href: z.string().optional().describe('Link to the document on this site, if it is published here'),
});

/** Frontmatter of a handbook (督导手册) page. */
export const handbookSchema = z.object({
  title: z.string().min(1).describe('Page title'),
  description: z.string().min(10).describe('One or two sentences: what the reader gets from this page'),
  audience: z.enum(handbookAudiences).describe('Who the page is written for'),
  order: z.number().int().describe('Position on the shelf within its audience'),
  updated: z.coerce.date().describe('Date of the last content change'),
  sources: z.array(sourceSchema).min(1).describe('Documents the page draws on'),
});

export type Handbook = z.infer<typeof handbookSchema>;
export type HandbookSource = z.infer<typeof sourceSchema>;
