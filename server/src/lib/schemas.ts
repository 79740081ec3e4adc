import { Type, type TSchema } from 'typebox';

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
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    errors: Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
    requestId: Type.String(),
  },
  { $id: 'Problem', description: 'application/problem+json (RFC 9457) with one entry per invalid field' },
);

const problemRef = Type.Ref('Problem');
/** The error answers a route can give, for the OpenAPI document. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, problemRef]));
}

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
};
