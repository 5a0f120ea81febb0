import { z } from './zod.ts';

/** One supervision theme of the taxonomy in content/themes.yaml. */
export const themeSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u).describe('ASCII name used in /themes/<slug>/'),
    name: z.string().min(1).describe('The theme as readers know it, e.g. 督政'),
    description: z.string().min(1).describe('One sentence saying what the theme covers'),
    keywords: z.array(z.string().min(1)).min(1).describe('Phrases that put a point under this theme'),
    exclude: z.array(z.string().min(1)).default([]).describe('Phrases removed from the text before matching'),
  })
  .strict();

/** The whole taxonomy: themes in display order, slugs and names unique. */
export const taxonomySchema = z
  .array(themeSchema)
  .min(1)
  .superRefine((themes, context) => {
    for (const key of ['slug', 'name'] as const) {
      const seen = new Set<string>();
      themes.forEach((theme, index) => {
        if (seen.has(theme[key])) context.addIssue({ code: 'custom', path: [index, key], message: `duplicate ${key} “${theme[key]}”` });
        seen.add(theme[key]);
      });
    }
  });

export type Theme = z.infer<typeof themeSchema>;
export type Taxonomy = z.infer<typeof taxonomySchema>;
