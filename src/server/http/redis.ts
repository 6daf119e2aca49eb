import { Redis } from 'ioredis';

export type { Redis };

/** One Redis connection per instance for rate limits and cache; commands fail fast instead of queueing forever. */
export function createRedis(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    connectTimeout: 5_000,
    connectionName: 'stylebyzaga',
  });
}
