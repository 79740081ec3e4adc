import { today } from '../src/lib/clock.js';
import { PORTAL_PASSWORD, unique, uniqueImei } from './builders.js';
import { api, type MatrixEndpoint } from './authorization-harness.js';
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
  {
    name: 'GET /contracts',
    route: 'GET /contracts',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/contracts') }),
  },
  {
    name: 'GET /contracts/export (csv)',
    route: 'GET /contracts/export',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/contracts/export?format=csv') }),
  },
  {
    name: 'GET /contracts/export (xlsx)',
    route: 'GET /contracts/export',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/contracts/export?format=xlsx') }),
  },
  {
    name: 'GET /objects',
    route: 'GET /objects',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/objects') }),
  },
  {
    name: 'GET /objects/export (csv)',
    route: 'GET /objects/export',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/objects/export?format=csv') }),
  },
  {
    name: 'GET /users',
    route: 'GET /users',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/users') }),
  },
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
    name: 'GET /contracts/:id',
    route: 'GET /contracts/:id',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/contracts/${r.contract}`) }),
  },
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
  {
    name: 'DELETE /contracts/:id',
    route: 'DELETE /contracts/:id',
    allowed: 200,
    build: (r) => ({ method: 'DELETE', url: api(`/contracts/${r.spareContract}`) }),
  },
  {
    name: 'POST /contracts/:id/restore',
    route: 'POST /contracts/:id/restore',
    allowed: 200,
    build: (r) => ({ method: 'POST', url: api(`/contracts/${r.archivedContract}/restore`), body: {} }),
  },
  {
    name: 'POST /contracts/:id/clone',
    route: 'POST /contracts/:id/clone',
    allowed: 201,
    build: (r) => ({ method: 'POST', url: api(`/contracts/${r.contract}/clone`), body: {} }),
  },
  {
    name: 'GET /contracts/:id/history',
    route: 'GET /contracts/:id/history',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/contracts/${r.contract}/history`) }),
  },
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
  {
    name: 'GET /objects/:id',
    route: 'GET /objects/:id',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/objects/${r.object}`) }),
  },
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
  {
    name: 'DELETE /objects/:id',
    route: 'DELETE /objects/:id',
    allowed: 200,
    build: (r) => ({ method: 'DELETE', url: api(`/objects/${r.spareObject}`) }),
  },
  {
    name: 'POST /objects/:id/restore',
    route: 'POST /objects/:id/restore',
    allowed: 200,
    build: (r) => ({ method: 'POST', url: api(`/objects/${r.archivedObject}/restore`), body: {} }),
  },
  {
    name: 'GET /objects/:id/history',
    route: 'GET /objects/:id/history',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/objects/${r.object}/history`) }),
  },
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
  {
    name: 'GET /users/password-policy (contractId)',
    route: 'GET /users/password-policy',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/users/password-policy?contractId=${r.contract}`) }),
  },
  {
    name: 'POST /users/generate-password (contractId)',
    route: 'POST /users/generate-password',
    allowed: 200,
    build: (r) => ({
      method: 'POST',
      url: api('/users/generate-password'),
      body: { contractId: r.contract },
    }),
  },
  {
    name: 'GET /users/:id',
    route: 'GET /users/:id',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/users/${r.user}`) }),
  },
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
  {
    name: 'POST /users/:id/block',
    route: 'POST /users/:id/block',
    allowed: 200,
    build: (r) => ({ method: 'POST', url: api(`/users/${r.spareUser}/block`), body: {} }),
  },
  {
    name: 'POST /users/:id/unblock',
    route: 'POST /users/:id/unblock',
    allowed: 200,
    build: (r) => ({ method: 'POST', url: api(`/users/${r.user}/unblock`), body: {} }),
  },
  {
    name: 'POST /users/:id/reset-password',
    route: 'POST /users/:id/reset-password',
    allowed: 200,
    build: (r) => ({ method: 'POST', url: api(`/users/${r.user}/reset-password`), body: {} }),
  },
  {
    name: 'POST /users/:id/master-login',
    route: 'POST /users/:id/master-login',
    allowed: 201,
    build: (r) => ({ method: 'POST', url: api(`/users/${r.user}/master-login`), body: {} }),
  },
  {
    name: 'DELETE /users/:id',
    route: 'DELETE /users/:id',
    allowed: 200,
    build: (r) => ({ method: 'DELETE', url: api(`/users/${r.spareUser}`) }),
  },
  {
    name: 'POST /users/:id/restore',
    route: 'POST /users/:id/restore',
    allowed: 200,
    build: (r) => ({ method: 'POST', url: api(`/users/${r.archivedUser}/restore`), body: {} }),
  },
  {
    name: 'GET /users/:id/history',
    route: 'GET /users/:id/history',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/users/${r.user}/history`) }),
  },
  {
    name: 'GET /users/:id/login-history',
    route: 'GET /users/:id/login-history',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/users/${r.user}/login-history`) }),
  },
  {
    name: 'GET /users/:id/login-history (csv)',
    route: 'GET /users/:id/login-history',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/users/${r.user}/login-history?format=csv`) }),
  },
];
