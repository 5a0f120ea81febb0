// Which built pages may ship JavaScript: only those that host an interactive island or the
// search UI. Everything else is a content page and must ship none.
export const pagesWithJavaScript: RegExp[] = [
  /^\/search\/$/,
  /^\/self-check\/[^/]+\/$/,
  /^\/self-check\/[^/]+\/records\/$/,
  /^\/self-check\/[^/]+\/ledger\/$/,
  /^\/county\/$/,
  /^\/frameworks\/builder\/$/,
  /^\/publish\/$/,
];

/** True when the page at this URL path is allowed to load JavaScript. */
export function mayShipJavaScript(urlPath: string): boolean {
  return pagesWithJavaScript.some((pattern) => pattern.test(urlPath));
}

/** The inline <head> script that applies the reader's text size before first paint (the only inline script of a content page). */
export const textSizeBootstrap =
  "<script>try{var s=localStorage.getItem('dudao-text-size');if(/^x?large$/.test(s))document.documentElement.dataset.textSize=s}catch(e){}";

/** The two site scripts every page loads (public/text-size.js, public/sw-register.js), as built. */
export const siteScripts = ['<script src="/text-size.js" defer>', '<script src="/sw-register.js" defer>'];

/** Every executable <script> opening tag of a page, with an inline script's text (JSON data scripts left out). */
export function scriptTags(html: string): string[] {
  return html.match(/<script\b(?![^>]*type="application\/(ld\+)?json")[^>]*>[^<]*/g) ?? [];
}

/** What a content page may run: the text-size bootstrap and the two site scripts, nothing else. */
export const contentPageScripts = [textSizeBootstrap, ...siteScripts];
