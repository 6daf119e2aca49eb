/**
 * Two instances of the platform side by side on one PostgreSQL and one Redis, as a deployment runs them: what one
 * instance changes, the other sees at once (sessions, roles), and rate limits are counted across both.
 * PostgreSQL only: an embedded PGlite database belongs to a single process.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { adminUrl, databaseUrlFor } from './postgres.ts';
import { STRONG_PASSWORD, uniqueEmail } from './identity.ts';

const url = process.env.DATABASE_URL;

describe.runIf(url)('two instances on one PostgreSQL and one Redis', () => {
  const name = `sbz_test_${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sbz-two-'));
  const databases: Database[] = [];
  let a: FastifyInstance;
  let b: FastifyInstance;
  let admin: { query: (sql: string) => Promise<unknown>; end: () => Promise<void> };
  // The rate-limit counters live in Redis for a minute: a client address of its own keeps re-runs apart.
  const addressFor = () => `198.51.100.${1 + (randomBytes(1)[0]! % 250)}`;
  let clientIp = addressFor();

  async function instance(): Promise<FastifyInstance> {
    const database = await openDatabase({ kind: 'postgres', url: databaseUrlFor(url!, name), poolMax: 3 });
    databases.push(database);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      DATA_DIR: dataDir,
      REDIS_URL: 'redis://127.0.0.1:6379',
      RATE_LIMIT_MAX: '20',
      SIGNUP_RATE_LIMIT_PER_HOUR: '1000',
    });
    const app = await buildApp({ config, database, webBuildDir: false });
    await app.ready();
    return app;
  }

  beforeAll(async () => {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: adminUrl(url!) });
    await client.connect();
    await client.query(`create database ${name} template ${inject('postgresTemplate')}`);
    admin = client;
    [a, b] = [await instance(), await instance()];
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await Promise.all(databases.map((d) => d.close()));
    await admin?.query(`drop database if exists ${name} with (force)`);
    await admin?.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const headers = (token?: string) => ({ 'x-forwarded-for': clientIp, ...(token ? { authorization: `Bearer ${token}` } : {}) });

  /** Polls instance `app` until GET /me answers `status` (the other instance hears of a change by NOTIFY). */
  async function meEventually(app: FastifyInstance, token: string, status: number): Promise<number> {
    const deadline = Date.now() + 3_000;
    let last = 0;
    while (Date.now() < deadline) {
      last = (await app.inject({ method: 'GET', url: '/api/v1/me', headers: headers(token) })).statusCode;
      if (last === status) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return last;
  }

  it('ends a session on instance B when it signs out on instance A', async () => {
    const email = uniqueEmail('twin');
    const signUp = await a.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: headers(),
      payload: { acceptTerms: true, email, password: STRONG_PASSWORD, firstName: 'Ines', lastName: 'Moreau' },
    });
    expect(signUp.statusCode, signUp.body).toBe(201);
    const login = await b.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: headers(),
      payload: { email, password: STRONG_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const token = login.json().accessToken as string;

    // B now holds the caller in its cache.
    expect((await b.inject({ method: 'GET', url: '/api/v1/me', headers: headers(token) })).statusCode).toBe(200);
    expect((await b.inject({ method: 'GET', url: '/api/v1/me', headers: headers(token) })).statusCode).toBe(200);

    const logout = await a.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: headers(token) });
    expect(logout.statusCode, logout.body).toBeLessThan(300);
    expect(await meEventually(b, token, 401)).toBe(401);
  });

  it('counts the rate limit across both instances through Redis', async () => {
    // Twenty requests a minute per client address, spent on either instance.
    let other = addressFor();
    while (other === clientIp) other = addressFor();
    clientIp = other;
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const app = i % 2 === 0 ? a : b;
      statuses.push((await app.inject({ method: 'GET', url: '/api/v1/me', headers: headers() })).statusCode);
    }
    expect(statuses.filter((s) => s === 401).length).toBe(20);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });
});
