import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp, MODULES } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { defineModule, type ModuleDefinition } from '../modules/module.ts';
import { mergePolicies, rule, type RoutePolicy } from './auth.ts';

// Building the app registers routes only; these tests never start listeners, so no database is needed.
const noDatabase: Database = {
  db: undefined as never,
  kind: 'postgres',
  ping: () => Promise.reject(new Error('no database')),
  close: () => Promise.resolve(),
  listen: () => Promise.reject(new Error('no database')),
};

async function build(extra: ModuleDefinition[] = []): Promise<FastifyInstance> {
  const app = await buildApp({
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    database: noDatabase,
    webBuildDir: false,
    startListeners: false,
    runJobs: false,
    modules: [...MODULES, ...extra],
  });
  await app.ready();
  return app;
}

function moduleWithRoute(policy: RoutePolicy | undefined): ModuleDefinition {
  return defineModule({
    name: 'rogue',
    routes: async (app) => {
      app.post('/rogue/things', { config: policy === undefined ? {} : { policy } }, async () => ({ ok: true }));
    },
    policies: {},
    jobs: [],
    listeners: [],
    seeders: [],
  });
}

describe('the guard fails closed', () => {
  it('refuses to start when an /api/ route declares no policy, naming the route', async () => {
    await expect(build([moduleWithRoute(undefined)])).rejects.toThrow(/Route POST \/api\/v1\/rogue\/things declares no policy/);
  });

  it('refuses to start when a route names an action no module declares', async () => {
    await expect(build([moduleWithRoute('rogue.steal' as RoutePolicy)])).rejects.toThrow(/"rogue\.steal", which no module declares/);
  });

  it('refuses the same action declared by two modules', () => {
    expect(() =>
      mergePolicies([
        { name: 'a', policies: { 'x.do': rule(() => true) } },
        { name: 'b', policies: { 'x.do': rule(() => true) } },
      ]),
    ).toThrow(/"x\.do" is declared by both the a and the b module/);
  });

  it('starts with a declared policy', async () => {
    const app = await build([moduleWithRoute('authenticated')]);
    const answer = await app.inject({ method: 'POST', url: '/api/v1/rogue/things' });
    expect(answer.statusCode).toBe(401);
    await app.close();
  });
});

describe('the OpenAPI document follows the policies', () => {
  it('every signed-in operation requires the bearer token and documents 401 and 403; public ones make it optional', async () => {
    const policyOf = new Map<string, RoutePolicy | undefined>();
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      database: noDatabase,
      webBuildDir: false,
      startListeners: false,
      runJobs: false,
      beforeRoutes: (instance) =>
        instance.addHook('onRoute', (route) => {
          for (const method of [route.method].flat()) policyOf.set(`${method.toLowerCase()} ${route.url}`, route.config?.policy);
        }),
    });
    await app.ready();
    const document = app.swagger() as unknown as {
      paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>;
    };
    let signedIn = 0;
    let open = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const key = `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        expect(policyOf.has(key), key).toBe(true);
        const policy = policyOf.get(key);
        if (policy === 'public') {
          open++;
          expect([undefined, [{}, { bearerAuth: [] }]], key).toContainEqual(operation.security);
        } else {
          signedIn++;
          expect(operation.security, key).toEqual([{ bearerAuth: [] }]);
          expect(operation.responses['401'], key).toBeDefined();
          expect(operation.responses['403'], key).toBeDefined();
        }
      }
    }
    expect(signedIn).toBeGreaterThan(30);
    expect(open).toBeGreaterThan(10);
    await app.close();
  });
});
