/**
 * Idempotency keys with Stripe's semantics (decision 007). A route opts in with `config: { idempotent: true }`; a
 * caller may then send `Idempotency-Key`. The first request with a key runs and its answer is kept for 24 h; a retry
 * with the same key and body gets that answer again without running; the same key with another body is 409; a
 * duplicate that arrives while the first runs waits for its answer, or gets 409 — never a second effect.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { and, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db } from '../db/client.ts';
import type { JobDefinition } from '../jobs/types.ts';
import { openText, sealText } from '../security/crypto.ts';
import type { Keys } from '../security/keys.ts';
import { ApiError } from './errors.ts';
import { idempotencyKeys } from './idempotency-schema.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Honour the `Idempotency-Key` header on this write (http/idempotency.ts). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency?: { scope: string; key: string };
  }
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const TTL_HOURS = 24;
/** How long a duplicate waits for the first request's answer before giving up with 409. */
const WAIT_MS = 10_000;
const WAIT_STEP_MS = 25;

const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'must be 1–255 printable characters without spaces, such as a UUID')
    .optional()
    .meta({
      description:
        'Makes a retry safe: the same key and body within 24 h returns the first answer and does nothing again; the same key with another body is 409.',
    }),
});

/** Key order does not change a body's meaning, so it does not change its hash either. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
const hashOf = (body: unknown) =>
  createHash('sha256')
    .update(canonical(body ?? null))
    .digest('base64url');

interface KeyRow {
  route: string;
  body_hash: string;
  response_status: number | null;
  response_body: string | null;
  expired: boolean;
}

async function claimKey(db: Db, scope: string, key: string, route: string, bodyHash: string): Promise<KeyRow | undefined> {
  // An expired row is as good as none: it is replaced.
  const rows = await queryRows<{ inserted: boolean }>(
    db,
    sql`insert into idempotency_keys (scope, key, route, body_hash, expires_at)
        values (${scope}, ${key}, ${route}, ${bodyHash}, now() + make_interval(hours => ${TTL_HOURS}))
        on conflict (scope, key) do update set route = excluded.route, body_hash = excluded.body_hash, response_status = null,
          response_body = null, created_at = now(), expires_at = excluded.expires_at
          where idempotency_keys.expires_at <= now()
        returning true as inserted`,
  );
  if (rows.length > 0) return undefined;
  const [existing] = await queryRows<KeyRow>(
    db,
    sql`select route, body_hash, response_status, response_body, expires_at <= now() as expired from idempotency_keys where scope = ${scope} and key = ${key}`,
  );
  return existing;
}

function replay(reply: FastifyReply, status: number, body: string | null): FastifyReply {
  return reply
    .code(status)
    .header('idempotent-replayed', 'true')
    .type('application/json; charset=utf-8')
    .send(body ?? '');
}

/** Adds the idempotency steps to every route that opts in. Register before the routes (it is an onRoute hook). */
export function registerIdempotency(app: FastifyInstance, db: Db, keys: Keys): void {
  app.decorateRequest('idempotency', undefined);

  const before = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string') return;
    const scope = request.actor ? `user:${request.actor.userId}` : `ip:${request.ip}`;
    const route = `${request.method} ${request.routeOptions.url}`;
    const bodyHash = hashOf(request.body);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const existing = await claimKey(db, scope, key, route, bodyHash);
      if (!existing) {
        request.idempotency = { scope, key };
        return;
      }
      if (existing.route !== route || existing.body_hash !== bodyHash) {
        throw new ApiError(
          'ConflictException',
          `This ${IDEMPOTENCY_HEADER} header was already used with a different request; use a new key for a new request`,
        );
      }
      if (existing.response_status !== null) return replay(reply, existing.response_status, openText(keys, existing.response_body) ?? null);
      if (Date.now() > deadline) {
        throw new ApiError('ConflictException', `A request with this ${IDEMPOTENCY_HEADER} header is still in progress; retry in a moment`);
      }
      // The first request is still running: wait for its answer (or for its row to go, after a 5xx).
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  };

  const after = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const held = request.idempotency;
    if (!held) return payload;
    request.idempotency = undefined;
    const where = and(eq(idempotencyKeys.scope, held.scope), eq(idempotencyKeys.key, held.key));
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      // Nothing to promise about a failure of ours: the caller may retry with the same key.
      await db.delete(idempotencyKeys).where(where);
      return payload;
    }
    // The answer kept for replays holds what the route answered in clear (an address, a message): sealed like the rest.
    await db
      .update(idempotencyKeys)
      .set({ responseStatus: reply.statusCode, responseBody: sealText(keys, payload) })
      .where(where);
    return payload;
  };

  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.config?.idempotent !== true) return;
    if (route.schema && !route.schema.headers) route.schema = { ...route.schema, headers: IdempotencyHeaders };
    route.preHandler = [...asArray(route.preHandler), before] as RouteOptions['preHandler'];
    route.onSend = [...asArray(route.onSend), after] as RouteOptions['onSend'];
  });
}

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Deletes keys past their 24 h, hourly, one run across all instances. */
export const idempotencyJobs: JobDefinition[] = [
  {
    name: 'platform.expire-idempotency-keys',
    every: { seconds: 3_600 },
    maxAttempts: 1,
    handle: async (_ctx, _payload, job) => {
      await job.db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, sql`now()`));
    },
  },
];
