// A tiny static file server for the built site, used by the browser tests and the benchmarks.
// It behaves like a plain static host: directory index, 404.html for misses, correct types.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Parse a Netlify-style _headers file into (path pattern, headers) rules. */
export function parseHeadersFile(text: string): { pattern: RegExp; headers: Record<string, string> }[] {
  const rules: { pattern: RegExp; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
    } else {
      const [name, ...value] = line.trim().split(':');
      const rule = rules.at(-1);
      if (rule && name) rule.headers[name.toLowerCase()] = value.join(':').trim();
    }
  }
  return rules;
}

/** Find the file a URL path maps to in the site root, or undefined when there is none. */
async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const candidate = normalize(join(root, decoded));
  if (!candidate.startsWith(root)) return undefined;
  for (const path of [candidate, join(candidate, 'index.html')]) {
    try {
      if ((await stat(path)).isFile()) return path;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

/** Serve `dir` on 127.0.0.1 (port 0 picks a free one) and resolve with the server and its origin. */
/** With `precompressed`, a request accepting br gets the file's .br (or .gz) sibling when there is one (as nginx brotli_static). */
export async function serveStatic(
  dir: string,
  port = 0,
  options: { precompressed?: boolean } = {},
): Promise<{ server: Server; origin: string }> {
  const root = resolve(dir);
  const rules = parseHeadersFile(await readFile(join(root, '_headers'), 'utf8').catch(() => ''));
  const headersFor = (path: string) =>
    Object.assign({}, ...rules.filter((rule) => rule.pattern.test(path)).map((rule) => rule.headers));
  const server = createServer(async (request, response) => {
    const file = await resolveFile(root, request.url ?? '/');
    if (!file) {
      const notFound = await readFile(join(root, '404.html')).catch(() => Buffer.from('Not found'));
      response.writeHead(404, { ...headersFor('/404.html'), 'content-type': 'text/html; charset=utf-8' });
      response.end(notFound);
      return;
    }
    const accepts = String(request.headers['accept-encoding'] ?? '');
    let encoding: 'br' | 'gzip' | undefined;
    let body: Buffer | undefined;
    for (const [name, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
      if (body || !options.precompressed || !new RegExp(`\\b${name}\\b`).test(accepts)) continue;
      body = await readFile(`${file}${suffix}`).catch(() => undefined);
      if (body) encoding = name;
    }
    body ??= await readFile(file);
    response.writeHead(200, {
      ...headersFor((request.url ?? '/').split('?')[0] ?? '/'),
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      ...(encoding ? { 'content-encoding': encoding, vary: 'Accept-Encoding' } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: actualPort } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${actualPort}` };
}
