import { Type, type TSchema } from 'typebox';
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE } from './paging.js';

/** Shared schema pieces, so each rule about a shape lives in one place. */
export const Id = Type.Integer({ minimum: 1, maximum: 9007199254740991 });
export const IdParams = Type.Object({ id: Id });
export const DecimalString = Type.String({
  maxLength: 40,
  description: 'A decimal number as a string, e.g. "1500.00"',
});
// Year 0000 passes the date format but not PostgreSQL; days start at year 1000, well before any tariff.
export const DateString = Type.String({
  format: 'date',
  pattern: '^[1-9][0-9]{3}-',
  description: 'A calendar day, YYYY-MM-DD',
});
/** A row version read earlier; versions are 32-bit integers in the database. */
export const VersionNumber = Type.Integer({
  minimum: 1,
  maximum: 2147483647,
  description: 'The version read; a stale one gets 409',
});
// No minLength: an empty code is reported by the service as "required", together with the other fields.
export const CurrencyCode = Type.String({
  maxLength: 3,
  description: 'ISO 4217 code, e.g. RUB',
});
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'A URI reference naming the problem: /problems/<code>' }),
    title: Type.String({ description: "What went wrong, in the caller's language (Accept-Language)" }),
    status: Type.Integer({ description: 'The HTTP status' }),
    code: Type.String({ description: 'The stable machine-readable code, e.g. validation_failed, not_found' }),
    errors: Type.Array(
      Type.Object({
        field: Type.String({ description: 'As named in the request: iin, additionalCurrencies[1]' }),
        code: Type.String(),
        message: Type.String(),
      }),
      { description: 'One entry per invalid field; empty when no field is to blame' },
    ),
    requestId: Type.String({ description: "The request's id, to quote when reporting an error" }),
    right: Type.Optional(Type.String({ description: 'right_missing: the right the action needs' })),
  },
  { $id: 'Problem', description: 'application/problem+json (RFC 9457) with one entry per invalid field' },
);

const problemRef = Type.Ref('Problem');
/** The error answers a route can give, for the OpenAPI document. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, problemRef]));
}

/** The paging parameters of a list query: a 1-based page and its size (see lib/paging.ts). */
export function pagingQuery(options: { maxPageSize?: number; defaultPageSize?: number } = {}) {
  const { maxPageSize = MAX_PAGE_SIZE, defaultPageSize = DEFAULT_PAGE_SIZE } = options;
  return {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: maxPageSize, default: defaultPageSize })),
  };
}

export const PageQuery = pagingQuery();

/** "Blocked by partner X": the nearest partner up the tree whose block applies to the record. */
export const BlockedBy = Nullable(
  Type.Object(
    {
      id: Nullable(Type.Integer()),
      name: Nullable(Type.String()),
    },
    {
      description:
        "The nearest partner up the tree whose block applies; id and name are null when it lies above the caller's own partner",
    },
  ),
);
