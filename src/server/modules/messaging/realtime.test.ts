/**
 * The realtime socket on a listening app: authentication in the first frame and a refresh without dropping, live
 * messages, receipts and typing with sequence numbers, and sockets that send garbage or flood closed with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import WebSocket from 'ws';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { accountOf, signIn, type TestAccount } from '../../test/identity.ts';
import { approvedStylist, parisMorning, requestPayload, type TestStylist } from '../stylists/test-helpers.ts';

let app: TestApp;
let base: string;
let client: TestAccount;
let stylist: TestStylist;
let conversationId: string;

interface Live {
  ws: WebSocket;
  events: Record<string, unknown>[];
  closed: Promise<{ code: number; reason: string }>;
  next(match: (e: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
}

async function connect(token?: string): Promise<Live> {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/realtime`);
  const events: Record<string, unknown>[] = [];
  const waiters: Array<{ match: (e: Record<string, unknown>) => boolean; resolve: (e: Record<string, unknown>) => void }> = [];
  ws.on('message', (data) => {
    const event = JSON.parse(String(data)) as Record<string, unknown>;
    events.push(event);
    for (const w of [...waiters]) {
      if (!w.match(event)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(event);
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)));
  const live: Live = {
    ws,
    events,
    closed,
    next: (match, timeoutMs = 5_000) => {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no matching event; got ${JSON.stringify(events)}`)), timeoutMs);
        waiters.push({ match, resolve: (e) => (clearTimeout(t), resolve(e)) });
      });
    },
  };
  if (token) {
    ws.send(JSON.stringify({ type: 'auth', token }));
    await live.next((e) => e.type === 'ready');
  }
  return live;
}

beforeAll(async () => {
  app = await buildTestApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const admin = await accountOf(app, 'ADMIN');
  client = await accountOf(app, 'CLIENT');
  stylist = await approvedStylist(app, admin);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/matching/request',
    headers: client.auth,
    payload: requestPayload(client, stylist, parisMorning(3), { message: 'Hello' }),
  });
  expect(res.statusCode, res.body).toBe(201);
  conversationId = (await app.inject({ method: 'GET', url: '/api/v1/conversations', headers: client.auth })).json().conversations[0]
    .conversationId;
}, 120_000);
afterAll(async () => app?.shutdown());

describe('the realtime socket', () => {
  it('delivers a message live with its sequence, then the read receipt and unread counts', async () => {
    const stylistLive = await connect(stylist.accessToken);
    const clientLive = await connect(client.accessToken);
    // The booking request's own events are published by the outbox after beforeAll's commit; one may reach the new
    // socket just before its 'ready', so 'ready' is looked for, not assumed first.
    expect(await stylistLive.next((e) => e.type === 'ready')).toMatchObject({ type: 'ready', userId: stylist.userId, unread: 1 });

    const sent = await app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: client.auth,
      payload: { senderId: client.userId, recipientId: stylist.userId, content: 'Are you free on Friday?' },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const live = await stylistLive.next((e) => e.type === 'message' && e.seq === 2);
    expect(live).toMatchObject({ conversationId, seq: 2, message: { content: 'Are you free on Friday?', senderId: client.userId } });
    expect(await stylistLive.next((e) => e.type === 'unread' && e.seq === 2)).toMatchObject({ total: 2, count: 2 });

    const read = await app.inject({
      method: 'PUT',
      url: `/api/v1/conversations/${conversationId}/read`,
      headers: stylist.auth,
      payload: { seq: 2 },
    });
    expect(read.json()).toEqual({ readUpTo: 2, unreadCount: 0 });
    expect(await clientLive.next((e) => e.type === 'receipt' && e.readUpTo === 2)).toMatchObject({
      conversationId,
      userId: stylist.userId,
      seq: 2,
    });

    // Typing reaches the other side, expiring on its own; a second one within two seconds is dropped.
    stylistLive.ws.send(JSON.stringify({ type: 'typing', conversationId }));
    stylistLive.ws.send(JSON.stringify({ type: 'typing', conversationId }));
    const typing = await clientLive.next((e) => e.type === 'typing');
    expect(typing).toMatchObject({ conversationId, userId: stylist.userId, seq: 2 });
    expect(Date.parse(String(typing.expiresAt))).toBeGreaterThan(Date.now());
    await new Promise((r) => setTimeout(r, 300));
    expect(clientLive.events.filter((e) => e.type === 'typing')).toHaveLength(1);
    stylistLive.ws.close();
    clientLive.ws.close();
  });

  it('publishes straight after commit and cancels the outbox job; when that publish fails, the outbox job delivers it', async () => {
    const stylistLive = await connect(stylist.accessToken);
    const pendingPublishes = async () =>
      Number(
        (
          await queryRows<{ n: number }>(
            app.db,
            sql`select count(*)::int as n from jobs where name = 'messaging.publish' and status = 'pending'`,
          )
        )[0]!.n,
      );
    const send = async (content: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/messages',
        headers: client.auth,
        payload: { senderId: client.userId, recipientId: stylist.userId, conversationId, content },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ seq: number }>().seq;
    };

    const seq = await send('Published by the instance that committed it');
    expect(await stylistLive.next((e) => e.type === 'message' && e.seq === seq, 2_000)).toMatchObject({
      message: { content: 'Published by the instance that committed it' },
    });
    // The fallback job, due seconds later, is cancelled once the event went out.
    await expect.poll(pendingPublishes, { timeout: 3_000 }).toBe(0);

    // The process "dies" between commit and publish: the bus refuses the direct publish once.
    const bus = (app as unknown as { ctx: AppContext }).ctx.adapters.realtime;
    const publish = bus.publish;
    let refused = 0;
    bus.publish = async (envelope) => {
      if (envelope.event.type === 'message' && refused === 0) {
        refused += 1;
        throw new Error('bus down');
      }
      return publish(envelope);
    };
    try {
      const lost = await send('Published by the outbox');
      await new Promise((r) => setTimeout(r, 500));
      expect(stylistLive.events.some((e) => e.type === 'message' && e.seq === lost)).toBe(false);
      expect(await pendingPublishes()).toBe(1);
      // Its due time brought forward (instead of waiting the fallback delay): a worker publishes it, once.
      await app.db.execute(sql`update jobs set run_at = now() where name = 'messaging.publish' and status = 'pending'`);
      expect(await stylistLive.next((e) => e.type === 'message' && e.seq === lost, 5_000)).toMatchObject({
        message: { content: 'Published by the outbox' },
      });
      await expect.poll(pendingPublishes, { timeout: 3_000 }).toBe(0);
      expect(stylistLive.events.filter((e) => e.type === 'message' && e.seq === lost)).toHaveLength(1);
    } finally {
      bus.publish = publish;
      stylistLive.ws.close();
    }
  });

  it('takes a fresh access token without dropping, and refuses another account’s token', async () => {
    const live = await connect(client.accessToken);
    const fresh = await signIn(app, client.email, client.password);
    live.ws.send(JSON.stringify({ type: 'auth', token: fresh.accessToken }));
    expect(await live.next((e) => e.type === 'auth.ok')).toHaveProperty('expiresAt');
    expect(live.ws.readyState).toBe(WebSocket.OPEN);
    live.ws.send(JSON.stringify({ type: 'auth', token: stylist.accessToken }));
    expect((await live.closed).code).toBe(4401);
  });

  it('closes a socket that never authenticates, sends garbage, or floods, with a reason; the server stays up', async () => {
    const anonymous = await connect();
    anonymous.ws.send(JSON.stringify({ type: 'typing', conversationId }));
    expect(await anonymous.closed).toMatchObject({ code: 4401, reason: expect.stringContaining('authentication required') });

    const badToken = await connect();
    badToken.ws.send(JSON.stringify({ type: 'auth', token: 'a.b.c' }));
    expect((await badToken.closed).code).toBe(4401);

    const garbage = await connect(client.accessToken);
    garbage.ws.send('{not json');
    expect(await garbage.closed).toMatchObject({ code: 1003, reason: expect.stringContaining('garbage') });

    const binary = await connect(client.accessToken);
    binary.ws.send(Buffer.from([1, 2, 3]));
    expect((await binary.closed).code).toBe(1003);

    const flood = await connect(client.accessToken);
    for (let i = 0; i < 100; i++) flood.ws.send(JSON.stringify({ type: 'ping' }));
    expect(await flood.closed).toMatchObject({ code: 1008, reason: expect.stringContaining('flooding') });

    const foreign = await connect(client.accessToken);
    foreign.ws.send(JSON.stringify({ type: 'typing', conversationId: '01900000-0000-7000-8000-000000000000' }));
    expect(await foreign.next((e) => e.type === 'error')).toMatchObject({ message: 'No such conversation' });
    foreign.ws.close();

    expect((await app.inject({ method: 'GET', url: '/api/v1/healthz' })).statusCode).toBe(200);
    const plain = await app.inject({ method: 'GET', url: '/api/v1/realtime' });
    expect(plain.statusCode).toBe(400);
  });
});
