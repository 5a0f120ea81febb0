// Which built pages may ship JavaScript: only those that host an interactive island or the
// search UI. Everything else is a content page and must ship none.
export const pagesWithJavaScript: RegExp[] = [
  /^\/search\/$/,
  /^\/self-check\/[^/]+\/$/,
  /^\/county\/$/,
];

/** True when the page at this URL path is allowed to load JavaScript. */
export function mayShipJavaScript(urlPath: string): boolean {
  return pagesWithJavaScript.some((pattern) => pattern.test(urlPath));
}
