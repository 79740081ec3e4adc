import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { completeOperation } from './openapi-operations.js';

export interface OpenApiOptions {
  /** How clients prove who they are (the auth module's declaration). */
  securitySchemes: Record<string, object>;
  /** The alternatives a signed-in route accepts, for the whole document and per method. */
  signedInSecurity: FastifySchema['security'];
  signedInSecurityOf: (method: string) => FastifySchema['security'];
}

/**
 * The OpenAPI 3 document of the API at /api/openapi.json and its interactive docs at /api/docs,
 * made from the routes' TypeBox schemas (register before the routes: it learns them as they come).
 */
export async function registerOpenApi(app: FastifyInstance, options: OpenApiOptions) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Fleetdesk API',
        version: '1',
        description:
          'The back office of a GPS-telematics service provider. Sign in with POST /api/v1/auth/login ' +
          'and send the returned csrfToken as the x-csrf-token header with every unsafe request, or send ' +
          'an API token as Authorization: Bearer <token>. Errors are application/problem+json.',
      },
      // The paths carry the /api/v1 prefix, so the server is this one's root.
      servers: [{ url: '/', description: 'The server that serves this document' }],
      components: { securitySchemes: options.securitySchemes as never },
      security: options.signedInSecurity as never,
    },
    transform: completeOperation({ signedInSecurityOf: options.signedInSecurityOf }),
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) =>
        typeof json.$id === 'string' ? json.$id : `def-${index}`,
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
