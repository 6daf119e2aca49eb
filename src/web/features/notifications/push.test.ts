/**
 * Web Push on a shared browser: whose notices this device receives. The browser (service worker registration, push
 * manager, permission, storage) is a stand-in; the server is a stand-in with the real one's rules: one owner per
 * endpoint, a registration moves the endpoint to the caller, a deletion only removes the caller's own.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../lib/api/authed-client.ts';
import { disablePush, enablePush, keepPushSubscriptionCurrent, releasePushOnSignOut } from './push.ts';

const owners = new Map<string, string>();
const ok = { data: {}, response: { ok: true, status: 200 } as Response };
const apiFor = (userId: string) =>
  ({
    GET: async () => ({
      data: { publicKey: 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U' },
      response: ok.response,
    }),
    POST: async (_path: string, { body }: { body: { endpoint: string } }) => (owners.set(body.endpoint, userId), ok),
    DELETE: async (_path: string, { body }: { body: { endpoint: string } }) => {
      if (owners.get(body.endpoint) === userId) owners.delete(body.endpoint);
      return ok;
    },
  }) as unknown as ApiClient;

let current: { endpoint: string; expirationTime: null; toJSON(): unknown; unsubscribe(): Promise<boolean> } | null = null;
let issued = 0;
const listeners = new Set<(event: MessageEvent) => void>();
const storage = new Map<string, string>();
function subscription(endpoint: string) {
  const made = {
    endpoint,
    expirationTime: null,
    toJSON: () => ({ endpoint, keys: { p256dh: 'p', auth: 'a' } }),
    unsubscribe: async () => {
      if (current === made) current = null;
      return true;
    },
  };
  return made;
}
const pushManager = {
  getSubscription: async () => current,
  subscribe: async () => (current = subscription(`https://push.example/${++issued}`)),
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  owners.clear();
  storage.clear();
  listeners.clear();
  current = null;
  issued = 0;
  const registration = { pushManager };
  vi.stubGlobal('window', { PushManager: class {}, Notification: class {} });
  vi.stubGlobal('Notification', { permission: 'granted', requestPermission: async () => 'granted' });
  vi.stubGlobal('navigator', {
    serviceWorker: {
      register: async () => registration,
      getRegistration: async () => registration,
      ready: Promise.resolve(registration),
      addEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.delete(listener),
    },
  });
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('push notices on a shared browser', () => {
  it('signing out stops the person’s notices on this device, on the server and in the browser', async () => {
    expect(await enablePush(apiFor('ann'), 'ann')).toBe('on');
    expect([...owners]).toEqual([['https://push.example/1', 'ann']]);
    await releasePushOnSignOut(apiFor('ann'));
    expect(owners.size).toBe(0);
    expect(current).toBeNull();
  });

  it('a subscription left by someone who did not sign out is taken from them and dropped when another person signs in', async () => {
    await enablePush(apiFor('ann'), 'ann');
    // Ann's session lapsed; Ben signs in on the same browser and the header's bell starts.
    const stop = keepPushSubscriptionCurrent(apiFor('ben'), 'ben');
    await settle();
    stop();
    expect(owners.size).toBe(0); // Ann's notices no longer come here; Ben never asked for them here.
    expect(current).toBeNull();
    // Ben can still choose notices for himself.
    expect(await enablePush(apiFor('ben'), 'ben')).toBe('on');
    expect([...owners.values()]).toEqual(['ben']);
  });

  it('the person who turned notices on keeps them, and a renewed subscription replaces the lapsed one', async () => {
    await enablePush(apiFor('ann'), 'ann');
    const stop = keepPushSubscriptionCurrent(apiFor('ann'), 'ann');
    await settle();
    expect([...owners]).toEqual([['https://push.example/1', 'ann']]);
    // The browser renews the subscription; the worker tells the window.
    const old = current!.endpoint;
    await pushManager.subscribe();
    for (const listener of listeners) listener({ data: { type: 'sbz:push-renewed', oldEndpoint: old } } as MessageEvent);
    await settle();
    await settle();
    stop();
    expect([...owners]).toEqual([['https://push.example/2', 'ann']]);
  });

  it('turning notices off forgets the device for its owner', async () => {
    await enablePush(apiFor('ann'), 'ann');
    expect(await disablePush(apiFor('ann'))).toBe('off');
    expect(owners.size).toBe(0);
  });
});
