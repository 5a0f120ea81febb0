// Errors an import can end with. Each names the file and, where it can, the line, so the
// message reads like a compiler's: `file:line: message`.

/** An input problem the importer cannot work around; `line` is 1-based when known. */
export class ImportError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  /** The message without the file:line prefix. */
  readonly detail: string;

  constructor(file: string, line: number | undefined, detail: string) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${detail}`);
    this.name = 'ImportError';
    this.file = file;
    this.line = line;
    this.detail = detail;
  }
}
