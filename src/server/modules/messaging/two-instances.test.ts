/**
 * Two instances on one PostgreSQL and a Redis of this test's own: a socket on each; 1,000 messages sent to instance A
 * reach the recipient's socket on instance B in order with none missing, although Redis is killed and restarted in
 * the middle (pub/sub drops what it could not deliver; the browser's sync logic repairs over HTTP). PostgreSQL only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { ConversationSync } from '../../../shared/conversation-sync.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase, type Database } from '../../db/client.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { adminUrl, databaseUrlFor } from '../../test/postgres.ts';
import type { TestApp } from '../../test/app.ts';
import { openBookingConversation } from './service.ts';

const url = process.env.DATABASE_URL;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

describe.runIf(url)('two instances, a socket on each, Redis restarted in the middle', () => {
  const name = `sbz_test_${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sbz-msg-two-'));
  const databases: Database[] = [];
  let redisPort: number;
  let redis: ChildProcess | undefined;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let admin: { query: (sql: string) => Promise<unknown>; end: () => Promise<void> };

  const startRedis = async () => {
    redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 50; i++) {
      const up = await new Promise<boolean>((resolve) => {
        const s = createServer();
        s.once('error', () => resolve(true));
        s.listen(redisPort, '127.0.0.1', () => s.close(() => resolve(false)));
      });
      if (up) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  async function instance(): Promise<FastifyInstance> {
    const database = await openDatabase({ kind: 'postgres', url: databaseUrlFor(url!, name), poolMax: 5 });
    databases.push(database);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      DATA_DIR: dataDir,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      RATE_LIMIT_MAX: '100000',
    });
    const app = await buildApp({ config, database, webBuildDir: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return app;
  }

  beforeAll(async () => {
    redisPort = await freePort();
    await startRedis();
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: adminUrl(url!) });
    await client.connect();
    await client.query(`create database ${name} template ${inject('postgresTemplate')}`);
    admin = client;
    [a, b] = [await instance(), await instance()];
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    redis?.kill('SIGKILL');
    await Promise.all(databases.map((d) => d.close()));
    await admin?.query(`drop database if exists ${name} with (force)`);
    await admin?.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const wsUrl = (app: FastifyInstance) => `ws://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1/realtime`;

  it('delivers 1,000 messages from A to B in order, none missing, through a Redis restart', async () => {
    const client = await accountOf(a as TestApp, 'CLIENT');
    const stylist: TestAccount = await accountOf(a as TestApp, 'STYLIST');
    const conversationId = await a.db.transaction((tx) =>
      openBookingConversation(a.ctx, tx, {
        clientId: client.userId,
        stylistUserId: stylist.userId,
        bookingRequestId: crypto.randomUUID(),
        startTime: new Date().toISOString(),
        durationMinutes: 60,
      }),
    );

    // The recipient's socket on B, with the browser's sync logic; the sender's on A.
    const received: number[] = [];
    let repairs = 0;
    const sync = new ConversationSync<{ seq: number; content: string }>(
      async (id, afterSeq) => {
        repairs += 1;
        const out: { seq: number; content: string }[] = [];
        let token: string | undefined;
        do {
          const res = await b.inject({
            method: 'GET',
            url: `/api/v1/messages?userId=${stylist.userId}&conversationId=${id}&afterSeq=${afterSeq}&maxResults=200${token ? `&nextToken=${token}` : ''}`,
            headers: stylist.auth,
          });
          expect(res.statusCode, res.body).toBe(200);
          out.push(...res.json().messages);
          token = res.json().nextToken;
        } while (token);
        return out;
      },
      (_id, messages) => received.push(...messages.map((m) => m.seq)),
    );
    sync.follow(conversationId, 1);
    const resyncs: string[] = [];
    const socketB = new WebSocket(wsUrl(b));
    socketB.on('message', (data) => {
      const event = JSON.parse(String(data));
      if (event.type === 'resync') resyncs.push(event.reason);
      sync.onEvent(event);
    });
    await new Promise((r) => socketB.once('open', r));
    socketB.send(JSON.stringify({ type: 'auth', token: stylist.accessToken }));
    const socketA = new WebSocket(wsUrl(a));
    const seenOnA: number[] = [];
    socketA.on('message', (data) => {
      const event = JSON.parse(String(data));
      if (event.type === 'message') seenOnA.push(event.seq);
    });
    await new Promise((r) => socketA.once('open', r));
    socketA.send(JSON.stringify({ type: 'auth', token: client.accessToken }));
    await new Promise((r) => setTimeout(r, 300));

    for (let i = 1; i <= 1000; i++) {
      const res = await a.inject({
        method: 'POST',
        url: '/api/v1/messages',
        headers: client.auth,
        payload: { senderId: client.userId, recipientId: stylist.userId, conversationId, content: `message ${i}` },
      });
      expect(res.statusCode, res.body).toBe(201);
      if (i === 400) {
        // Redis dies mid-way and comes back on the same port.
        redis!.kill('SIGKILL');
        await new Promise((r) => setTimeout(r, 300));
        await startRedis();
      }
    }
    const deadline = Date.now() + 60_000;
    while (received.length < 1000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(received).toEqual(Array.from({ length: 1000 }, (_, i) => i + 2));
    expect(resyncs.length).toBeGreaterThan(0);
    expect(repairs).toBeGreaterThan(0);
    // The sender's own socket on A saw its messages live too (the bus reaches both instances).
    expect(seenOnA.length).toBeGreaterThan(500);
    socketA.close();
    socketB.close();
  }, 300_000);
});
