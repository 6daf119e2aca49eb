/**
 * Every registered API operation gets at least 200 malformed requests (issue #11.7): broken path parameters,
 * query strings and bodies (NUL characters, lone surrogates, wrong types, huge and negative numbers, deep
 * nesting, invalid JSON, wrong content types) from every kind of caller. Not one may answer 5xx, and every
 * error must have the `{ code, message }` shape. Requests go through `inject`, not the network, to stay fast.
 */
import type { RouteOptions } from 'fastify';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { accountOf, type TestAccount } from './identity.ts';

const PER_OPERATION = 200;

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  body?: z.ZodType;
  querystring?: z.ZodType;
}

// Text values no field should choke on. JSON escapes keep lone surrogates intact on the wire.
const NASTY_TEXT = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00',
  '\udfff\ud800',
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '\u202e\u0301',
  '😀'.repeat(40),
  'x'.repeat(10_000),
  '',
  ' ',
  'null',
  '-1',
  '1e309',
  '0x10',
  '{}',
  '[]',
];
const NASTY_VALUES: unknown[] = [
  ...NASTY_TEXT,
  null,
  true,
  false,
  0,
  -1,
  -0.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  [],
  [null],
  ['\u0000'],
  {},
  { '\u0000': 1 },
  { a: { b: { c: { d: { e: '\ud800' } } } } },
  Array.from({ length: 200 }, (_, i) => i),
];
// Path segments, already as they appear in a URL.
const NASTY_SEGMENTS = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%C0%AF',
  '%',
  '%zz',
  '..%2F..%2Fetc',
  'x'.repeat(300),
  '-1',
  '0',
  'null',
  "'%20OR%201=1",
  '%F0%9F%98%80',
  '0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f%00',
  '00000000-0000-0000-0000-000000000000',
  'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ',
  '%2e%2e',
  '%20',
  '1e309',
  '%u0000',
];
const RAW_BODIES = [
  '{',
  '{"a":',
  'null',
  '[]',
  '"text"',
  '123',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '\u0000',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  `{"a":${'['.repeat(500)}${']'.repeat(500)}}`,
];
const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/xml',
];

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

function keysOf(schema: z.ZodType | undefined): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** The i-th malformed request for an operation: a path, a query and a body, each broken in its own way. */
function malformed(op: Operation, i: number, rng: () => number) {
  const kind = i % 4; // 0 path, 1 query, 2 body fields, 3 raw body / content type
  const url = op.url.replace(/:(\w+)/g, () =>
    kind === 0 || rng() < 0.3 ? pick(rng, NASTY_SEGMENTS) : '0195f3a2-7c1d-7b8e-9a4f-2d3c4b5a6e7f',
  );
  const queryKeys = [...keysOf(op.querystring), 'nextToken', 'maxResults', 'q'];
  const query =
    kind === 1 || rng() < 0.2
      ? `?${Array.from({ length: 1 + Math.floor(rng() * 3) }, () => `${pick(rng, queryKeys)}=${pick(rng, NASTY_SEGMENTS)}`).join('&')}`
      : '';
  let payload: string | undefined;
  let contentType = 'application/json';
  if (op.method !== 'GET' && op.method !== 'DELETE') {
    if (kind === 3) {
      payload = pick(rng, RAW_BODIES);
      contentType = pick(rng, CONTENT_TYPES);
    } else {
      const fields = keysOf(op.body);
      const body: Record<string, unknown> = {};
      for (const key of fields.length ? fields : ['value']) body[key] = kind === 2 || rng() < 0.5 ? pick(rng, NASTY_VALUES) : 'plain text';
      payload = JSON.stringify(body);
    }
  }
  return { url: `${url}${query}`, payload, contentType };
}

let app: TestApp;
const operations: Operation[] = [];
const callers: Array<TestAccount | undefined> = [undefined];
/** Malformed requests sent per operation ("POST /api/v1/orders"), filled by the fuzz pass. */
const perOperation = new Map<string, number>();

beforeAll(async () => {
  app = await buildTestApp(
    {},
    {
      beforeRoutes: (instance) =>
        instance.addHook('onRoute', (route: RouteOptions) => {
          const schema = route.schema as { body?: z.ZodType; querystring?: z.ZodType } | undefined;
          for (const method of [route.method].flat()) {
            if (method === 'HEAD' || method === 'OPTIONS' || !route.url.startsWith('/api/v1/')) continue;
            operations.push({
              method: method as Operation['method'],
              url: route.url,
              body: schema?.body,
              querystring: schema?.querystring,
            });
          }
        }),
    },
  );
  for (const [type, vip] of [
    ['CLIENT', false],
    ['CLIENT', true],
    ['STYLIST', false],
    ['BRAND_PARTNER', false],
    ['ADMIN', false],
  ] as const) {
    callers.push(await accountOf(app, type, { vip }));
  }
}, 180_000);
afterAll(() => app.shutdown());

// Requests that would end the callers' own sessions are sent anonymously, so the run keeps its callers.
const endsSession = (op: Operation) =>
  op.url.endsWith('/auth/logout') || (op.method === 'DELETE' && op.url.includes('/auth/sessions')) || op.url.endsWith('/users/:userId');

describe('fuzzing every operation', () => {
  it(`answers ${PER_OPERATION} malformed requests per operation without a single 5xx, every error as { code, message }`, async () => {
    expect(operations.length).toBeGreaterThan(80);
    const problems: string[] = [];
    let sent = 0;
    for (const [n, op] of operations.entries()) {
      const rng = random(n + 1);
      for (let batch = 0; batch < PER_OPERATION; batch += 20) {
        await Promise.all(
          Array.from({ length: 20 }, async (_, j) => {
            const i = batch + j;
            const { url, payload, contentType } = malformed(op, i, rng);
            const caller = endsSession(op) ? undefined : callers[i % callers.length];
            const res = await app.inject({
              method: op.method,
              url,
              remoteAddress: `10.${n % 250}.${Math.floor(i / 250)}.${(i % 250) + 1}`,
              headers: { ...(payload !== undefined ? { 'content-type': contentType } : {}), ...(caller ? caller.auth : {}) },
              ...(payload !== undefined ? { payload } : {}),
            });
            sent++;
            perOperation.set(`${op.method} ${op.url}`, (perOperation.get(`${op.method} ${op.url}`) ?? 0) + 1);
            if (res.statusCode >= 500) problems.push(`${op.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
            else if (res.statusCode >= 400) {
              const body = (() => {
                try {
                  return res.json() as { code?: unknown; message?: unknown };
                } catch {
                  return undefined;
                }
              })();
              if (typeof body?.code !== 'string' || typeof body.message !== 'string')
                problems.push(`${op.method} ${url} → ${res.statusCode} without { code, message }: ${res.body.slice(0, 200)}`);
            }
          }),
        );
      }
    }
    expect(sent).toBeGreaterThanOrEqual(operations.length * PER_OPERATION);
    expect(Math.min(...perOperation.values()), 'fewest malformed requests any one operation got').toBeGreaterThanOrEqual(PER_OPERATION);
    expect([...new Set(problems)].slice(0, 40)).toEqual([]);
  }, 600_000);

  it('covers every operation the OpenAPI document lists', () => {
    const document = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    expect(documented.length).toBeGreaterThan(80);
    const fuzzed = new Set(operations.map((op) => `${op.method} ${op.url}`));
    expect(documented.filter((operation) => !fuzzed.has(operation))).toEqual([]);
  });
});
