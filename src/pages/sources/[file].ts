// The original file of each published work plan (content/sources/), served as it was imported so
// readers can download the original from the work plan's page.
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { loadWorkplans } from '../../components/workplan/data';

export const getStaticPaths: GetStaticPaths = async () =>
  (await loadWorkplans()).map((document) => ({ params: { file: document.frontmatter.source.file } }));

export const GET: APIRoute = ({ params }) => new Response(readFileSync(`content/sources/${params.file}`));
