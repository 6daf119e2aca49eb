/**
 * The service worker (src/web/public/sw.js) run in a sandbox with a stand-in `self`: a push shows the server's title
 * and nothing else of the payload, a click opens the link inside the site, never elsewhere.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const source = readFileSync(new URL('../../public/sw.js', import.meta.url), 'utf8');

type Listener = (event: Record<string, unknown>) => void;

function worker(windows: { url: string; navigated?: string; focused?: boolean; messages?: unknown[] }[] = []) {
  const listeners = new Map<string, Listener>();
  const shown: { title: string; options: Record<string, unknown> }[] = [];
  const opened: string[] = [];
  const subscribed: unknown[] = [];
  const fetched: string[] = [];
  const self = {
    location: { origin: 'https://stylebyzaga.test' },
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
    skipWaiting: () => undefined,
    registration: {
      showNotification: async (title: string, options: Record<string, unknown>) => void shown.push({ title, options }),
      pushManager: {
        subscribe: async (options: unknown) => {
          subscribed.push(options);
          return { endpoint: 'https://push.test/renewed' };
        },
      },
    },
    clients: {
      claim: async () => undefined,
      matchAll: async () =>
        windows.map((w) => ({
          url: w.url,
          focus: async function () {
            w.focused = true;
            return this;
          },
          navigate: async function (to: string) {
            w.navigated = to;
            return this;
          },
          postMessage: (message: unknown) => (w.messages ??= []).push(message),
        })),
      openWindow: async (url: string) => void opened.push(url),
    },
  };
  const fetch = async (url: string) => {
    fetched.push(url);
    return { json: async () => ({ publicKey: 'BHouseKey' }) };
  };
  runInNewContext(source, { self, URL, fetch });
  const dispatch = async (type: string, event: Record<string, unknown>) => {
    let wait: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ ...event, waitUntil: (p: Promise<unknown>) => (wait = p) });
    await wait;
  };
  return { dispatch, shown, opened, windows, subscribed, fetched };
}

const pushOf = (payload: unknown) => ({ data: { json: () => (typeof payload === 'string' ? JSON.parse(payload) : payload) } });
const clickOn = (link: unknown) => ({ notification: { close: () => undefined, data: { link } } });

describe('the service worker', () => {
  it('shows the title it was sent, the house as the only other text, and keeps the link for the click', async () => {
    const sw = worker();
    await sw.dispatch(
      'push',
      pushOf({ title: 'Your session is confirmed', link: '/account/bookings', tag: 'n-1', body: 'Camille: see you' }),
    );
    expect(sw.shown).toEqual([
      {
        title: 'Your session is confirmed',
        options: { body: 'StyleByZaga', tag: 'n-1', data: { link: '/account/bookings' }, lang: 'en' },
      },
    ]);
  });

  it('still shows something when the payload cannot be read', async () => {
    const sw = worker();
    await sw.dispatch('push', pushOf('{not json'));
    await sw.dispatch('push', { data: null });
    expect(sw.shown.map((s) => s.title)).toEqual(['A new notice from the house', 'A new notice from the house']);
    expect(sw.shown[0]!.options.data).toEqual({ link: '/account/notifications' });
  });

  it('a click brings an open window of the site to the link, or opens one', async () => {
    const open = worker([{ url: 'https://elsewhere.test/' }, { url: 'https://stylebyzaga.test/shop' }]);
    await open.dispatch('notificationclick', clickOn('/account/bookings'));
    expect(open.windows[1]).toMatchObject({ focused: true, navigated: 'https://stylebyzaga.test/account/bookings' });
    expect(open.windows[0]!.navigated).toBeUndefined();
    expect(open.opened).toEqual([]);

    const none = worker();
    await none.dispatch('notificationclick', clickOn('/studio'));
    expect(none.opened).toEqual(['https://stylebyzaga.test/studio']);
  });

  it.each([['https://evil.test/phish'], ['//evil.test/phish'], ['/\\evil.test'], [42], [undefined]])(
    'never leaves the site for a link like %s',
    async (link) => {
      const sw = worker();
      await sw.dispatch('notificationclick', clickOn(link));
      expect(sw.opened).toEqual(['https://stylebyzaga.test/account/notifications']);
    },
  );

  it('subscribes again with the house key when the browser renews the subscription, and tells every open window', async () => {
    const sw = worker([{ url: 'https://stylebyzaga.test/account' }, { url: 'https://stylebyzaga.test/shop' }]);
    const key = new Uint8Array([4, 1, 2]);
    await sw.dispatch('pushsubscriptionchange', {
      oldSubscription: { endpoint: 'https://push.test/old', options: { applicationServerKey: key } },
    });
    expect(sw.subscribed).toEqual([{ userVisibleOnly: true, applicationServerKey: key }]);
    expect(sw.fetched).toEqual([]);
    const told = { type: 'sbz:push-renewed', endpoint: 'https://push.test/renewed', oldEndpoint: 'https://push.test/old' };
    expect(sw.windows.map((w) => w.messages)).toEqual([[told], [told]]);
  });

  it('asks the server for the house key when the lapsed subscription is gone, and keeps a renewal the browser made itself', async () => {
    const lost = worker([{ url: 'https://stylebyzaga.test/' }]);
    await lost.dispatch('pushsubscriptionchange', {});
    expect(lost.fetched).toEqual(['/api/v1/push/public-key']);
    expect(lost.subscribed).toEqual([{ userVisibleOnly: true, applicationServerKey: 'BHouseKey' }]);
    expect(lost.windows[0]!.messages).toEqual([{ type: 'sbz:push-renewed', endpoint: 'https://push.test/renewed', oldEndpoint: null }]);

    const renewed = worker([{ url: 'https://stylebyzaga.test/' }]);
    await renewed.dispatch('pushsubscriptionchange', {
      oldSubscription: { endpoint: 'https://push.test/old', options: {} },
      newSubscription: { endpoint: 'https://push.test/browser-made' },
    });
    expect(renewed.subscribed).toEqual([]);
    expect(renewed.windows[0]!.messages).toEqual([
      { type: 'sbz:push-renewed', endpoint: 'https://push.test/browser-made', oldEndpoint: 'https://push.test/old' },
    ]);
  });
});
