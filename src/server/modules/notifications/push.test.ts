/**
 * Web Push end to end against a real (local) push service, `web-push-testing`: the browser side subscribes there with
 * the app's VAPID key, the app stores the subscription, a notice is pushed (encrypted, VAPID-signed) and the push
 * service decrypts what arrived; when the service says the subscription is gone (410), the app forgets the device.
 */
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, countRows, type TestApp } from '../../test/app.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { notify } from './service.ts';

interface PushService {
  startServer(): void;
  _server?: Server;
}
const require = createRequire(import.meta.url);
const { PushApiModel } = require('web-push-testing/src/PushApiModel.js') as { PushApiModel: new () => object };
const WebPushTestingServer = require('web-push-testing/src/server.js') as new (model: object, port: number) => PushService;

let app: TestApp;
let client: TestAccount;
let service: PushService;
let pushUrl: string;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

const post = async <T>(path: string, body: unknown = {}): Promise<{ status: number; body: T }> => {
  const res = await fetch(`${pushUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text.startsWith('{') ? JSON.parse(text) : text) as T };
};

interface Subscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  clientHash: string;
}

/** What a browser does: subscribe at the push service with the app's key, then hand the subscription to the app. */
async function subscribeDevice(account: TestAccount): Promise<Subscription> {
  const { publicKey } = (await app.inject({ method: 'GET', url: '/api/v1/push/public-key' })).json<{ publicKey: string }>();
  const subscribed = await post<{ data: Subscription }>('/subscribe', { userVisibleOnly: 'true', applicationServerKey: publicKey });
  expect(subscribed.status, JSON.stringify(subscribed.body)).toBe(200);
  const { endpoint, keys } = subscribed.body.data;
  const saved = await app.inject({
    method: 'POST',
    url: '/api/v1/me/push-subscriptions',
    headers: account.auth,
    payload: { endpoint, keys },
  });
  expect(saved.statusCode, saved.body).toBe(201);
  return subscribed.body.data;
}

const received = async (clientHash: string) =>
  (await post<{ data: { messages: string[] } }>('/get-notifications', { clientHash })).body.data.messages.map(
    (m) => JSON.parse(m) as { title: string; link: string; tag: string },
  );

beforeAll(async () => {
  const port = await freePort();
  service = new WebPushTestingServer(new PushApiModel(), port);
  service.startServer();
  pushUrl = `http://localhost:${port}`;
  for (let i = 0; (await fetch(`${pushUrl}/status`, { method: 'POST' }).catch(() => undefined))?.status !== 200; i++) {
    if (i > 100) throw new Error('the push service did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  app = await buildTestApp();
  client = await accountOf(app, 'CLIENT');
}, 120_000);
afterAll(async () => {
  await app?.shutdown();
  service?._server?.close();
});

describe('Web Push through a local push service', () => {
  it('delivers a notice to the device with its title and link only, once; a device the service forgot (410) is removed', async () => {
    const device = await subscribeDevice(client);
    const notificationId = await app.db.transaction((tx) =>
      notify(tx, app.ctx, {
        userId: client.userId,
        kind: 'booking.answered',
        title: 'Your session is confirmed',
        body: 'Camille confirmed Thursday at 10.',
        link: '/account/bookings',
      }),
    );
    expect(notificationId).toBeDefined();
    await expect.poll(() => received(device.clientHash), { timeout: 20_000, interval: 250 }).toHaveLength(1);
    // The push text carries the title and the link, never the body (which may hold a name).
    expect(await received(device.clientHash)).toEqual([
      { title: 'Your session is confirmed', link: '/account/bookings', tag: notificationId },
    ]);

    // The browser unsubscribed: the push service answers 410 and the app forgets this device.
    expect((await post(`/expire-subscription/${device.clientHash}`)).status).toBe(200);
    expect(await countRows(app.db, 'push_subscriptions')).toBe(1);
    await app.db.transaction((tx) =>
      notify(tx, app.ctx, { userId: client.userId, kind: 'order.status', title: 'Your order has shipped', link: '/account/orders' }),
    );
    await expect.poll(() => countRows(app.db, 'push_subscriptions'), { timeout: 20_000, interval: 250 }).toBe(0);
  });
});
