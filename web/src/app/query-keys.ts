/*
 * The query cache's keys: one factory per feature, used for queries and for marking them stale alike.
 * Every key of a feature starts with its name, so `keys.all` covers all of it; lists sit apart from
 * records (`lists()`), so a change can refresh the lists without refilling an open window's form.
 */

function recordKeys<Name extends string>(name: Name) {
  return {
    all: [name] as const,
    lists: () => [name, 'list'] as const,
    list: (query: object) => [name, 'list', query] as const,
    detail: (id: number | null) => [name, 'one', id] as const,
    history: (id: number) => [name, 'history', id] as const,
  };
}

/** The keys of a record kind with a list, a record and its history. */
export type RecordKeys = ReturnType<typeof recordKeys>;

export const partnerKeys = {
  ...recordKeys('partners'),
  search: (search: string, excludeSubtreeOf: number | null) =>
    ['partners', 'choices', search, excludeSubtreeOf] as const,
  settings: (partnerId: number) => ['partners', 'settings', partnerId] as const,
  /** A level or a search of the partner tree: among the lists, so what refreshes them refreshes it. */
  tree: (query: object) => ['partners', 'list', 'tree', query] as const,
};

export const contractKeys = {
  ...recordKeys('contracts'),
  search: (search: string, partnerId: number | undefined) =>
    ['contracts', 'choices', search, partnerId] as const,
  copy: (sourceId: number | null) => ['contracts', 'copy', sourceId] as const,
};

export const objectKeys = recordKeys('objects');

export const userKeys = {
  ...recordKeys('users'),
  loginHistory: (userId: number, page: number, pageSize: number) =>
    ['users', 'login-history', userId, page, pageSize] as const,
  passwordPolicy: (contractId: number | null | undefined) =>
    ['users', 'password-policy', contractId] as const,
};

export const staffKeys = {
  ...recordKeys('staff'),
  rights: ['staff', 'rights'] as const,
  loginHistory: (staffId: number, page: number, pageSize: number) =>
    ['staff', 'login-history', staffId, page, pageSize] as const,
};

export const tariffKeys = {
  ...recordKeys('tariffs'),
  choices: (options: object) => ['tariffs', 'choices', options] as const,
};

export const financeKeys = {
  all: ['finance'] as const,
  balance: (owner: object) => ['finance', 'balance', owner] as const,
  transactions: (query: object) => ['finance', 'transactions', query] as const,
  chargeObjects: (id: number, page: object) => ['finance', 'charge-objects', id, page] as const,
  revenue: (partnerId: number) => ['finance', 'revenue', partnerId] as const,
};

export const billingKeys = {
  all: ['billing'] as const,
  runs: (query: object) => ['billing', 'runs', query] as const,
  run: (runId: number) => ['billing', 'run', runId] as const,
  issues: (runId: number, query: object) => ['billing', 'issues', runId, query] as const,
};

/** Reference books: they change with a release, not while the page is open. */
export const referenceKeys = {
  regions: () => ['reference', 'regions'] as const,
  currencies: () => ['reference', 'currencies'] as const,
  organizationTypes: (country: string | null) => ['reference', 'organization-types', country] as const,
  accountTypes: () => ['reference', 'account-types'] as const,
  vatRate: (country: string | null) => ['reference', 'vat', country] as const,
  settingCatalogue: () => ['reference', 'setting-keys'] as const,
};

/** The signed-in user's own sessions (GET /auth/sessions). */
export const sessionKeys = {
  own: ['sessions', 'own'] as const,
};

/** The signed-in user's own API tokens (GET /api-tokens) and the rights it may give them (its own). */
export const apiTokenKeys = {
  own: ['api-tokens', 'own'] as const,
  ownRights: ['api-tokens', 'own-rights'] as const,
};
