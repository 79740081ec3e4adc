import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { DatabaseHandle } from './db/connect.js';
import { ProblemSchema } from './lib/schemas.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { homeRoutes } from './modules/home/home.routes.js';
import { billingRoutes } from './modules/billing/billing.routes.js';
import {
  DEFAULT_SESSION_IDLE_MINUTES,
  defaultLoginLimits,
  securitySchemes,
  signedInSecurity,
  signedInSecurityOf,
  type LoginLimits,
} from './modules/auth/auth.public.js';
import { apiTokenCallerOf, registerSessions } from './modules/auth/session.plugin.js';
import { contractRoutes } from './modules/contracts/contracts.routes.js';
import { financeRoutes } from './modules/finance/finance.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { registerMetrics } from './modules/metrics/metrics.routes.js';
import { objectRoutes } from './modules/objects/objects.routes.js';
import { partnerSettingsRoutes } from './modules/partner-settings/partner-settings.routes.js';
import { partnerRoutes } from './modules/partners/partners.routes.js';
import { portalRoutes } from './modules/portal/portal.routes.js';
import { referenceRoutes } from './modules/reference/reference.routes.js';
import { tariffRoutes } from './modules/tariffs/tariffs.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { staffRoutes } from './modules/staff/staff.routes.js';
import { apiTokenRoutes } from './modules/staff/api-tokens.routes.js';
import { twoFactorRoutes } from './modules/two-factor/two-factor.routes.js';
import { secondFactorCheck } from './modules/two-factor/two-factor.service.js';
import { developmentSecretKey } from './lib/secret-box.js';
import { systemClock, type Clock } from './lib/clock.js';
import { AppError } from './lib/errors.js';
import { localeFrom } from './lib/messages.js';
import { registerErrorHandler, sendProblem } from './plugins/error-handler.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerOperationIds } from './plugins/operation-ids.js';
import { OneLinePerRequest, REQUEST_ID_HEADER, requestIdOf } from './plugins/logging.js';
import { closeOffThreadPool } from './lib/off-thread.js';
import { registerValidation } from './plugins/validation.js';
import { registerMessages } from './plugins/messages.plugin.js';
import { appMessages } from './messages.js';
import { registerWebApp } from './plugins/web-app.js';

export interface AppOptions {
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  loginLimits?: LoginLimits;
  secureCookies?: boolean;
  /** Minutes without a request after which a session has ended (config.sessionIdleMinutes, 60). */
  sessionIdleMinutes?: number;
  /** Whose X-Forwarded-For gives the client's address (config.trustProxy); none by default. */
  trustProxy?: false | number | string[];
  /** The built admin panel to serve at /; absent in API tests. */
  webRoot?: string;
  /** The key that encrypts stored secrets (config.secretKey); the fixed development key by default. */
  secretKey?: Buffer;
  /** The time two-factor codes are checked against; tests fix it. */
  clock?: Clock;
  /** Told of every route as it is registered: the tests list them to check each one is authorised. */
  onRoute?: (route: RouteOptions) => void;
  /** Networks and addresses that may read /metrics without an API token (config.metricsNetworks). */
  metricsNetworks?: string[];
}

/** Builds the whole application; main.ts listens on it, tests call inject() on it. */
export async function buildApp(options: AppOptions) {
  const { db, engine } = options.database;
  const trustProxy = trustedProxies(options.trustProxy ?? false);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    logController: new OneLinePerRequest(),
    // Behind a reverse proxy every client would have the proxy's address: the per-address limits and
    // the login histories need the forwarded one, believed from the configured proxies only.
    trustProxy,
    // Passwords must never reach a log line: requests are logged without bodies, headers are redacted.
    genReqId: requestIdOf,
    // Malformed URLs are refused by the router itself; answer them in the same problem format.
    frameworkErrors: (error, request, reply) => {
      const locale = localeFrom(request.headers['accept-language']);
      const problem = new AppError('malformed_request', error.statusCode ?? 400);
      void sendProblem(request, reply, problem, appMessages.translator(locale));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const { onRoute } = options;
  if (onRoute) app.addHook('onRoute', (route) => onRoute(route));
  // Every answer, an error's too, names its request: the id a support request quotes from the logs.
  app.addHook('onSend', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  // The worker threads that read imports and write exports end with the server.
  app.addHook('onClose', closeOffThreadPool);

  registerValidation(app);
  registerMessages(app, appMessages);
  const servesWebApp = options.webRoot ? await registerWebApp(app, options.webRoot) : false;
  registerErrorHandler(app, { spaFallback: servesWebApp });
  // Before the routes: its timing hook must see each of them.
  registerMetrics(app, {
    db,
    poolUsage: options.database.poolUsage,
    networks: options.metricsNetworks ?? [],
    callerOfToken: (request) => apiTokenCallerOf(db, request),
  });
  await app.register(helmet, { contentSecurityPolicy: false });
  await app.register(cookie);

  app.addSchema(ProblemSchema);
  await registerOpenApi(app, { securitySchemes, signedInSecurity, signedInSecurityOf });

  const secureCookies = options.secureCookies ?? false;
  const sessionIdleMinutes = options.sessionIdleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES;
  const loginLimits = options.loginLimits ?? defaultLoginLimits;
  // The sign-in (auth) checks one-time codes through the two-factor module, which sits above it.
  const twoFactorKeys = {
    secretKey: options.secretKey ?? developmentSecretKey,
    clock: options.clock ?? systemClock,
  };
  await app.register(
    async (api) => {
      // Every API route needs a signed-in user unless its config says access: 'public'.
      registerSessions(api, db, { idleMinutes: sessionIdleMinutes });
      registerOperationIds(api);
      await api.register(healthRoutes, { db, engine });
      await api.register(authRoutes, {
        db,
        loginLimits,
        secureCookies,
        sessionIdleMinutes,
        secondFactor: secondFactorCheck(twoFactorKeys),
      });
      await api.register(twoFactorRoutes, { db, loginLimits, ...twoFactorKeys });
      await api.register(referenceRoutes, { db });
      await api.register(tariffRoutes, { db });
      await api.register(partnerRoutes, { db });
      await api.register(partnerSettingsRoutes, { db, secretKey: twoFactorKeys.secretKey });
      await api.register(contractRoutes, { db });
      await api.register(objectRoutes, { db });
      await api.register(userRoutes, { db });
      await api.register(staffRoutes, { db });
      await api.register(apiTokenRoutes, { db });
      await api.register(financeRoutes, { db });
      await api.register(billingRoutes, { db });
      await api.register(homeRoutes, { db });
      await api.register(portalRoutes, { db, loginLimits });
    },
    { prefix: '/api/v1' },
  );
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

/*
 * Fastify takes the proxies' addresses as they are. A number of hops it refuses (it cannot tell the
 * proxy from a client that connects directly), so a count trusts exactly that many hops from the
 * connection: meant for a server only its proxies can reach; a list of the proxies' networks is safer.
 */
function trustedProxies(trust: false | number | string[]): FastifyServerOptions['trustProxy'] {
  if (typeof trust !== 'number') return trust;
  return (_address: string, hop: number) => hop < trust;
}
