import { request } from 'node:http';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { trackInFlight } from './in-flight.ts';

describe('trackInFlight', () => {
  it('keeps shutdown waiting for a handler whose caller hung up, until the handler is done', async () => {
    const app = Fastify();
    trackInFlight(app);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const steps: string[] = [];
    app.get('/slow', async () => {
      started();
      await released;
      steps.push('handler finished');
      return { ok: true };
    });
    app.get('/sync', (_request, reply) => reply.send({ ok: true }));
    const address = await app.listen({ port: 0, host: '127.0.0.1' });

    expect(await app.whenIdle(10)).toBe(true);
    const sync = await fetch(`${address}/sync`);
    expect(sync.status).toBe(200);
    expect(await app.whenIdle(10)).toBe(true);

    const req = request(`${address}/slow`);
    req.on('error', () => undefined);
    req.end();
    await running;
    req.destroy(); // the caller hangs up: the server's close no longer waits for this request
    await app.close();
    expect(await app.whenIdle(20)).toBe(false);
    const idle = app.whenIdle(5_000).then((v) => {
      steps.push('idle');
      return v;
    });
    release();
    expect(await idle).toBe(true);
    expect(steps).toEqual(['handler finished', 'idle']);
  });

  it('counts a handler that throws as finished', async () => {
    const app = Fastify();
    trackInFlight(app);
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.get('/reject', async () => {
      throw new Error('reject');
    });
    expect((await app.inject('/boom')).statusCode).toBe(500);
    expect((await app.inject('/reject')).statusCode).toBe(500);
    expect(await app.whenIdle(10)).toBe(true);
  });
});
