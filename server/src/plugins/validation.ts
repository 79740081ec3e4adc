import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { invalid, type FieldError } from '../lib/errors.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: boolean) {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    strict: false,
    // Keeps each failing keyword's schema at hand, for messages such as "from 1 to 500".
    verbose: true,
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Bodies are validated without type coercion (an amount must arrive as a string, never as a float
 * turned into one); query strings and path parameters are text, so they are coerced.
 */
export function registerValidation(app: FastifyInstance) {
  const bodyAjv = makeAjv(false);
  const textAjv = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? bodyAjv : textAjv;
    return ajv.compile(schema as FastifySchema & object);
  });
  // PostgreSQL cannot store a NUL or a lone surrogate in text; say which field has one, not fail later.
  app.addHook('preValidation', async (request) => {
    const fields = [...fieldsWithNul(request.body, ''), ...fieldsWithNul(request.query, '')];
    if (fields.length > 0) throw invalid(fields.map((field) => ({ field, code: 'invalid_character' })));
  });
}

/* Half of a UTF-16 pair without the other half: not text, and PostgreSQL refuses it. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Paths of the strings (and keys) holding a NUL or a lone surrogate; iterative, so a deeply nested body cannot overflow. */
function fieldsWithNul(root: unknown, rootPath: string): string[] {
  const found: string[] = [];
  const pending: [unknown, string][] = [[root, rootPath]];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000') || loneSurrogate.test(value)) found.push(path || 'body');
    } else if (ArrayBuffer.isView(value)) {
      // A file sent as the body (an import) is bytes, not text: its reader judges it. Taken for an
      // object, a 20 MB file was 20 million entries, and the server stalled for 50 seconds.
      continue;
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, `${path}[${index}]`]));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) found.push(path || 'body');
        pending.push([item, path ? `${path}.${key}` : key]);
      }
    }
  }
  return found.reverse();
}

function fieldOf(error: ErrorObject): string {
  const segments = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
  return segments.reduce(
    (path, segment) =>
      /^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment,
    '',
  );
}

function toFieldError(error: ErrorObject): FieldError | null {
  const field = fieldOf(error) || 'body';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field, code: 'required' };
    case 'additionalProperties':
      return { field, code: 'unknown_field' };
    case 'type':
      return { field, code: 'type', params: { expected: String(params.type) } };
    case 'enum':
      return { field, code: 'enum', params: { allowed: (params.allowedValues as unknown[]).join(', ') } };
    case 'maxLength':
      return { field, code: 'too_long', params: { max: Number(params.limit) } };
    case 'minLength':
      return Number(params.limit) <= 1
        ? { field, code: 'required' }
        : { field, code: 'too_short', params: { min: Number(params.limit) } };
    case 'maxItems':
      return { field, code: 'too_many', params: { max: Number(params.limit) } };
    case 'minimum':
    case 'maximum':
      return { field, code: 'out_of_range', params: rangeOf(error.parentSchema) };
    case 'anyOf':
      return null; // reported through the branches' own errors, merged below
    default:
      return { field, code: 'format' };
  }
}

function rangeOf(schema: unknown): { min: string; max: string } {
  const { minimum, maximum } = (schema ?? {}) as { minimum?: number; maximum?: number };
  return {
    min: minimum === undefined ? '…' : String(minimum),
    max: maximum === undefined ? '…' : String(maximum),
  };
}

/** Turns ajv's errors into one error per field, in the order the fields failed. */
export function fieldErrorsFromAjv(errors: ErrorObject[], prefix?: string): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const error of errors) {
    const fieldError = toFieldError(error);
    if (!fieldError) continue;
    if (prefix && fieldError.field === 'body') fieldError.field = prefix;
    const existing = byField.get(fieldError.field);
    if (!existing) {
      byField.set(fieldError.field, fieldError);
    } else if (existing.code === 'type' && fieldError.code === 'type') {
      // A nullable field fails both branches of its union: "string or null".
      existing.params = { expected: `${existing.params?.expected} or ${fieldError.params?.expected}` };
    }
  }
  return [...byField.values()];
}
