import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { App } from '../src/app.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

/** An HTTP client of the app as one signed-in browser: session cookie plus CSRF header. */
export class TestClient {
  constructor(
    readonly app: App,
    readonly cookie: string | null = null,
    readonly csrfToken: string | null = null,
    readonly locale = 'en',
    /** Headers of every request: an API token's Authorization. */
    readonly headers: Record<string, string> = {},
  ) {}

  request(method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) {
    const options: InjectOptions = {
      method,
      url,
      headers: {
        'accept-language': this.locale,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...this.headers,
        ...headers,
      },
    };
    if (payload !== undefined) options.payload = payload as InjectOptions['payload'];
    return this.app.inject(options);
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: unknown) {
    return this.request('POST', url, payload ?? {});
  }
  patch(url: string, payload: unknown) {
    return this.request('PATCH', url, payload);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  /** The same session speaking another language. */
  inLocale(locale: string) {
    return new TestClient(this.app, this.cookie, this.csrfToken, locale, this.headers);
  }
}

/** A machine client with an API token: no cookie, no CSRF header. */
export const bearer = (app: App, token: string) =>
  new TestClient(app, null, null, 'en', { authorization: `Bearer ${token}` });

export const anonymous = (app: App) => new TestClient(app);

export async function signIn(app: App, login: string, password: string): Promise<TestClient> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login, password },
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((entry) => entry.name === 'fd_session');
  if (!cookie) throw new Error('no session cookie');
  return new TestClient(app, `fd_session=${cookie.value}`, response.json<{ csrfToken: string }>().csrfToken);
}

/** Asserts the status and returns the parsed JSON body. */
export function expectStatus<T = Record<string, unknown>>(
  response: LightMyRequestResponse,
  status: number,
): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

/** The field errors of a problem answer, as "field:code" strings, for exact comparisons. */
export function fieldCodes(response: LightMyRequestResponse): string[] {
  const body = response.json<{ errors: { field: string; code: string }[] }>();
  return body.errors.map((error) => `${error.field}:${error.code}`);
}
