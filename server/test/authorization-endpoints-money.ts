import { today } from '../src/lib/clock.js';
import { api, endpoint, type MatrixEndpoint, type MatrixRequest } from './authorization-harness.js';
import { newIdempotencyKey } from './money-builders.js';
import { MISSING_ID } from './test-world.js';

/*
 * The endpoints of the money matrix (authorization-matrix-money.test.ts), kept apart from it so that
 * the route coverage test reads them too.
 */

export interface MoneyRecords {
  /** A partner whose balance, statement and revenue are read. */
  partner: number;
  /** A partner whose balance money is paid into and written off from. */
  payee: number;
  contract: number;
  /** A payment to correct. */
  transfer: number;
  /** A charge to correct. */
  charge: number;
  /** An archived contract and an archived sub-partner: money cannot move for them (409). */
  archivedContract: number;
  archivedPayee: number;
  /** A payment corrected already, and its correction: neither can be corrected (409). */
  reversed: number;
  correction: number;
}

export const missingMoneyRecords: MoneyRecords = {
  partner: MISSING_ID,
  payee: MISSING_ID,
  contract: MISSING_ID,
  transfer: MISSING_ID,
  charge: MISSING_ID,
  archivedContract: MISSING_ID,
  archivedPayee: MISSING_ID,
  reversed: MISSING_ID,
  correction: MISSING_ID,
};

export interface MoneyEndpoint extends MatrixEndpoint<MoneyRecords> {
  /** The problem code of an allowed call that is refused on its own merits (a 409). */
  allowedCode?: string;
  build(records: MoneyRecords): MatrixRequest;
}

export const withKey = () => ({ 'idempotency-key': newIdempotencyKey() });
export const month = () => today().slice(0, 7);

export const moneyEndpointsWithoutRecord: MoneyEndpoint[] = [
  endpoint('GET /finance/transactions', 200, () => '/finance/transactions'),
  endpoint('GET /finance/transactions/export', 200, () => '/finance/transactions/export?format=csv', {
    name: 'GET /finance/transactions/export (csv)',
  }),
  endpoint('GET /finance/transactions/export', 200, () => '/finance/transactions/export?format=xlsx', {
    name: 'GET /finance/transactions/export (xlsx)',
  }),
  endpoint('GET /finance/revenue', 200, () => '/finance/revenue', {
    name: "GET /finance/revenue (the caller's own)",
  }),
  endpoint('GET /finance/exchange-rates', 200, () => '/finance/exchange-rates?baseCurrency=USD'),
];

const moveEndpoint = (
  path: 'payments' | 'write-offs',
  target: 'contractId' | 'partnerId',
): MoneyEndpoint => ({
  name: `POST /finance/${path} (${target})`,
  route: `POST /finance/${path}`,
  allowed: 201,
  build: (r) => ({
    method: 'POST',
    url: api(`/finance/${path}`),
    body: { [target]: target === 'contractId' ? r.contract : r.payee, amount: '12.34', comment: 'Matrix' },
    headers: withKey(),
  }),
});

const correctionNames = {
  transfer: 'a payment',
  charge: 'a charge',
  reversed: 'a payment corrected already',
  correction: 'a correction',
};

const correctionEndpoint = (
  what: 'transfer' | 'charge' | 'reversed' | 'correction',
  refused?: { allowed: number; allowedCode: string },
): MoneyEndpoint => ({
  name: `POST /finance/corrections (${correctionNames[what]})`,
  route: 'POST /finance/corrections',
  allowed: 201,
  ...refused,
  build: (r) => ({
    method: 'POST',
    url: api('/finance/corrections'),
    body: { transferId: r[what], comment: 'Entered by mistake' },
    headers: withKey(),
  }),
});

