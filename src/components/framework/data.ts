// Frameworks from the content collection in catalogue order: school self-checks first, then
// visit records, then county reviews; by title within each.
import { getCollection } from 'astro:content';
import { withFormulaTrees, type Framework } from '../../schemas/framework';

const subjectOrder: Record<Framework['subject'], number> = { school: 0, visit: 1, county: 2 };

/** Every framework, validated by the content schema, in catalogue order. */
export async function loadFrameworks(): Promise<Framework[]> {
  const entries = await getCollection('frameworks');
  return entries
    .map((entry) => withFormulaTrees(entry.data))
    .sort((a, b) => subjectOrder[a.subject] - subjectOrder[b.subject] || a.title.localeCompare(b.title, 'zh-CN'));
}
