// Each published framework as JSON, for the builder's "copy a published framework" (fetched
// only when chosen). Parsed formula trees are left out: the builder parses formulas itself.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadFrameworks } from '../../../components/framework/data';
import type { Framework } from '../../../schemas/framework';

export const getStaticPaths = (async () => {
  const frameworks = await loadFrameworks();
  return frameworks.map((framework) => ({ params: { id: framework.id }, props: { framework } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { framework } = props as { framework: Framework };
  const json = JSON.stringify(framework, (key, value: unknown) => (key === 'tree' ? undefined : value), 1);
  return new Response(json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
