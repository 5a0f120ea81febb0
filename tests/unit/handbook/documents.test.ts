import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { citedDocument, citedDocumentSchema, citedDocuments } from '../../../src/lib/handbook/documents';

describe('cited documents', () => {
  it.each(Object.entries(citedDocuments))('%s is valid and names a source file that exists', (_key, document) => {
    expect(() => citedDocumentSchema.parse(document)).not.toThrow();
    if ('sourceFile' in document) expect(existsSync(`content/sources/${document.sourceFile}`)).toBe(true);
    expect(document.title).not.toMatch(/[《》]/);
  });

  it('explains an unknown key and lists the known ones', () => {
    expect(() => citedDocument('nanan-2099')).toThrow(/nanan-2099.*nanan-2021/);
    expect(citedDocument('minhang-2022').number).toBe('闵府教督办〔2022〕1号');
  });
});
