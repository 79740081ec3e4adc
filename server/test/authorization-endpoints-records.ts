import { today } from '../src/lib/clock.js';
import { PORTAL_PASSWORD, unique, uniqueImei } from './builders.js';
import { api, endpoint, type MatrixEndpoint } from './authorization-harness.js';
import { currentVersion, MISSING_ID } from './test-world.js';

/*
 * The endpoints of the contracts, objects and portal users matrix (authorization-matrix-records.test.ts),
 * kept apart from it so that the route coverage test reads them too.
 */

/** The records a case acts on: ids only, so a case can also be built for missing ids. */
export interface ContractRecords {
  partner: number;
  contract: number;
  spareContract: number;
  archivedContract: number;
  targetContract: number;
  object: number;
  spareObject: number;
  archivedObject: number;
  user: number;
  spareUser: number;
  archivedUser: number;
}

export const missingContractRecords: ContractRecords = {
  partner: MISSING_ID,
  contract: MISSING_ID,
  spareContract: MISSING_ID,
  archivedContract: MISSING_ID,
  targetContract: MISSING_ID,
  object: MISSING_ID,
  spareObject: MISSING_ID,
  archivedObject: MISSING_ID,
  user: MISSING_ID,
  spareUser: MISSING_ID,
  archivedUser: MISSING_ID,
};

type Endpoint = MatrixEndpoint<ContractRecords>;

export const contractEndpointsWithoutRecord: Endpoint[] = [
  endpoint('GET /contracts', 200, () => '/contracts'),
  endpoint('GET /contracts/export', 200, () => '/contracts/export?format=csv', {
    name: 'GET /contracts/export (csv)',
  }),
  endpoint('GET /contracts/export', 200, () => '/contracts/export?format=xlsx', {
    name: 'GET /contracts/export (xlsx)',
  }),
  endpoint('GET /objects', 200, () => '/objects'),
  endpoint('GET /objects/export', 200, () => '/objects/export?format=csv', {
    name: 'GET /objects/export (csv)',
  }),
  endpoint('GET /objects/import/sample', 200, () => '/objects/import/sample?format=xlsx', {
    name: 'GET /objects/import/sample (xlsx)',
  }),
  endpoint('GET /users', 200, () => '/users'),
];

