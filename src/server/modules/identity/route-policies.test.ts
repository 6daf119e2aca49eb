import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { MODULES } from '../../app.ts';
import { mergePolicies } from '../../http/auth.ts';

let app: TestApp;
const routes: Array<{ method: string; url: string; policy: unknown }> = [];
beforeAll(async () => {
  app = await buildTestApp(
    {},
    {
      beforeRoutes: (instance) => {
        instance.addHook('onRoute', (route) => {
          const methods = Array.isArray(route.method) ? route.method : [route.method];
          for (const method of methods) routes.push({ method, url: route.url, policy: route.config?.policy });
        });
      },
    },
  );
});
afterAll(() => app.shutdown());

it('every API route declares a known policy', () => {
  const api = routes.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD');
  expect(api.length).toBeGreaterThan(15);
  const known = new Set(['public', 'authenticated', ...Object.keys(mergePolicies(MODULES))]);
  const missing = api.filter((r) => !known.has(String(r.policy))).map((r) => `${r.method} ${r.url} → ${String(r.policy)}`);
  expect(missing).toEqual([]);
});
