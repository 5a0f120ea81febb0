// Serves the built site (dist/) for the whole browser test run.
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../support/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run `npm run build` before the browser tests.');
  }
  const { server, origin } = await serveStatic('dist');
  project.provide('baseURL', origin);
  return () => new Promise<void>((done) => server.close(() => done()));
}
