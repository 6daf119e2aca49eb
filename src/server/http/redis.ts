import { Redis } from 'ioredis';

export type { Redis };

type Warn = (details: { err: unknown }, message: string) => void;

/**
 * One Redis connection per instance for rate limits and cache; commands fail fast instead of queueing forever.
 * While Redis is away, ioredis reconnects by itself; the outage is logged once (not once per retry), and its end once.
 */
export function createRedis(url: string, log?: { warn: Warn; info: (message: string) => void }): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    connectTimeout: 5_000,
    connectionName: 'stylebyzaga',
  });
  let down = false;
  // Without a listener an 'error' event is an unhandled error (and noise on every reconnect attempt).
  redis.on('error', (err) => {
    if (down) return;
    down = true;
    log?.warn({ err }, 'Redis is unreachable; retrying in the background');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log?.info('Redis is reachable again');
  });
  return redis;
}
