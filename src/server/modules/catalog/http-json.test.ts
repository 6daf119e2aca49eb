import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { sendAnswer } from './http-json.ts';

describe('sendAnswer', () => {
  it('in production sends the memoised JSON bytes (wrapped or not); elsewhere returns the object for schema checking', async () => {
    const app = Fastify();
    const answer = { products: [{ name: 'Classic Flap Bag', price: { amount: 10150.5, currency: 'EUR' } }], note: 'é ✓' };
    app.get('/plain', async (_req, reply) => sendAnswer(reply, true, answer));
    app.get('/wrapped', async (_req, reply) => sendAnswer(reply, true, answer, 'product'));
    app.get('/dev', async (_req, reply) => sendAnswer(reply, false, answer, 'product'));
    for (let i = 0; i < 2; i++) {
      const plain = await app.inject({ url: '/plain' });
      expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(plain.json()).toEqual(answer);
      expect((await app.inject({ url: '/wrapped' })).json()).toEqual({ product: answer });
    }
    expect((await app.inject({ url: '/dev' })).json()).toEqual({ product: answer });
    await app.close();
  });
});
