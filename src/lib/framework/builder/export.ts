// A framework written out as YAML in the layout of the published files: block style for the
// structure, flow style ({ kind: integer, unit: 人 }, [小学, 初中]) for the small leaf maps and lists,
// no line folding. Two flavours: the file for publishing on this site, and the file an office sends
// to its schools, which says in a comment where it came from.
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import type { BuilderState } from './state.ts';
import { toRaw } from './state.ts';

/** Keys whose value is written in flow style when it is small. */
const flowKeys = new Set(['input', 'criterion', 'when', 'value', 'stages', 'evidence', 'of']);

/** Small: a scalar, a list of scalars, or a map of small values without a citation. */
function isSmall(node: unknown): boolean {
  if (isScalar(node)) return true;
  if (isSeq(node)) return node.items.every((item) => isScalar(item));
  if (isMap(node)) return node.items.every((pair) => isScalar(pair.key) && pair.key.value !== 'source' && isSmall(pair.value));
  return false;
}

/** The state as YAML in the published files' layout. */
export function frameworkYaml(state: BuilderState): string {
  const document = new Document(toRaw(state));
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !flowKeys.has(String(pair.key.value))) return;
      const value = pair.value;
      if ((isMap(value) || isSeq(value)) && isSmall(value)) value.flow = true;
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The file an office sends to its schools: the same YAML, headed by a comment naming the issuer. */
export function schoolFileYaml(state: BuilderState): string {
  const header = [
    `# ${state.title}（版本 ${state.version}）`,
    `# 编制单位：${state.issuer}`,
    '# 本文件用督导通“打开指标体系文件”进行自评；它不是督导通发布的指标体系。',
  ]
    .map((line) => line.replace(/[\r\n]+/gu, ' '))
    .join('\n');
  return `${header}\n${frameworkYaml(state)}`;
}

/** File names of the two exports: <id>.yaml and <id>-<version>.yaml. */
export function exportFileNames(state: Pick<BuilderState, 'id' | 'version'>): { site: string; school: string } {
  const id = state.id.trim() === '' ? 'framework' : state.id.replace(/[^A-Za-z0-9-]/gu, '-');
  const version = state.version.replace(/[^A-Za-z0-9.-]/gu, '-');
  return { site: `${id}.yaml`, school: `${id}-${version || '1'}.yaml` };
}
