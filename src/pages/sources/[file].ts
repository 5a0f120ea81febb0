// The original file of each published work plan (content/sources/), served as it was imported so
// readers can download the original from the work plan's page.
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { loadWorkplans } from '../../components/workplan/data';

// One route per file: plans that share a source (a corrected re-issue) list it once.
export const getStaticPaths: GetStaticPaths = async () =>
  [...new Set((await loadWorkplans()).map((document) => document.frontmatter.source.file))].map((file) => ({ params: { file } }));

export const GET: APIRoute = ({ params }) => new Response(readFileSync(`content/sources/${params.file}`));
