import { vitePreprocess } from '@astrojs/svelte';

export default {
  preprocess: vitePreprocess(),
  // No `window.__svelte.v` version marker in the islands' JavaScript.
  compilerOptions: { discloseVersion: false },
};
