import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRedis, type Redis } from './redis.ts';

let redis: Redis | undefined;
afterEach(() => {
  redis?.disconnect();
  vi.restoreAllMocks();
});

describe('the Redis connection', () => {
  it('logs an outage once, however many times it retries, and never as an unhandled error event', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.fn();
    // Nothing listens on port 1: every attempt fails and ioredis keeps retrying.
    redis = createRedis('redis://127.0.0.1:1', { warn, info: vi.fn() });
    let attempts = 0;
    redis.on('error', () => (attempts += 1));
    await vi.waitFor(() => expect(attempts).toBeGreaterThanOrEqual(3), { timeout: 10_000, interval: 50 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[1]).toMatch(/unreachable/);
    expect(printed.mock.calls.flat().join(' ')).not.toMatch(/Unhandled error event/);
  });

  it('answers commands when Redis is there', async () => {
    const warn = vi.fn();
    redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { warn, info: vi.fn() });
    expect(await redis.ping()).toBe('PONG');
    expect(warn).not.toHaveBeenCalled();
  });
});
