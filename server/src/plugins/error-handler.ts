import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  conflictOfUniqueViolation,
  isDatabaseError,
  isDatabaseUnavailable,
  SqlState,
} from '../db/database-errors.js';
import { isTransient } from '../db/transactions.js';
import { AppError, conflict, type FieldError } from '../lib/errors.js';
import type { Translator } from '../lib/messages.js';
import { fieldErrorsFromAjv } from './validation.js';

/** The body of every error answer (RFC 9457 application/problem+json). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  errors: { field: string; code: string; message: string }[];
  requestId: string;
  /** right_missing: the right the action needs. */
  right?: string;
}

/** How soon a request refused for a transient database conflict may be sent again. */
const RETRY_AFTER_SECONDS = 1;
/** How soon to try again while the database does not answer (a restart takes seconds). */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Maps any thrown error to an AppError, or null when it is a fault of ours (a 500). */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  // A deadlock's victim or a serialisation failure still there after the transaction's retries: nothing
  // was written, and the same request can succeed a moment later.
  if (isTransient(error)) return new AppError('retry', 503, [], { retryAfter: RETRY_AFTER_SECONDS });
  // The database is down or restarting: nothing was done; the pool reconnects by itself when it is back.
  if (isDatabaseUnavailable(error)) {
    return new AppError('database_unavailable', 503, [], { retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS });
  }
  const fastifyError = error as FastifyError & { validationContext?: string };
  if (fastifyError.validation) {
    const prefix = fastifyError.validationContext === 'body' ? undefined : fastifyError.validationContext;
    return new AppError(
      'validation_failed',
      400,
      fieldErrorsFromAjv(fastifyError.validation as never, prefix),
    );
  }
  if (isDatabaseError(error)) {
    if (error.code === SqlState.uniqueViolation) {
      const known = conflictOfUniqueViolation(error);
      if (!known) return new AppError('conflict', 409);
      return conflict(known.code, known.field);
    }
    // Data exceptions (class 22) come from values a user typed that slipped past validation.
    if (error.code.startsWith('22')) return new AppError('validation_failed', 400);
    return null;
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('malformed_request', 400);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 413);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 415);
    default:
      break;
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400)
    return new AppError('malformed_request', 400);
  const status = fastifyError.statusCode;
  if (status === 429) return new AppError('rate_limited', 429);
  if (status !== undefined && status >= 400 && status < 500) return new AppError('malformed_request', status);
  return null;
}

export function problemOf(error: AppError, translator: Translator, requestId: string): Problem {
  const errors = error.errors.map((fieldError: FieldError) => ({
    field: fieldError.field,
    code: fieldError.code,
    message: translator.message(fieldError.code, fieldError.params, fieldError.field),
  }));
  return {
    type: `/problems/${error.code}`,
    title:
      error.errors.length === 1 && error.code === error.errors[0]?.code
        ? (errors[0]?.message ?? '')
        : translator.message(error.code, { ...error.params, requestId }),
    status: error.status,
    code: error.code,
    errors,
    requestId,
    ...error.extensions,
  };
}

/** Answers with the problem; `translator` for a request the router refused before it was decorated. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
  translator: Translator = request.translator,
) {
  const problem = problemOf(error, translator, request.id);
  return reply.status(error.status).type('application/problem+json').send(problem);
}

export function registerErrorHandler(app: FastifyInstance, options: { spaFallback: boolean }) {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError) {
      if (
        (appError.status === 429 || appError.status === 503) &&
        !reply.hasHeader('retry-after') &&
        appError.params.retryAfter
      ) {
        void reply.header('retry-after', String(appError.params.retryAfter));
      }
      return sendProblem(request, reply, appError);
    }
    // Our fault: log it, tell the caller only the request id to quote. A database error carries the
    // statement's parameters (a password hash, a secret); they stay out of the log.
    request.log.error({ err: withoutQueryParameters(error) }, 'unhandled error');
    return sendProblem(request, reply, new AppError('internal', 500));
  });
  app.setNotFoundHandler((request, reply) => {
    // A page of the admin panel (not an API path): the single-page app routes it in the browser.
    if (options.spaFallback && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(request, reply, new AppError('not_found', 404));
  });
}

function withoutQueryParameters(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(error) as object) as Error, error);
  for (const key of ['params', 'parameters', 'query'])
    delete (copy as unknown as Record<string, unknown>)[key];
  copy.message = error.message;
  copy.stack = error.stack;
  return copy;
}
