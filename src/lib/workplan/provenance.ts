// How a work plan's page tells readers where its text comes from: the original file, offered for
// download from this site, in words a reader knows (no repository paths, no commands).
import type { WorkplanFrontmatter } from '../../schemas/workplan.ts';

/** The site path the original file is served at (the build copies it from content/sources/). */
export function sourceDownloadPath(frontmatter: Pick<WorkplanFrontmatter, 'source'>): string {
  return `/sources/${frontmatter.source.file}`;
}

/** The kind of file in readers' words: Word 文档 or 文本文件. */
export function sourceFormatLabel(file: string): string {
  return /\.docx$/iu.test(file) ? 'Word 文档' : '文本文件';
}

/** A file size as readers read it: 12 KB, 1.3 MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
