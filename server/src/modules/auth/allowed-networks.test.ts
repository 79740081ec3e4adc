import { beforeAll, describe, expect, it } from 'vitest';
import {
  createPartner,
  PARTNER_PASSWORD,
  SUPER_ADMIN_PASSWORD,
  type CreatedPartner,
} from '../../../test/builders.js';
import { expectStatus } from '../../../test/client.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';

/*
 * A partner's allowed networks (Configuration: allowed_networks) keep the admin-panel users of its
 * whole subtree to those addresses and networks; the refusal is told only after the right password.
 */
const { context, root } = useTestAppAsRoot({ rootLogin: 'networks-operator' });
let dealer: CreatedPartner;
let sub: CreatedPartner;

beforeAll(async () => {
  dealer = await createPartner(root);
  sub = await createPartner(root, { parentId: dealer.id });
});

const putNetworks = (partnerId: number, value: string) =>
  root.request('PUT', `/api/v1/partners/${partnerId}/settings/allowed_networks`, { value });

const signIn = (login: string, password: string, remoteAddress: string) =>
  context.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login, password },
    remoteAddress,
    headers: { 'accept-language': 'en' },
  });

describe('allowed networks', () => {
  it('refuses a list that is not addresses and networks, naming the rule', async () => {
    const refused = await putNetworks(dealer.id, '10.0.0.0/8, the office');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ errors: [{ field: 'value', code: 'setting_network_list' }] });
  });

  it("keep the partner's subtree to its networks, IPv4 and IPv6, and nobody else", async () => {
    expectStatus(await putNetworks(dealer.id, '10.0.0.0/8,2001:db8::/32 , 192.0.2.7'), 201);
    expect((await signIn(sub.login, PARTNER_PASSWORD, '10.1.2.3')).statusCode).toBe(200);
    expect((await signIn(dealer.login, PARTNER_PASSWORD, '2001:db8::5')).statusCode).toBe(200);
    expect((await signIn(dealer.login, PARTNER_PASSWORD, '::ffff:192.0.2.7')).statusCode).toBe(200);

    const outside = await signIn(sub.login, PARTNER_PASSWORD, '198.51.100.1');
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({
      code: 'network_not_allowed',
      title:
        'Signing in from this address is not allowed: your partner admits its users from its own networks only',
    });
    // A wrong password from outside is told nothing more than a wrong password.
    expect((await signIn(sub.login, 'not-the-password', '198.51.100.1')).statusCode).toBe(401);
    // The operator and other partners are not kept.
    expect((await signIn('networks-operator', SUPER_ADMIN_PASSWORD, '198.51.100.1')).statusCode).toBe(200);
  });

  it("add up down the tree: a sub-partner's own list narrows its parent's", async () => {
    expectStatus(await putNetworks(sub.id, '10.9.0.0/16'), 201);
    expect((await signIn(sub.login, PARTNER_PASSWORD, '10.9.1.1')).statusCode).toBe(200);
    expect((await signIn(sub.login, PARTNER_PASSWORD, '10.1.2.3')).statusCode).toBe(403);
    expect((await signIn(dealer.login, PARTNER_PASSWORD, '10.1.2.3')).statusCode).toBe(200);
  });
});
