import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { lazyChildLogger as lazyChild } from './logger.ts';

// The stand-in answers pino's isLevelEnabled too, which Fastify's logger type does not name.
const lazyChildLogger = (...args: Parameters<typeof lazyChild>) => lazyChild(...args) as unknown as pino.Logger;

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { parent: pino({ level }, stream), lines };
}

describe('lazyChildLogger', () => {
  it('makes no pino child for a level the parent drops', () => {
    const { parent, lines } = capture('warn');
    const child = vi.spyOn(parent, 'child');
    const log = lazyChildLogger(parent as never, { requestId: 'r-1' }, {});
    log.info('request completed');
    log.debug({ detail: 1 }, 'noise');
    expect(child).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
  });

  it('writes an enabled level through one child carrying the bindings', () => {
    const { parent, lines } = capture('warn');
    const child = vi.spyOn(parent, 'child');
    const log = lazyChildLogger(parent as never, { requestId: 'r-2' }, {});
    log.warn({ userId: 'u-1' }, 'slow query');
    log.error('failed');
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines.map((l) => [l.requestId, l.msg, l.level])).toEqual([
      ['r-2', 'slow query', 40],
      ['r-2', 'failed', 50],
    ]);
    expect(lines[0]!.userId).toBe('u-1');
  });

  it('lets a route-level log level decide for itself', () => {
    const { parent, lines } = capture('warn');
    const log = lazyChildLogger(parent as never, { requestId: 'r-3' }, { level: 'debug' });
    expect(log.isLevelEnabled('debug')).toBe(true);
    log.debug('visible at the route level');
    expect(lines.map((l) => l.msg)).toEqual(['visible at the route level']);
  });

  it('answers isLevelEnabled like the parent without making a child', () => {
    const { parent } = capture('info');
    const child = vi.spyOn(parent, 'child');
    const log = lazyChildLogger(parent as never, { requestId: 'r-4' }, {});
    expect(log.isLevelEnabled('info')).toBe(true);
    expect(log.isLevelEnabled('debug')).toBe(false);
    expect(child).not.toHaveBeenCalled();
  });
});
