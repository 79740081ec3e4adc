/** One invalid field of a request: `field` is named as in the request body or query string. */
export interface FieldError {
  field: string;
  code: string;
  /** Values for the message, such as {max: 200}. */
  params?: Record<string, string | number>;
}

/**
 * The one error type of the application. The error handler turns it into application/problem+json
 * with a message in the caller's language; `code` is stable for clients, the message is for people.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly errors: FieldError[] = [],
    readonly params: Record<string, string | number> = {},
    /** Members the problem body carries besides the standard ones (RFC 9457 extensions). */
    readonly extensions: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('not_found', 404);
export const unauthorized = (code = 'unauthorized') => new AppError(code, 401);
export const forbidden = (code = 'forbidden', errors: FieldError[] = []) => new AppError(code, 403, errors);
/** A signed-in user without the right an action needs: the body names the right. */
export const rightMissing = (right: string) => new AppError('right_missing', 403, [], { right }, { right });
export const invalid = (errors: FieldError[]) => new AppError('validation_failed', 400, errors);
export const conflict = (code: string, field?: string) =>
  new AppError(code, 409, field ? [{ field, code }] : []);
export const staleVersion = () => conflict('version_conflict', 'version');

/** Collects field errors so a form gets every problem at once, not one per attempt. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  add(field: string, code: string, params?: Record<string, string | number>) {
    this.list.push(params ? { field, code, params } : { field, code });
  }
  has(field: string) {
    return this.list.some((error) => error.field === field);
  }
  throwIfAny() {
    if (this.list.length > 0) throw invalid(this.list);
  }
}
