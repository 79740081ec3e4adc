import i18n from '../i18n/i18n';

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** An error answer of the API (application/problem+json), with its localized messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly errors: FieldProblem[],
  ) {
    super(title);
  }
}

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => undefined;
/** Called when the server says the session is gone (logged out elsewhere, blocked, expired). */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}
let onEnrolmentRequired: () => void = () => undefined;
/** Called when the server refuses a request until the user sets up two-factor sign-in. */
export function setEnrolmentRequiredHandler(handler: () => void) {
  onEnrolmentRequired = handler;
}
/** The session's CSRF token, repeated in a header on every unsafe request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** A body as sent: JSON of a value, or a file as it is (an import). */
type Payload = { json: unknown } | { file: Blob; contentType: string };

async function send(
  method: string,
  path: string,
  payload?: Payload,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...extraHeaders, 'accept-language': i18n.language };
  if (payload && 'json' in payload) headers['content-type'] = 'application/json';
  if (payload && 'file' in payload) headers['content-type'] = payload.contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: payload === undefined ? undefined : 'json' in payload ? JSON.stringify(payload.json) : payload.file,
    credentials: 'same-origin',
  });
  if (response.status === 401 && path !== '/auth/login' && path !== '/auth/me') onUnauthorized();
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Partial<ApiError> | null;
    if (response.status === 403 && problem?.code === 'two_factor_enrolment_required') onEnrolmentRequired();
    throw new ApiError(
      response.status,
      problem?.code ?? 'unknown',
      problem?.title ?? response.statusText,
      problem?.errors ?? [],
    );
  }
  return response;
}

/** `headers`: the request's own headers (an Idempotency-Key). */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  const response = await send(method, path, body === undefined ? undefined : { json: body }, headers);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Sends a file as the request body (csv or xlsx imports) and reads the JSON answer. */
export async function apiUpload<T>(path: string, file: Blob, contentType: string) {
  const response = await send('POST', path, { file, contentType });
  return (await response.json()) as T;
}

export const apiGet = <T>(path: string) => apiRequest<T>('GET', path);

/** Downloads a file answer (exports) and saves it under its server-given name. */
export async function apiDownload(path: string, fallbackName: string) {
  const response = await send('GET', path);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** A query string from defined, non-empty values. */
export function queryString(values: Record<string, string | number | boolean | undefined | null>) {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') parameters.set(key, String(value));
  }
  const text = parameters.toString();
  return text ? `?${text}` : '';
}
