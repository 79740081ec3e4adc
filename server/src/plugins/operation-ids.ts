import type { FastifyInstance } from 'fastify';

/**
 * The OpenAPI operationId of a route, from its method and path, so every operation has one that
 * generated clients can name a function by: GET /partners/:id/history → getPartnersByIdHistory.
 */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v1\//, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) =>
      segment.startsWith(':') ? ['by', segment.slice(1)] : segment.split(/[^A-Za-z0-9]+/),
    )
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((word) => word[0]!.toUpperCase() + word.slice(1))].join('');
}

/** Gives each route registered after this call an operationId unless its schema names one. */
export function registerOperationIds(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.operationId) return;
    const method = Array.isArray(route.method) ? route.method[0]! : route.method;
    route.schema.operationId = operationIdOf(method, route.url);
  });
}
