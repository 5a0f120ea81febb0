/** Prefix an internal path with the configured base so links work when the site lives in a sub-folder. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  if (/^[a-z]+:/i.test(path) || path.startsWith('#')) return path;
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Return true when the current page path lies in (or equals) the given section path. */
export function isInSection(currentPath: string, sectionPath: string): boolean {
  const normalise = (p: string) => (p.endsWith('/') ? p : `${p}/`);
  return normalise(currentPath).startsWith(normalise(href(sectionPath)));
}
