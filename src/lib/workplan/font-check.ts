// Which characters of an imported plan the PDF report font cannot print, given the font's coverage.
// Pure, so the browser's importer (the publish page) warns exactly as the command line does; the
// coverage itself is read from the font files by ./font.ts (Node) or handed to the page at build time.

/** True when build-font.ts would fail on `char` in content/ (as its own check decides: printable, not whitespace, not in the font). */
export function isUnprintable(char: string, covered: Set<number>): boolean {
  const code = char.codePointAt(0)!;
  if (code < 0x20 || /\s/u.test(char)) return false;
  return code > 0xffff || (code >= 0xd800 && code <= 0xdfff) || !covered.has(code);
}

/**
 * Warnings, one per character, for what the imported MDX contains that the PDF font cannot
 * print, each at the first source line that has it (`file:line: 字符「X」(U+XXXX) 不在 PDF 字体中…`).
 */
export function unprintableWarnings(source: string, mdx: string, file: string, covered: Set<number>): string[] {
  const bad = new Map<string, number>();
  for (const char of mdx) {
    const code = char.codePointAt(0)!;
    if (covered.has(code) || !isUnprintable(char, covered)) continue;
    bad.set(char, (bad.get(char) ?? 0) + 1);
  }
  if (bad.size === 0) return [];
  const lines = source.replace(/^\ufeff/u, '').split(/\r\n|\r|\n|\f/u);
  return [...bad].map(([char, count]) => {
    const index = lines.findIndex((line) => line.includes(char));
    const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    const where = index === -1 ? `${file}: 文件名中的` : `${file}:${index + 1}: `;
    return `${where}字符「${char}」(U+${code}) 不在 PDF 字体中${count > 1 ? `（共 ${count} 处）` : ''}：PDF 报告印不出它，提交后下一次 npm run build 会因此失败。请核对原文，改用常用写法，或请维护者为字体补充这个字`;
  });
}
