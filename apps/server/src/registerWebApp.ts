import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built dashboard (`apps/web/dist`) at `/` when it exists: its files, and `index.html` for `/`. Returns
 * whether it did. API routes keep precedence; unknown paths still get the §8.3 404.
 */
export function registerWebApp(app: FastifyInstance, distDir: string): boolean {
  if (!existsSync(join(distDir, 'index.html'))) return false;
  app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, index: 'index.html' });
  return true;
}
