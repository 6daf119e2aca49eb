/**
 * The realtime bus (decision 009): how an event reaches the sockets of its users, whichever instance holds them.
 * In process by default; Redis pub/sub when REDIS_URL is set, so several instances deliver to each other's sockets.
 * Pub/sub forgets what it could not deliver: the bus tells its subscribers when it may have lost events (a Redis
 * restart), every event carries its conversation's sequence number, and clients repair any gap over HTTP.
 */
import { Redis } from 'ioredis';

/** What travels to the browser. `seq` is the conversation's sequence when the event was made. */
export type RealtimeEvent =
  | { type: 'message'; conversationId: string; seq: number; message: unknown }
  | { type: 'message.updated'; conversationId: string; seq: number; message: unknown }
  | { type: 'receipt'; conversationId: string; seq: number; userId: string; readUpTo: number; deliveredUpTo: number }
  | { type: 'typing'; conversationId: string; seq: number; userId: string; expiresAt: string }
  | { type: 'unread'; total: number; conversationId?: string; count?: number; seq?: number }
  | { type: 'notification'; notification: unknown; unread: number }
  | { type: 'resync'; reason: string };

export interface Envelope {
  userIds: string[];
  event: RealtimeEvent;
}

export interface RealtimeBus {
  readonly kind: 'in-process' | 'redis';
  publish(envelope: Envelope): Promise<void>;
  /** Every envelope published by any instance; returns the unsubscriber. */
  subscribe(handler: (envelope: Envelope) => void): () => void;
  /** Called when events may have been lost (the subscription was down): sockets are told to fetch what they missed. */
  onGap(handler: (reason: string) => void): () => void;
  close(): Promise<void>;
}

function handlers<T>() {
  const set = new Set<T>();
  return { set, add: (h: T) => (set.add(h), () => void set.delete(h)) };
}

export function createInProcessBus(): RealtimeBus {
  const subs = handlers<(e: Envelope) => void>();
  const gaps = handlers<(r: string) => void>();
  return {
    kind: 'in-process',
    publish: async (envelope) => {
      for (const h of subs.set) h(envelope);
    },
    subscribe: subs.add,
    onGap: gaps.add,
    close: async () => undefined,
  };
}

const CHANNEL = 'sbz:realtime';

/**
 * Redis pub/sub: one connection publishes, one subscribes. When the subscriber reconnects after a loss (a Redis
 * restart, a network cut), whatever was published meanwhile is gone: subscribers hear `onGap` and sockets resync.
 * A publish while Redis is down waits in ioredis' offline queue and is sent when it is back.
 */
export function createRedisBus(url: string): RealtimeBus {
  const options = { lazyConnect: false, maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(50 * times, 1_000) };
  const pub = new Redis(url, options);
  const sub = new Redis(url, options);
  const subs = handlers<(e: Envelope) => void>();
  const gaps = handlers<(r: string) => void>();
  let everReady = false;
  let lost = false;
  pub.on('error', () => undefined);
  sub.on('error', () => undefined);
  sub.on('close', () => {
    if (everReady) lost = true;
  });
  sub.on('ready', () => {
    // ioredis re-subscribes by itself; only the events in between are gone.
    if (everReady && lost) for (const h of gaps.set) h('redis reconnected');
    everReady = true;
    lost = false;
  });
  void sub.subscribe(CHANNEL).catch(() => undefined);
  sub.on('message', (channel: string, raw: string) => {
    if (channel !== CHANNEL) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      return;
    }
    for (const h of subs.set) h(envelope);
  });
  return {
    kind: 'redis',
    publish: async (envelope) => {
      await pub.publish(CHANNEL, JSON.stringify(envelope));
    },
    subscribe: subs.add,
    onGap: gaps.add,
    close: async () => {
      pub.disconnect();
      sub.disconnect();
    },
  };
}

export function createRealtimeBus(config: { REDIS_URL?: string }): RealtimeBus {
  return config.REDIS_URL ? createRedisBus(config.REDIS_URL) : createInProcessBus();
}
