import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Serves the built admin panel (web/dist) at / and answers every other non-API GET with its
 * index.html, so that a reload on /partners opens the single-page app there.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string) {
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    app.log.warn(`No built admin panel in ${webRoot}; run "npm run build -w web" (npm start does it).`);
    return false;
  }
  // wildcard: false registers a route per built file, so unknown paths reach the not-found handler.
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
  return true;
}
