// deploy/nginx.conf under a real nginx (Debian's package, /usr/sbin/nginx; NGINX_PATH for another):
// every kind of response (page, work plan, self-check, hashed asset, search index, font, 404) carries
// every security header of dist/_headers, and the 404 is the Chinese page.
//
// The config is derived from deploy/nginx.conf, not copied by hand: /srv/dudao becomes the absolute
// dist/ path, `listen 80` a free port on 127.0.0.1, and the `brotli_static` line is dropped because
// Debian's plain nginx has no brotli module (gzip_static stays). pid, logs and temp files go to a
// temporary directory, so nginx runs in the foreground without root.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../support/static-server';

const nginxPath = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const dist = resolve('dist');

/** The server block of deploy/nginx.conf, made runnable here. */
function testServerBlock(port: number): string {
  const source = readFileSync('deploy/nginx.conf', 'utf8');
  const block = source
    .split('\n')
    .filter((line) => !/^\s*brotli_static\b/.test(line))
    .join('\n')
    .replaceAll('/srv/dudao', dist)
    .replace(/^(\s*)listen\s+80;/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)server_name\s+[^;]+;/m, '$1server_name localhost;');
  expect(block, 'deploy/nginx.conf changed shape: update this test').toContain(`listen 127.0.0.1:${port};`);
  expect(block).toContain(`root ${dist};`);
  return block;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

let nginx: ChildProcess | undefined;
let origin = '';
let output = '';
const tmp = mkdtempSync(join(tmpdir(), 'dudao-nginx-'));

beforeAll(async () => {
  if (!existsSync(nginxPath)) throw new Error(`nginx not found at ${nginxPath}: apt-get install nginx, or set NGINX_PATH`);
  const port = await freePort();
  const conf = join(tmp, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'worker_processes 1;',
      `pid ${tmp}/nginx.pid;`,
      `error_log ${tmp}/error.log warn;`,
      'events { worker_connections 64; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${tmp}/${kind};`),
      testServerBlock(port),
      '}',
      '',
    ].join('\n'),
  );
  nginx = spawn(nginxPath, ['-p', tmp, '-c', conf, '-e', `${tmp}/error.log`, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stdout?.on('data', (chunk) => (output += chunk));
  nginx.stderr?.on('data', (chunk) => (output += chunk));
  origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited (${nginx.exitCode}): ${output}${readFileSync(`${tmp}/error.log`, 'utf8')}`);
    try {
      await fetch(`${origin}/`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${origin}: ${output}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((done) => nginx!.once('exit', done));
    nginx.kill('SIGQUIT');
    await exited;
  }
  rmSync(tmp, { recursive: true, force: true });
});

const rules = parseHeadersFile(readFileSync('dist/_headers', 'utf8'));
/** The headers dist/_headers gives every path (the `/*` rule): every security header. */
const securityHeaders: Record<string, string> = rules.find((rule) => rule.pattern.test('/any/path/'))!.headers;
const firstDir = (dir: string) => readdirSync(join('dist', dir)).filter((name) => existsSync(join('dist', dir, name, 'index.html'))).sort()[0]!;
const asset = readdirSync('dist/_astro').find((name) => name.endsWith('.js') && existsSync(join('dist/_astro', `${name}.gz`)))!;

describe('deploy/nginx.conf under nginx', () => {
  it('the policy it sends is the build\'s: inline scripts by hash, nothing else inline, no other origin', () => {
    const csp = securityHeaders['content-security-policy']!;
    expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+;/);
    expect(Object.keys(securityHeaders).sort()).toEqual(['content-security-policy', 'permissions-policy', 'referrer-policy', 'x-content-type-options', 'x-frame-options']);
  });

  const cases: [what: string, path: string, status: number, cacheControl: string | undefined][] = [
    ['home page', '/', 200, 'no-cache'],
    ['work plan', `/workplans/${firstDir('workplans')}/`, 200, 'no-cache'],
    ['self-check', `/self-check/${firstDir('self-check')}/`, 200, 'no-cache'],
    ['hashed asset', `/_astro/${asset}`, 200, 'public, max-age=31536000, immutable'],
    ['search index', '/search/meta.json', 200, 'no-cache'],
    ['font licence', '/fonts/OFL.txt', 200, 'public, max-age=86400'],
    ['missing page', '/no-such-page/', 404, undefined],
  ];
  it.each(cases)('%s %s: status, every security header, cache rule', async (_what, path, status, cacheControl) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(status);
    for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers.get(name), `${path} ${name}`).toBe(value);
    expect(response.headers.get('cache-control')).toBe(cacheControl ?? null);
    await response.arrayBuffer();
  });

  it('answers a miss with the Chinese 404 page', async () => {
    const response = await fetch(`${origin}/no-such-page/`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('页面未找到');
  });

  it('sends the pre-compressed gzip file and hides the server-only build files', async () => {
    const response = await fetch(`${origin}/_astro/${asset}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(await response.text()).toBe(readFileSync(join('dist/_astro', asset), 'utf8'));
    for (const path of ['/_headers', '/_nginx/security-headers.conf']) {
      const hidden = await fetch(`${origin}${path}`);
      expect(hidden.status, path).toBe(404);
      expect(hidden.headers.get('x-frame-options'), path).toBe('DENY');
      await hidden.arrayBuffer();
    }
  });
});
