import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/test-suite.js';
import { operationIdOf } from './plugins/operation-ids.js';

/* The API document names every operation once, so a generated client can call each by name. */
const suite = useTestApp();

interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId?: string }>>;
}

describe('the OpenAPI document', () => {
  it('gives every operation a unique operationId', async () => {
    const response = await suite.context.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json<OpenApiDocument>();
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        route: `${method} ${path}`,
        id: operation.operationId,
      })),
    );
    expect(operations.length).toBeGreaterThan(60);
    expect(operations.filter((operation) => !operation.id).map((operation) => operation.route)).toEqual([]);
    const ids = operations.map((operation) => operation.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names an operation by its method and path', () => {
    expect(operationIdOf('GET', '/api/v1/partners/:id/history')).toBe('getPartnersByIdHistory');
    expect(operationIdOf('POST', '/api/v1/finance/write-offs')).toBe('postFinanceWriteOffs');
    expect(operationIdOf('DELETE', '/api/v1/auth/sessions/:id')).toBe('deleteAuthSessionsById');
  });
});
