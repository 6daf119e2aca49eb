import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import { ApiError, registerErrorHandling } from './http/errors.ts';
import { registerMetrics } from './http/metrics.ts';
import { trackInFlight } from './http/in-flight.ts';
import { lazyChildLogger } from './http/logger.ts';
import { apiSecurityHeaders } from './http/security-headers.ts';
import { findUnsafeText, unsafeTextError } from './http/unsafe-text.ts';
import { memoQueryParser, memoQueryValidator } from './http/query-memo.ts';
import { registerKeptAnswers } from './http/kept-answers.ts';
import { responseSerializerCompiler } from './http/serializer.ts';
import { createRedis, type Redis } from './http/redis.ts';
import { mergePolicies, registerAuthGuard } from './http/auth.ts';
import { actorFromAccessToken } from './modules/identity/service.ts';
import { startJobs } from './jobs/start.ts';
import { jobAdminRoutes } from './jobs/routes.ts';
import { idempotencyJobs, registerIdempotency } from './http/idempotency.ts';
import { closeAdapters, createContext } from './adapters.ts';
import { loadKeys } from './security/keys.ts';
import type { AppContext } from './context.ts';
import { jobsOf, type ModuleDefinition } from './modules/module.ts';
import { platformModule } from './modules/platform/module.ts';
import { identityModule } from './modules/identity/module.ts';
import { mailModule } from './modules/mail/module.ts';
import { newsletterModule } from './modules/newsletter/module.ts';
import { stylistsModule } from './modules/stylists/module.ts';
import { catalogModule } from './modules/catalog/module.ts';
import { paymentsModule } from './modules/payments/module.ts';
import { ledgerModule } from './modules/ledger/module.ts';
import { mediaModule } from './modules/media/module.ts';
import { editorialModule } from './modules/editorial/module.ts';
import { journalDocuments } from './modules/editorial/service.ts';
import type { KeptDocument } from './web/document-cache.ts';
import { ordersModule } from './modules/orders/module.ts';
import { messagingModule } from './modules/messaging/module.ts';
import { notificationsModule } from './modules/notifications/module.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    db: Db;
    redis: Redis | undefined;
    ctx: AppContext;
  }
}

export interface BuildAppOptions {
  config: Config;
  database: Database;
  /** Serve the server-rendered web app from this build folder; off when absent (API-only tests). */
  webBuildDir?: string | false;
  logger?: FastifyServerOptions['logger'];
  /** Called once the app exists, before any route is registered (tests watch routes with an onRoute hook). */
  beforeRoutes?: (app: FastifyInstance) => void;
  /** Run the durable job worker while the app is up (default). Off for the OpenAPI script, which has no database. */
  runJobs?: boolean;
  /** The modules to serve; all of them by default (tests add a module to see how the app treats it). */
  modules?: readonly ModuleDefinition[];
  /** Start the modules' listeners once ready (default). The OpenAPI generator only wants the routes. */
  startListeners?: boolean;
}

export const API_PREFIX = '/api/v1';

/**
 * Every module of the platform, in the order their routes register, their listeners start and their demo data is
 * seeded (decision record 005). A new module is one line here.
 */
export const MODULES: readonly ModuleDefinition[] = [
  platformModule,
  identityModule,
  mailModule,
  newsletterModule,
  stylistsModule,
  catalogModule,
  mediaModule,
  notificationsModule,
  messagingModule,
  ordersModule,
  paymentsModule,
  ledgerModule,
  editorialModule,
];

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;
// Request ids: a random prefix per process and a counter, unique across instances and cheaper than a UUID each.
const bootId = randomUUID().slice(0, 8);
let requestCount = 0;
/**
 * The caller's X-Request-Id, read from the raw header list: touching `req.headers` makes Node build the whole
 * header object, which a probe or a cached public answer never needs otherwise. A repeated header counts as none.
 */
