import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { frameworkSchema } from '../../../src/schemas/framework';
import { readSchoolFiles } from '../../../src/lib/county/files';
import { computeCounty } from '../../../src/lib/county/compute';
import { warmUpSample } from '../../../src/lib/county/warm';

const framework = frameworkSchema.parse(parse(readFileSync('content/frameworks/youzhi-junheng-xuexiao.yaml', 'utf8')));

describe('warm-up sample', () => {
  it('is read without a single issue and scored in full, so the warm-up runs the same paths as a real file', async () => {
    const loaded = await readSchoolFiles([{ name: 'warm-up.csv', bytes: warmUpSample(framework, 40) }], framework);
    expect(loaded.issues).toEqual([]);
    expect(loaded.schools).toHaveLength(40);
    const result = computeCounty(framework, loaded.schools, { splitNineYear: false });
    expect(result.schools).toHaveLength(40);
    expect(result.excluded).toEqual([]);
    expect(result.groups.map((group) => group.label)).toEqual(['2026年小学', '2026年初中']);
  });
});
