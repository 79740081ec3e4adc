import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../test/test-suite.js';
import { operationIdOf } from './plugins/operation-ids.js';

/*
 * The API document is what generated clients and the linter (npm run lint:openapi) read: it names
 * every operation once, says how to sign each request, and describes every answer's media type.
 */
const suite = useTestApp();

interface MediaType {
  schema: Record<string, unknown>;
}
interface Response {
  description: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, Response>;
}
interface OpenApiDocument {
  security: Record<string, string[]>[];
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const cookieAndCsrfOrBearer = [{ sessionCookie: [], csrfToken: [] }, { bearerToken: [] }];
const cookieOrBearer = [{ sessionCookie: [] }, { bearerToken: [] }];

let document: OpenApiDocument;
const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ route: `${method} ${path}`, operation })),
  );
const operation = (method: string, path: string) => document.paths[`/api/v1${path}`]![method]!;

beforeAll(async () => {
  const response = await suite.context.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  document = response.json<OpenApiDocument>();
});

describe('the OpenAPI document', () => {
  it('gives every operation a unique operationId', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(60);
    expect(all.filter(({ operation }) => !operation.operationId).map(({ route }) => route)).toEqual([]);
    const ids = all.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names an operation by its method and path', () => {
    expect(operationIdOf('GET', '/api/v1/partners/:id/history')).toBe('getPartnersByIdHistory');
    expect(operationIdOf('POST', '/api/v1/finance/write-offs')).toBe('postFinanceWriteOffs');
    expect(operationIdOf('DELETE', '/api/v1/auth/sessions/:id')).toBe('deleteAuthSessionsById');
  });
});

describe('security in the OpenAPI document', () => {
  it('declares the session cookie, its CSRF header and bearer API tokens', () => {
    expect(document.components.securitySchemes).toEqual({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'fd_session', description: expect.any(String) },
      csrfToken: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: expect.any(String) },
      bearerToken: { type: 'http', scheme: 'bearer', description: expect.any(String) },
    });
    expect(document.security).toEqual(cookieAndCsrfOrBearer);
  });

  it('lets a signed-in operation be called with the cookie (and CSRF header when unsafe) or a token', () => {
    expect(operation('patch', '/partners/{id}').security).toEqual(cookieAndCsrfOrBearer);
    expect(operation('delete', '/auth/sessions/{id}').security).toEqual(cookieAndCsrfOrBearer);
    expect(operation('get', '/partners').security).toEqual(cookieOrBearer);
  });

  it('asks nothing of a public operation', () => {
    expect(operation('post', '/auth/login').security).toEqual([]);
    expect(operation('get', '/health').security).toEqual([]);
    expect(operation('post', '/portal/login').security).toEqual([]);
  });
});

describe('answers in the OpenAPI document', () => {
  it('declares errors as application/problem+json with the shared Problem schema', () => {
    expect(operation('patch', '/partners/{id}').responses['409']).toEqual({
      description: expect.any(String),
      content: problem,
    });
    expect(document.components.schemas.Problem).toMatchObject({
      type: 'object',
      required: ['type', 'title', 'status', 'code', 'errors', 'requestId'],
    });
  });

  it('gives every operation its standard errors and a default, all of them problems', () => {
    for (const { route, operation } of operations()) {
      const statuses = Object.keys(operation.responses);
      const expected = ['400', 'default'];
      if (operation.security?.length !== 0) expected.push('401', '403');
      if (route.includes('{id}')) expected.push('404');
      expect(statuses, route).toEqual(expect.arrayContaining(expected));
      const errors = statuses.filter((status) => status === 'default' || Number(status) >= 400);
      for (const status of errors)
        expect(operation.responses[status]!.content, `${route} ${status}`).toEqual(problem);
    }
  });

  it('declares the exports as csv and xlsx files', () => {
    for (const path of [
      '/partners/export',
      '/contracts/export',
      '/objects/export',
      '/finance/transactions/export',
      '/finance/statements/export',
      '/objects/import/sample',
    ]) {
      expect(operation('get', path).responses['200']!.content, path).toEqual({
        'text/csv': { schema: { type: 'string', description: expect.any(String) } },
        [XLSX]: { schema: { type: 'string', format: 'binary' } },
      });
    }
  });

  it('declares a login history as JSON, or as a file when a format is asked', () => {
    const content = operation('get', '/users/{id}/login-history').responses['200']!.content!;
    expect(Object.keys(content)).toEqual(['application/json', 'text/csv', XLSX]);
    expect(content['application/json']!.schema).toMatchObject({ required: ['items', 'total'] });
  });

  it('declares the objects import as a csv or xlsx file sent as the body', () => {
    expect(operation('post', '/objects/import').requestBody).toEqual({
      required: true,
      content: {
        'text/csv': { schema: { type: 'string', description: expect.any(String) } },
        [XLSX]: { schema: { type: 'string', format: 'binary' } },
      },
    });
    expect(Object.keys(operation('post', '/objects/import').responses['200']!.content!)).toEqual([
      'application/json',
    ]);
  });
});
