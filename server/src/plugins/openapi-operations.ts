import type { FastifySchema, RouteOptions } from 'fastify';

/*
 * Completes each operation of the OpenAPI document from what the route already declares, so that
 * no route repeats it: the errors every operation can give, as application/problem+json with the
 * shared Problem schema; the files that exports answer and imports take; and the security each asks
 * for. It works on a copy of the route's schema: validation and serialisation are not touched.
 */

const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const JSON_MEDIA_TYPE = 'application/json';

/** Why each error status is given; `default` covers the rest, 500 above all. */
const errorDescriptions: Record<string, string> = {
  400: 'Invalid input: `errors` has one entry per invalid field (also a malformed URL or body)',
  401: 'No session or API token, or it has ended',
  403: 'Not allowed: the CSRF header is missing, or the caller lacks the right',
  404: "Not found, or outside the caller's subtree",
  409: 'Conflicts with the stored data (taken, stale version, still in use); `code` says which',
  413: 'The body is too large',
  415: 'The body is not of a media type the operation takes',
  422: 'The Idempotency-Key was used with another body',
  429: 'Too many attempts; Retry-After says in how many seconds to try again',
  503:
    'The database does not answer, or (`code` retry) a write met another on the same records and was ' +
    'retried without success; nothing was written, and Retry-After says when to send it again',
  default: 'An unexpected error (500): quote the requestId',
};

const problemResponse = (status: string) => ({
  description: errorDescriptions[status] ?? 'An error',
  content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: 'Problem' } } },
});

const csvDescriptions = {
  request: 'UTF-8 (a byte-order mark allowed), a header row first; comma-, semicolon- or tab-separated',
  response:
    'UTF-8 with a byte-order mark, a header row first; comma-separated with decimal points and YYYY-MM-DD ' +
    'days, or in Russian (Accept-Language: ru) semicolon-separated with decimal commas and DD.MM.YYYY days',
};

/** A file's schema by its media type: csv is text, anything else (xlsx) bytes. */
function fileSchemaOf(mediaType: string, direction: 'request' | 'response') {
  return mediaType === 'text/csv'
    ? { type: 'string', description: csvDescriptions[direction] }
    : { type: 'string', format: 'binary' };
}

/** Media types are declared without parameters: text/csv; charset=utf-8 is a text/csv answer. */
const bareMediaType = (mediaType: string) => mediaType.split(';')[0]!.trim().toLowerCase();

export interface OperationOptions {
  /** The security of a signed-in route by its method; public routes already say `security: []`. */
  signedInSecurityOf: (method: string) => FastifySchema['security'];
}

/** The @fastify/swagger transform that completes one route's operation (see the top of the file). */
export function completeOperation(options: OperationOptions) {
  return ({ schema, url, route }: { schema: FastifySchema; url: string; route: RouteOptions }) => {
    if (!schema || schema.hide) return { schema, url };
    const method = Array.isArray(route.method) ? route.method[0]! : route.method;
    const isPublic = schema.security !== undefined && schema.security.length === 0;
    const operation: FastifySchema = {
      ...schema,
      security: isPublic ? [] : options.signedInSecurityOf(method),
      response: responsesOf(schema, { url, isPublic }),
    };
    delete operation.produces;
    if (schema.consumes && !schema.body) {
      // A file sent as the body itself (the objects import): parsed by the route, so no body schema.
      operation.body = {
        content: Object.fromEntries(
          schema.consumes.map((type) => [
            bareMediaType(type),
            { schema: fileSchemaOf(bareMediaType(type), 'request') },
          ]),
        ),
      };
      delete operation.consumes;
    }
    return { schema: operation, url };
  };
}

function responsesOf(schema: FastifySchema, route: { url: string; isPublic: boolean }) {
  const declared = (schema.response ?? {}) as Record<string, unknown>;
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(declared)) {
    responses[status] = isError(status)
      ? problemResponse(status)
      : successResponse(response, schema.produces);
  }
  if (schema.produces && !Object.keys(declared).some((status) => status.startsWith('2'))) {
    responses['200'] = successResponse(undefined, schema.produces);
  }
  // Any request can be malformed, and the router answers a bad URL with 400 before any route runs.
  const standard = ['400', 'default'];
  if (!route.isPublic) standard.push('401', '403');
  if (route.url.includes('/:')) standard.push('404');
  for (const status of standard) responses[status] ??= problemResponse(status);
  return responses;
}

const isError = (status: string) => status === 'default' || Number(status) >= 400;

/**
 * A success answer in each media type the route produces: its declared schema as JSON, and a file
 * for the other types (an export), sent as an attachment.
 */
function successResponse(declared: unknown, produces: readonly string[] | undefined) {
  const files = (produces ?? []).map(bareMediaType).filter((type) => type !== JSON_MEDIA_TYPE);
  if (files.length === 0) return declared;
  const content: Record<string, { schema: unknown }> = {};
  if (declared !== undefined) content[JSON_MEDIA_TYPE] = { schema: declared };
  for (const type of files) content[type] = { schema: fileSchemaOf(type, 'response') };
  return {
    description:
      declared === undefined ? 'The file' : 'The list as JSON, or as a file when a format is asked',
    headers: {
      'content-disposition': {
        type: 'string',
        description:
          'With a file: attachment; filename="<name>-<YYYY-MM-DD>.<format>", the day it was written (UTC)',
      },
    },
    content,
  };
}
