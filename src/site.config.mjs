// The one place for the portal's identity. astro.config.mjs, the layouts and the
// tests all read it, so a district that deploys its own copy edits only this file.

/** @type {{ name: string; shortName: string; organisation: string; description: string; url: string; base: string }} */
export const siteConfig = {
  name: '督导通',
  shortName: '督导通',
  organisation: '督导通开源项目',
  description: '教育督导工作要点、督导手册、指标体系与学校自评的静态门户，数据只保存在您的浏览器中。',
  // Public origin of the deployed site, used for canonical URLs and the sitemap.
  // (guarded: the PDF export reads this file in the browser, where there is no process)
  url: (typeof process !== 'undefined' && process.env.SITE_URL) || 'https://dudao.example.org',
  // Path prefix when served from a sub-folder (e.g. '/dudao'); '/' at the root.
  base: '/',
};
