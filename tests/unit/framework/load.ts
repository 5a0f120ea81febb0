// Load and validate the committed framework files the way the content build does.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { frameworkSchema, type Framework } from '../../../src/schemas/framework';

export const frameworkDir = join(import.meta.dirname, '../../../content/frameworks');
export const frameworkFiles = readdirSync(frameworkDir).filter((name) => name.endsWith('.yaml'));

/** The framework in content/frameworks/<id>.yaml, parsed with the content schema. */
export function loadFramework(id: string): Framework {
  return frameworkSchema.parse(parse(readFileSync(join(frameworkDir, `${id}.yaml`), 'utf8')));
}
