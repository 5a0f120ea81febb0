// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import sitemap from '@astrojs/sitemap';
import { siteConfig } from './src/site.config.mjs';

export default defineConfig({
  site: siteConfig.url,
  base: siteConfig.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), svelte(), sitemap()],
  // Content pages ship no JavaScript; islands opt in with client:* directives.
  prefetch: false,
});
