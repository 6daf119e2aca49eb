/**
 * Web Push on this device: the service worker (/sw.js, which only shows notices and opens their link), the browser's
 * permission, and the subscription the server keeps per device. Nothing here runs before someone asks for it: the
 * worker is registered when a person allows notices, never on a first visit.
 */
import type { ApiClient } from '../../lib/api/authed-client.ts';
import { call } from '../../lib/api/problem.ts';

export type PushState = 'unsupported' | 'blocked' | 'off' | 'on';

const WORKER = '/sw.js';
const INVITATION_KEY = 'sbz-push-invitation';
/** Whom this browser's subscription was last handed to the server for: `{ userId, endpoint }` as JSON. */
const REGISTERED_KEY = 'sbz-push-registered';
/** "Not now" holds the question back this long. */
const ASK_AGAIN_AFTER_MS = 30 * 86_400_000;

export function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** The device's subscription, if this browser has one for the site (reads only: registers nothing). */
async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(WORKER);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

export async function pushState(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  if (Notification.permission !== 'granted') return 'off';
  return (await currentSubscription()) ? 'on' : 'off';
}

/** `web-push`'s VAPID key is base64url; the browser wants its bytes. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Asks the browser for permission (it must follow a click), subscribes this device with the house's key and hands the
 * subscription to the server. Returns the new state; a browser that says no leaves the state `blocked` or `off`.
 */
export async function enablePush(api: ApiClient, userId: string): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'blocked' : 'off';
  const registration = await navigator.serviceWorker.register(WORKER, { scope: '/' });
  await navigator.serviceWorker.ready;
  const { publicKey } = await call(api.GET('/api/v1/push/public-key'));
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: applicationServerKey(publicKey) }));
  await register(api, userId, subscription);
  rememberAnswer();
  return 'on';
}

/** Whom this browser's subscription was handed over for, if anyone (as far as this browser knows). */
function registration(): { userId: string; endpoint: string } | undefined {
  try {
    const value = JSON.parse(readStorage(REGISTERED_KEY) || 'null') as { userId?: unknown; endpoint?: unknown } | null;
    return typeof value?.userId === 'string' && typeof value.endpoint === 'string'
      ? { userId: value.userId, endpoint: value.endpoint }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Hands a subscription to the server for `userId` (the server keeps one owner per endpoint: sending it again changes
 * nothing, and another person's sending moves it to them).
 */
async function register(api: ApiClient, userId: string, subscription: PushSubscription): Promise<void> {
  const json = subscription.toJSON();
  await call(
    api.POST('/api/v1/me/push-subscriptions', {
      body: {
        endpoint: subscription.endpoint,
        expirationTime: subscription.expirationTime,
        keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
      },
    }),
  );
  writeStorage(REGISTERED_KEY, JSON.stringify({ userId, endpoint: subscription.endpoint }));
}

/**
 * Keeps the server's copy of this device's subscription current, for the signed-in person `userId`: when the browser
 * renewed it (the worker's `pushsubscriptionchange` tells open windows; a window opened later finds an endpoint it
 * never registered), the new one is registered and the lapsed one forgotten.
 *
 * A shared browser: a subscription handed over for someone else (who left without signing out, or before this browser
 * remembered whose it was) must not keep bringing their notices to whoever uses the browser now, and this person never
 * asked for notices here. It is taken over from its owner and dropped, on the server and in the browser; this person
 * can turn notices on for themselves. Returns the function that stops listening.
 */
export function keepPushSubscriptionCurrent(api: ApiClient, userId: string): () => void {
  if (!pushSupported()) return () => undefined;
  const sync = async (oldEndpoint?: string | null) => {
    if (Notification.permission !== 'granted') return;
    const subscription = await currentSubscription();
    if (!subscription) return;
    const registered = registration();
    if (registered?.userId !== userId) {
      await register(api, userId, subscription);
      await dropSubscription(api, subscription);
      return;
    }
    if (registered.endpoint !== subscription.endpoint) await register(api, userId, subscription);
    if (oldEndpoint && oldEndpoint !== subscription.endpoint) {
      await call(api.DELETE('/api/v1/me/push-subscriptions', { body: { endpoint: oldEndpoint } }));
    }
  };
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { type?: string; oldEndpoint?: string | null } | null;
    if (data?.type === 'sbz:push-renewed') void sync(data.oldEndpoint).catch(() => undefined);
  };
  navigator.serviceWorker.addEventListener('message', onMessage);
  void sync().catch(() => undefined);
  return () => navigator.serviceWorker.removeEventListener('message', onMessage);
}

/** The server forgets the device, then the browser drops the subscription. */
async function dropSubscription(api: ApiClient, subscription: PushSubscription): Promise<void> {
  await call(api.DELETE('/api/v1/me/push-subscriptions', { body: { endpoint: subscription.endpoint } }));
  await subscription.unsubscribe();
  writeStorage(REGISTERED_KEY, '');
}

/**
 * Signing out stops this person's notices on this device (a shared or borrowed browser shows nobody's notices after
 * they leave). Offline, the browser still drops its subscription: the push service then refuses the server's next
 * notice for it, and the server forgets it.
 */
export async function releasePushOnSignOut(api: ApiClient): Promise<void> {
  if (!pushSupported()) return;
  const subscription = await currentSubscription();
  if (!subscription) return;
  await dropSubscription(api, subscription).catch(async () => {
    await subscription.unsubscribe();
    writeStorage(REGISTERED_KEY, '');
  });
}

/** Stops notices on this device: the server forgets it first, then the browser drops the subscription. */
export async function disablePush(api: ApiClient): Promise<PushState> {
  const subscription = pushSupported() ? await currentSubscription() : null;
  if (subscription) await dropSubscription(api, subscription);
  return pushState();
}

/**
 * Whether to offer notices now: only after something worth hearing back about (a message sent, a session or a piece
 * requested), only where the browser can, has not been asked yet, and the person did not say "not now" lately.
 */
export async function shouldInvite(now = Date.now()): Promise<boolean> {
  if (!pushSupported() || Notification.permission !== 'default') return false;
  const answered = Number(readStorage(INVITATION_KEY) ?? 0);
  if (answered && now - answered < ASK_AGAIN_AFTER_MS) return false;
  return !(await currentSubscription());
}

/** "Not now" (or a yes): the question waits a month. */
export function rememberAnswer(now = Date.now()): void {
  writeStorage(INVITATION_KEY, String(now));
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode): the question may come back next time, or a subscription be sent again: harmless.
  }
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
