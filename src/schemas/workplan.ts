import { z } from 'zod';

/** Frontmatter of a work-plan document (工作要点 / 实施方案) imported from a published file. */
export const workplanSchema = z.object({
  title: z.string().min(1).describe('Document title, e.g. 2025年南岸区教育督导工作要点'),
  kind: z.enum(['工作要点', '实施方案']).describe('Kind of document'),
  region: z
    .object({
      province: z.string().min(1),
      city: z.string().optional(),
      district: z.string().min(1),
    })
    .describe('Where the document applies'),
  year: z.number().int().min(1990).max(2100).describe('The year the document is for'),
  issuers: z.array(z.string().min(1)).describe('Issuing bodies, in the order printed'),
  date: z.coerce.date().optional().describe('Issue date'),
  documentNumber: z.string().optional().describe('发文字号, e.g. 闵府教督办〔2022〕1号'),
});

export type WorkplanFrontmatter = z.infer<typeof workplanSchema>;
