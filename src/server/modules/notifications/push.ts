/**
 * Web Push through `web-push` with VAPID keys: from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY, or generated once into
 * DATA_DIR/keys/vapid.json so the demo needs no setup (several instances must share the env values). A push carries
 * a title and a link, never a name or a message body: the service worker shows it as is.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import type { AppContext } from '../../context.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const cache = new Map<string, VapidKeys>();

export function vapidKeys(config: Pick<AppContext['config'], 'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY' | 'dataDir'>): VapidKeys {
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY)
    return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY };
  const file = join(config.dataDir, 'keys', 'vapid.json');
  const cached = cache.get(file);
  if (cached) return cached;
  if (!existsSync(file)) {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    chmodSync(file, 0o600);
  }
  const keys = JSON.parse(readFileSync(file, 'utf8')) as VapidKeys;
  cache.set(file, keys);
  return keys;
}

export interface PushSubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/**
 * Sends one push: `gone` when the service forgot the subscription (404/410), `failed` for anything to retry.
 * `web-push` encrypts and signs (VAPID); the request itself goes out through fetch, which speaks to a push service
 * over https (every browser's) and to a local one over http (the push test's `web-push-testing`).
 */
export async function sendPush(
  ctx: AppContext,
  subscription: PushSubscriptionJson,
  payload: { title: string; link: string; tag: string },
): Promise<'sent' | 'gone' | 'failed'> {
  const keys = vapidKeys(ctx.config);
  try {
    const request = webpush.generateRequestDetails(subscription, JSON.stringify(payload), {
      vapidDetails: { subject: ctx.config.VAPID_SUBJECT, publicKey: keys.publicKey, privateKey: keys.privateKey },
      TTL: 24 * 3600,
      // A redelivery after a crash replaces the first one on the device instead of showing twice.
      topic: payload.tag.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32),
    });
    const res = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body ? new Uint8Array(request.body) : null,
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.status === 404 || res.status === 410) return 'gone';
    return res.ok ? 'sent' : 'failed';
  } catch {
    return 'failed';
  }
}