function givenRequestId(raw: string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 12 && name.toLowerCase() === 'x-request-id') {
      if (found !== undefined) return undefined;
      found = raw[i + 1];
    }
  }
  return found;
}
/** Read by balancers, orchestrators and Prometheus every few seconds: not logged, no browser policy headers. */
const MACHINE_PATHS = new Set([`${API_PREFIX}/healthz`, `${API_PREFIX}/readyz`, '/metrics']);

/**
 * Whose X-Forwarded-For to believe: loopback always, which is how server-rendered pages call the API on a
 * visitor's behalf, plus the configured hop count or proxy ranges. Only entries appended by those proxies count;
 * whatever a client wrote at the left of the header never becomes its address (and never its rate-limit key).
 */
function trustedProxies(setting: Config['TRUST_PROXY']): FastifyServerOptions['trustProxy'] {
  const loopback = ['127.0.0.1', '::1'];
  if (setting === false) return loopback;
  // A hop count n: the n nearest addresses in the chain are our proxies (proxy-addr's own reading of a number).
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : [...setting, ...loopback];
}

/** Builds the whole platform as a Fastify app, ready to `listen` or `inject`. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: trustedProxies(config.TRUST_PROXY),
    // Keep a caller's request id when it looks like one, so traces join up across services.
    genReqId: (req) => {
      const given = givenRequestId(req.rawHeaders);
      return given !== undefined && REQUEST_ID.test(given) ? given : `${bootId}-${(++requestCount).toString(36)}`;
    },
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      // Probes and scrapes arrive every few seconds from every balancer; logging them buries real traffic.
      disableRequestLogging: (request) => MACHINE_PATHS.has(request.url),
    }),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200, querystringParser: memoQueryParser() },
    return503OnClosing: true,
    childLoggerFactory: lazyChildLogger,
    // SEARCH_INDEX=wait builds the catalogue's search index in an onReady listener before listening: a large catalogue
    // takes longer than any hook timeout (about a minute for 1,000,000 products). Otherwise a minute, not Fastify's
    // 10 s: on a busy two-core machine (CI runs three test suites at once) serving the web build's folder took longer
    // to register, and a start that is slow is not a start that is stuck.
    pluginTimeout: config.SEARCH_INDEX === 'wait' ? 0 : 60_000,
  });

  options.beforeRoutes?.(app);
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('db', database.db);
  app.decorate(
    'redis',
    config.REDIS_URL ? createRedis(config.REDIS_URL, { warn: (d, m) => app.log.warn(d, m), info: (m) => app.log.info(m) }) : undefined,
  );
  const keys = loadKeys(config);
  const ctx = createContext(database.db, config, keys);
  app.decorate('ctx', ctx);
  const modules = options.modules ?? MODULES;
  // Durable jobs of every module, run from ready to close; an app built only for its OpenAPI document runs none.
  if (options.runJobs !== false) startJobs(app, [...modules.flatMap((m) => jobsOf(m, config)), ...idempotencyJobs]);
  // Listeners run while the app is up: started once it is ready, stopped in reverse order when it closes.
  const stops: Array<() => Promise<void>> = [];
  if (options.startListeners !== false) {
    app.addHook('onReady', async () => {
      for (const module of modules) for (const listener of module.listeners) stops.push(await listener.start(app, ctx));
    });
  }
  app.addHook('onClose', async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    await app.redis?.quit();
    await closeAdapters(ctx.adapters);
  });

  // Every route's Zod validation, preceded by one check for text no database can store (NUL, lone surrogates).
  app.setValidatorCompiler((route) => {
    const validate = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
    const checked = (data: unknown) => {
      const unsafe = findUnsafeText(data);
      return unsafe ? { error: unsafeTextError(route.httpPart ?? 'body', unsafe) } : validate(data);
    };
    // A query string seen before is parsed and validated once (http/query-memo.ts).
    return route.httpPart === 'querystring' ? memoQueryValidator(checked) : checked;
  });
  app.setSerializerCompiler(responseSerializerCompiler(config.NODE_ENV !== 'production'));
  registerErrorHandling(app);

  if (config.CORS_ORIGINS.length > 0) {
    const { default: cors } = await import('@fastify/cors');
    await app.register(cors, { origin: config.CORS_ORIGINS, credentials: true });
  }
  await app.register(rateLimit, {
    global: true,
    max: config.RATE_LIMIT_MAX,
    timeWindow: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
    // Shared counters across instances when Redis is configured; in memory otherwise.
    ...(app.redis ? { redis: app.redis, nameSpace: 'sbz-rl:' } : {}),
    // Static assets and cached images are part of every page view; counting them would lock out a
    // visitor after a few pages. Image rendering has its own concurrency cap in the media module.
    allowList: (request) => request.url.startsWith('/assets/') || request.url.startsWith('/media/'),
    errorResponseBuilder: (_request, context) =>
      new ApiError('ThrottlingException', 'Too many requests. Please slow down and try again shortly.', {
        retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });

  trackInFlight(app);
  registerMetrics(app, { token: config.METRICS_TOKEN, production: config.NODE_ENV === 'production' });
  // Authentication and each route's policy: a step per route, after its rate limit (registered above).
  registerAuthGuard(app, ctx, mergePolicies(modules), actorFromAccessToken);
  // Idempotency-Key on the writes that opt in; its preHandler runs after the guard has identified the caller.
  registerIdempotency(app, database.db, keys);
  // Kept answers for readers who are not signed in, sent as the route's first step (before its rate limit and guard).
  registerKeptAnswers(app, { production: config.NODE_ENV === 'production' });
  // Security headers and the request id on every answer, in the one hook every request passes.
  const stamp = apiSecurityHeaders({ production: config.NODE_ENV === 'production' });
  app.addHook('onRequest', (request, reply, done) => {
    if (MACHINE_PATHS.has(request.url)) stamp.probe(request, reply);
    else if (request.url.startsWith('/assets/')) stamp.asset(request, reply);
    else stamp.api(request, reply);
    done();
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'StyleByZaga API',
        version: '1.0.0',
        description: 'The StyleByZaga luxury fashion & lifestyle platform. Operations follow stylebyzaga.smithy.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  app.get(
    '/api/openapi.json',
    { schema: { hide: true }, config: { rateLimit: false, policy: 'public', identifyCaller: false } },
    async () => app.swagger(),
  );

  for (const module of modules) {
    await app.register(module.routes, { prefix: API_PREFIX, ctx });
    if (module.rootRoutes) await app.register(module.rootRoutes, { ctx });
  }
  // The durable queue's dead letters, for admins (platform routes: the queue belongs to no module).
  await app.register(jobAdminRoutes, { prefix: API_PREFIX, ctx });

  app.setNotFoundHandler(async (request, reply) => {
    app.observeUnmatched(request, reply);
    throw new ApiError('ResourceNotFoundException', `No route for ${request.method} ${request.url.split('?')[0]}`);
  });

  const webBuildDir = options.webBuildDir === undefined ? resolve('build') : options.webBuildDir;
  if (webBuildDir && existsSync(resolve(webBuildDir, 'server/index.js'))) {
    const { webPlugin } = await import('./web/ssr.ts');
    await app.register(webPlugin, {
      buildDir: webBuildDir,
      production: config.NODE_ENV === 'production',
      // The Journal's pages are kept whole while nothing they show has changed (editorial's notified cache).
      documents: [journalDocuments<KeptDocument>(database.db)],
      // A local server (no PUBLIC_URL) prints and binds passkeys to localhost; browser tests (NODE_ENV=test) use 127.0.0.1 on purpose.
      loopbackToLocalhost: !config.PUBLIC_URL && config.WEBAUTHN_RP_ID === 'localhost' && config.NODE_ENV !== 'test',
    });
  }

  return app;
}
