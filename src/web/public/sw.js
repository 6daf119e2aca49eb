/*
 * StyleByZaga's service worker: Web Push only. It shows the notice the server sent (a title and a link into the site;
 * the server never puts a client's name or a message's words in it, and this worker adds none) and, on a click, brings
 * the site forward at that link. When the browser renews the subscription, it subscribes again with the house's key
 * and tells the site's open windows, which hand the new one to the server (the worker holds no session of its own; a
 * window opened later does the same: features/notifications/push.ts). It handles no fetch: pages, data and offline
 * behaviour are exactly as without it.
 */

const HOUSE = 'StyleByZaga';
const FALLBACK_LINK = '/account/notifications';

/** Only a path inside this site: a notice can never send anyone elsewhere. */
function safeLink(link) {
  return typeof link === 'string' && link.startsWith('/') && !link.startsWith('//') && !link.includes('\\') ? link : FALLBACK_LINK;
}

/** What the notification shows, from the push payload ({ title, link, tag }); a payload that cannot be read still says something. */
function noticeOf(data) {
  let payload;
  try {
    payload = data ? data.json() : {};
  } catch {
    payload = {};
  }
  const title = typeof payload.title === 'string' && payload.title.trim() ? payload.title.slice(0, 200) : 'A new notice from the house';
  return {
    title,
    options: {
      body: HOUSE,
      tag: typeof payload.tag === 'string' ? payload.tag : undefined,
      data: { link: safeLink(payload.link) },
      lang: 'en',
    },
  };
}

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('push', (event) => {
  const notice = noticeOf(event.data);
  event.waitUntil(self.registration.showNotification(notice.title, notice.options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const link = safeLink(event.notification.data && event.notification.data.link);
  const target = new URL(link, self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (!open) return self.clients.openWindow(target);
      // A window this worker does not control cannot be navigated from here: then a new one opens at the link.
      return open
        .focus()
        .then((focused) => (focused || open).navigate(target))
        .catch(() => self.clients.openWindow(target));
    }),
  );
});

/** The house's key: the lapsed subscription's own, or the server's (public, no session needed). */
async function houseKey(old) {
  const key = old && old.options && old.options.applicationServerKey;
  if (key) return key;
  const res = await fetch('/api/v1/push/public-key');
  return (await res.json()).publicKey;
}

/** The browser renewed or dropped this device's subscription: subscribe again if it did not, and tell the open windows. */
async function renewSubscription(event) {
  const old = event.oldSubscription || null;
  const renewed =
    event.newSubscription ||
    (await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: await houseKey(old) }));
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const w of windows) w.postMessage({ type: 'sbz:push-renewed', endpoint: renewed.endpoint, oldEndpoint: old ? old.endpoint : null });
}

self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(renewSubscription(event));
});