export const moneyEndpointsWithRecord: MoneyEndpoint[] = [
  moveEndpoint('payments', 'contractId'),
  moveEndpoint('payments', 'partnerId'),
  moveEndpoint('write-offs', 'contractId'),
  moveEndpoint('write-offs', 'partnerId'),
  correctionEndpoint('transfer'),
  correctionEndpoint('charge'),
  {
    name: 'GET /finance/transactions/{id}/objects (a charge)',
    route: 'GET /finance/transactions/:id/objects',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/finance/transactions/${r.charge}/objects`) }),
  },
  correctionEndpoint('reversed', { allowed: 409, allowedCode: 'already_reversed' }),
  correctionEndpoint('correction', { allowed: 409, allowedCode: 'correction_of_correction' }),
  {
    name: 'POST /finance/payments (an archived contract)',
    route: 'POST /finance/payments',
    allowed: 409,
    allowedCode: 'archived',
    build: (r) => ({
      method: 'POST',
      url: api('/finance/payments'),
      body: { contractId: r.archivedContract, amount: '1.00' },
      headers: withKey(),
    }),
  },
  {
    name: 'POST /finance/write-offs (an archived sub-partner)',
    route: 'POST /finance/write-offs',
    allowed: 409,
    allowedCode: 'archived',
    build: (r) => ({
      method: 'POST',
      url: api('/finance/write-offs'),
      body: { partnerId: r.archivedPayee, amount: '1.00' },
      headers: withKey(),
    }),
  },
  endpoint('GET /contracts/:id/balance', 200, (r) => `/contracts/${r.contract}/balance`),
  endpoint('GET /partners/:id/balance', 200, (r) => `/partners/${r.partner}/balance`),
  {
    name: 'GET /finance/statements (contractId)',
    route: 'GET /finance/statements',
    allowed: 200,
    build: (r) => ({
      method: 'GET',
      url: api(`/finance/statements?contractId=${r.contract}&month=${month()}`),
    }),
  },
  {
    name: 'GET /finance/statements (partnerId)',
    route: 'GET /finance/statements',
    allowed: 200,
    build: (r) => ({
      method: 'GET',
      url: api(`/finance/statements?partnerId=${r.partner}&month=${month()}`),
    }),
  },
  {
    name: 'GET /finance/statements/export (contractId, csv)',
    route: 'GET /finance/statements/export',
    allowed: 200,
    build: (r) => ({
      method: 'GET',
      url: api(`/finance/statements/export?format=csv&contractId=${r.contract}&month=${month()}`),
    }),
  },
  {
    name: 'GET /finance/statements/export (partnerId, xlsx)',
    route: 'GET /finance/statements/export',
    allowed: 200,
    build: (r) => ({
      method: 'GET',
      url: api(`/finance/statements/export?format=xlsx&partnerId=${r.partner}&month=${month()}`),
    }),
  },
  endpoint('GET /finance/revenue', 200, (r) => `/finance/revenue?partnerId=${r.partner}`, {
    name: 'GET /finance/revenue (partnerId)',
  }),
];

/* Billing runs and new exchange rates: the super administrator's. */

export interface AdminOnlyEndpoint {
  name: string;
  /** The registered route it calls, below the API prefix. */
  route: string;
  allowed: number;
  /** Whether the endpoint takes a billing run's id. */
  byId: boolean;
  build(runId: number): MatrixRequest;
}

let rateDay = 0;
/** A day no rate of the pair starts on yet (a rate per pair and day). */
export const nextRateDay = () => new Date(Date.UTC(2020, 0, 1 + ++rateDay)).toISOString().slice(0, 10);

export const adminOnlyEndpoints: AdminOnlyEndpoint[] = [
  {
    name: 'GET /billing/runs',
    route: 'GET /billing/runs',
    allowed: 200,
    byId: false,
    build: () => ({ method: 'GET', url: api('/billing/runs') }),
  },
  {
    name: 'POST /billing/runs',
    route: 'POST /billing/runs',
    allowed: 201,
    byId: false,
    build: () => ({ method: 'POST', url: api('/billing/runs'), body: { day: today() } }),
  },
  {
    name: 'GET /billing/runs/:id',
    route: 'GET /billing/runs/:id',
    allowed: 200,
    byId: true,
    build: (id) => ({ method: 'GET', url: api(`/billing/runs/${id}`) }),
  },
  {
    name: 'GET /billing/runs/:id/issues',
    route: 'GET /billing/runs/:id/issues',
    allowed: 200,
    byId: true,
    build: (id) => ({ method: 'GET', url: api(`/billing/runs/${id}/issues`) }),
  },
  {
    name: 'POST /finance/exchange-rates',
    route: 'POST /finance/exchange-rates',
    allowed: 201,
    byId: false,
    build: () => ({
      method: 'POST',
      url: api('/finance/exchange-rates'),
      body: { baseCurrency: 'USD', quoteCurrency: 'RUB', validFrom: nextRateDay(), rate: '90.5' },
    }),
  },
];
