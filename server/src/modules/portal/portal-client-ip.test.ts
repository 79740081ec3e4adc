import { beforeAll, describe, expect, it } from 'vitest';
import {
  createContract,
  createPartner,
  createPortalUser,
  createSuperAdmin,
  PORTAL_PASSWORD,
} from '../../../test/builders.js';
import { createApiToken } from '../../../test/staff-builders.js';
import { useTestApp } from '../../../test/test-suite.js';

/*
 * The portal's clientIp lands in the login history and is counted by the per-address limit, so it must
 * be an address (security review, finding 2): digits, dots and colons alone are not enough.
 */
const { context } = useTestApp();
let login: string;
/** The platform's portal speaks for its users' addresses with a token holding portal:login. */
let portalToken: string;

beforeAll(async () => {
  const root = await createSuperAdmin(context.app, context.database.db);
  const partner = await createPartner(root);
  const contract = await createContract(root, partner.id);
  login = String((await createPortalUser(root, contract.id)).login);
  portalToken = (await createApiToken(root, ['portal:login'])).token;
});

const portalLogin = (clientIp: string) =>
  context.app.inject({
    method: 'POST',
    url: '/api/v1/portal/login',
    payload: { login, password: PORTAL_PASSWORD, clientIp },
    headers: { 'accept-language': 'en', authorization: `Bearer ${portalToken}` },
  });

describe('the clientIp of a portal login', () => {
  it.each(['1.2.3', '....', '::::', '999.1.1.1', '12345'])(
    'refuses %j naming the field',
    async (clientIp) => {
      const response = await portalLogin(clientIp);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        errors: [
          {
            field: 'clientIp',
            code: 'ip_address',
            message: "The user's IP address must be an IPv4 or IPv6 address, like 203.0.113.7",
          },
        ],
      });
    },
  );

  it.each(['203.0.113.7', '2001:db8::7', '::ffff:203.0.113.7'])('takes %j', async (clientIp) => {
    expect((await portalLogin(clientIp)).statusCode).toBe(200);
  });
});