export const contractEndpointsWithRecord: Endpoint[] = [
  // Contracts
  {
    name: 'POST /contracts (partnerId)',
    route: 'POST /contracts',
    allowed: 201,
    foreign: 400,
    build: (r) => ({
      method: 'POST',
      url: api('/contracts'),
      body: { partnerId: r.partner, name: unique('Matrix '), currency: 'RUB', accountType: 'prepayment' },
    }),
  },
  {
    name: 'POST /contracts (clonedFrom)',
    route: 'POST /contracts',
    allowed: 201,
    foreign: 400,
    build: (r) => ({
      method: 'POST',
      url: api('/contracts'),
      body: {
        partnerId: r.partner,
        name: unique('Matrix copy '),
        currency: 'RUB',
        accountType: 'prepayment',
        clonedFrom: r.contract,
      },
    }),
  },
  endpoint('GET /contracts/:id', 200, (r) => `/contracts/${r.contract}`),
  {
    name: 'PATCH /contracts/:id',
    route: 'PATCH /contracts/:id',
    allowed: 200,
    build: async (r, world) => ({
      method: 'PATCH',
      url: api(`/contracts/${r.contract}`),
      body: { version: await currentVersion(world, 'contracts', r.contract), comment: unique('Checked ') },
    }),
  },
  endpoint('DELETE /contracts/:id', 200, (r) => `/contracts/${r.spareContract}`),
  endpoint('POST /contracts/:id/restore', 200, (r) => `/contracts/${r.archivedContract}/restore`),
  endpoint('GET /contracts/:id/clone', 200, (r) => `/contracts/${r.contract}/clone`),
  endpoint('POST /contracts/:id/clone', 201, (r) => `/contracts/${r.contract}/clone`),
  endpoint('GET /contracts/:id/history', 200, (r) => `/contracts/${r.contract}/history`),
  // Objects
  {
    name: 'POST /objects (contractId)',
    route: 'POST /objects',
    allowed: 201,
    foreign: 400,
    build: (r) => ({
      method: 'POST',
      url: api('/objects'),
      body: { contractId: r.contract, name: unique('Matrix truck '), deviceId: uniqueImei() },
    }),
  },
  {
    name: 'POST /objects/import (contractId, csv)',
    route: 'POST /objects/import',
    allowed: 200,
    foreign: 400,
    build: (r) => ({
      method: 'POST',
      url: api(`/objects/import?contractId=${r.contract}`),
      body: `Name,Device ID\n${unique('Imported truck ')},${uniqueImei()}\n`,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    }),
  },
  endpoint('GET /objects/:id', 200, (r) => `/objects/${r.object}`),
  {
    name: 'PATCH /objects/:id',
    route: 'PATCH /objects/:id',
    allowed: 200,
    build: async (r, world) => ({
      method: 'PATCH',
      url: api(`/objects/${r.object}`),
      body: { version: await currentVersion(world, 'objects', r.object), plateNumber: unique('A') },
    }),
  },
  endpoint('DELETE /objects/:id', 200, (r) => `/objects/${r.spareObject}`),
  endpoint('POST /objects/:id/restore', 200, (r) => `/objects/${r.archivedObject}/restore`),
  endpoint('GET /objects/:id/history', 200, (r) => `/objects/${r.object}/history`),
  {
    name: 'POST /objects/:id/move',
    route: 'POST /objects/:id/move',
    allowed: 200,
    build: (r) => ({
      method: 'POST',
      url: api(`/objects/${r.object}/move`),
      body: { contractId: r.targetContract },
    }),
  },
  {
    name: 'POST /objects/reprice (contractId)',
    route: 'POST /objects/reprice',
    allowed: 200,
    foreign: 400,
    build: (r, world) => ({
      method: 'POST',
      url: api('/objects/reprice'),
      body: { contractId: r.targetContract, tariffId: world.tariffs.platform.id, effectiveFrom: today() },
    }),
  },
  // Portal users
  {
    name: 'POST /users (contractId)',
    route: 'POST /users',
    allowed: 201,
    foreign: 400,
    build: (r) => ({
      method: 'POST',
      url: api('/users'),
      body: {
        contractId: r.contract,
        login: unique('matrixuser'),
        name: 'Matrix',
        password: PORTAL_PASSWORD,
        type: 'user',
      },
    }),
  },
  endpoint('GET /users/password-policy', 200, (r) => `/users/password-policy?contractId=${r.contract}`, {
    name: 'GET /users/password-policy (contractId)',
  }),
  {
    name: 'POST /users/generate-password (contractId)',
    route: 'POST /users/generate-password',
    allowed: 200,
    foreign: 400,
    build: (r) => ({
      method: 'POST',
      url: api('/users/generate-password'),
      body: { contractId: r.contract },
    }),
  },
  endpoint('GET /users/:id', 200, (r) => `/users/${r.user}`),
  {
    name: 'PATCH /users/:id',
    route: 'PATCH /users/:id',
    allowed: 200,
    build: async (r, world) => ({
      method: 'PATCH',
      url: api(`/users/${r.user}`),
      body: { version: await currentVersion(world, 'users', r.user), name: unique('Renamed ') },
    }),
  },
  endpoint('POST /users/:id/block', 200, (r) => `/users/${r.spareUser}/block`),
  endpoint('POST /users/:id/unblock', 200, (r) => `/users/${r.user}/unblock`),
  endpoint('POST /users/:id/reset-password', 200, (r) => `/users/${r.user}/reset-password`),
  endpoint('POST /users/:id/master-login', 201, (r) => `/users/${r.user}/master-login`),
  endpoint('DELETE /users/:id', 200, (r) => `/users/${r.spareUser}`),
  endpoint('POST /users/:id/restore', 200, (r) => `/users/${r.archivedUser}/restore`),
  endpoint('GET /users/:id/history', 200, (r) => `/users/${r.user}/history`),
  endpoint('GET /users/:id/login-history', 200, (r) => `/users/${r.user}/login-history`),
  endpoint('GET /users/:id/login-history', 200, (r) => `/users/${r.user}/login-history?format=csv`, {
    name: 'GET /users/:id/login-history (csv)',
  }),
];
