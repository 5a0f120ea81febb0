// Content collections. Each schema lives in src/schemas/ and is the single source of truth for
// its type. DUDAO_CONTENT_DIR lets the tests build against a copy of content/ (e.g. with a broken
// file) without touching the real one.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { workplanSchema } from './schemas/workplan';
import { handbookSchema } from './schemas/handbook';
import { frameworkSchema } from './schemas/framework';

const contentDir = process.env.DUDAO_CONTENT_DIR ?? './content';

// Work plans keep no copy of their text in the content store (retainBody: false): pages read the
// file itself (src/components/workplan/data.ts), and thousands of plans would otherwise be held
// twice in the build's memory and in .astro/data-store.json.
const workplans = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${contentDir}/workplans`, retainBody: false }),
  schema: workplanSchema,
});

const handbooks = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${contentDir}/handbooks` }),
  schema: handbookSchema,
});

const frameworks = defineCollection({
  loader: glob({ pattern: '**/*.{yaml,yml}', base: `${contentDir}/frameworks` }),
  schema: frameworkSchema,
});

export const collections = { workplans, handbooks, frameworks };
