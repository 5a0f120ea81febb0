// Content collections. Each schema lives in src/schemas/ and is the single source of truth for
// its type. DUDAO_CONTENT_DIR lets the tests build against a copy of content/ (e.g. with a broken
// file) without touching the real one.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { workplanLoader } from './lib/workplan/loader';
import { workplanSchema } from './schemas/workplan';
import { handbookSchema } from './schemas/handbook';
import { frameworkSchema } from './schemas/framework';

const contentDir = process.env.DUDAO_CONTENT_DIR ?? './content';

// Work plans: the collection holds each file's frontmatter only (src/lib/workplan/loader.ts). Pages
// read and render the file itself (src/components/workplan/data.ts, WorkplanNodes.astro), so no
// plan is compiled into a module of the build and no text is held twice in memory or in
// .astro/data-store.json.
const workplans = defineCollection({
  loader: workplanLoader(`${contentDir}/workplans`),
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
