/**
 * A row of GET /api-tokens: one of the signed-in user's own API tokens. Written out here because the
 * server declares it in its routes (api-tokens.routes.ts), not in a schemas file the web could derive
 * it from. The token itself is never listed: only its first characters (`prefix`).
 */
export interface ApiToken {
  id: number;
  name: string;
  /** The token's first characters, to tell tokens apart. */
  prefix: string;
  /** E.g. contracts:read; each write with its read. */
  rights: string[];
  /** null: never expires. */
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

/** The answer of POST /api-tokens: the new token, the only time it is shown. */
export interface MadeApiToken extends ApiToken {
  token: string;
}

/** The body of POST /api-tokens. */
export interface ApiTokenCreate {
  name: string;
  rights: string[];
  /** The end of the chosen day; null: never. */
  expiresAt: string | null;
}
