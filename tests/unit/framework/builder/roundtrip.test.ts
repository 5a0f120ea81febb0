// Every published framework opened in the builder and exported unchanged is equivalent to its
// source: load YAML → builder state → export YAML → parse → deep-equal to the source's parsed framework.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { frameworkSchema } from '../../../../src/schemas/framework';
import { fromRaw, toRaw } from '../../../../src/lib/framework/builder/state';
import { frameworkYaml, schoolFileYaml } from '../../../../src/lib/framework/builder/export';
import { validateState } from '../../../../src/lib/framework/builder/validate';
import { readFrameworkFile } from '../../../../src/lib/framework/file';
import { frameworkDir, frameworkFiles } from '../load';

describe('builder round trip of the published frameworks', () => {
  it('covers all eight published frameworks', () => {
    expect(frameworkFiles).toHaveLength(8);
  });

  it.each(frameworkFiles)('%s: exported YAML parses to the same framework', (file) => {
    const source = frameworkSchema.parse(parse(readFileSync(join(frameworkDir, file), 'utf8')));
    const state = fromRaw(source);
    const exported = frameworkYaml(state);
    expect(frameworkSchema.parse(parse(exported))).toEqual(source);
  });

  it.each(frameworkFiles)('%s: the state validates with no issue and the school file reads back', (file) => {
    const text = readFileSync(join(frameworkDir, file), 'utf8');
    const source = frameworkSchema.parse(parse(text));
    const state = fromRaw(source);
    expect(validateState(state).issues).toEqual([]);
    const read = readFrameworkFile(schoolFileYaml(state), file);
    expect(read.ok && read.framework).toEqual(source);
  });

  it.each(frameworkFiles)('%s: a draft (the raw object saved as JSON) restores to the same state', (file) => {
    const source = frameworkSchema.parse(parse(readFileSync(join(frameworkDir, file), 'utf8')));
    const raw = toRaw(fromRaw(source));
    expect(toRaw(fromRaw(JSON.parse(JSON.stringify(raw))))).toEqual(raw);
  });
});
