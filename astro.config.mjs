// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import sitemap from '@astrojs/sitemap';
import { siteConfig } from './src/site.config.mjs';
import rehypeGlossaryLinks from './src/lib/handbook/rehype-glossary-links.ts';

export default defineConfig({
  site: siteConfig.url,
  base: siteConfig.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Handbook pages link each glossary term's first occurrence to its entry in 术语表.
  integrations: [mdx({ rehypePlugins: [[rehypeGlossaryLinks, { base: siteConfig.base }]] }), svelte(), sitemap()],
  // Content pages ship no JavaScript; islands opt in with client:* directives.
  prefetch: false,
});
