import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memoQueryParser, memoQueryValidator } from './query-memo.ts';

describe('query strings parsed and validated once', () => {
  it('hands out one frozen object per distinct query string, nested values included', () => {
    const parse = memoQueryParser();
    const first = parse('view=summary&tags=silk&tags=paris');
    expect(first).toEqual({ view: 'summary', tags: ['silk', 'paris'] });
    expect(parse('view=summary&tags=silk&tags=paris')).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.tags)).toBe(true);
    expect(parse('view=full')).not.toBe(first);
    expect(parse('')).toEqual({});
  });

  it('keeps a route’s validated value per parsed object, never an error, and only for frozen input', () => {
    let runs = 0;
    const validate = memoQueryValidator((data: unknown) => {
      runs++;
      const q = data as { n?: string };
      return q.n === 'bad' ? { error: new Error('n is bad') } : { value: { n: Number(q.n ?? 1), tags: ['a'] } };
    });
    const parse = memoQueryParser();
    const a = validate(parse('n=2'));
    expect(validate(parse('n=2'))).toBe(a);
    expect(runs).toBe(1);
    const value = (a as { value: { tags: string[] } }).value;
    expect(Object.isFrozen(value) && Object.isFrozen(value.tags)).toBe(true);
    validate(parse('n=bad'));
    validate(parse('n=bad'));
    expect(runs).toBe(3);
    validate({ n: '2' });
    validate({ n: '2' });
    expect(runs).toBe(5);
  });

  it('in a Fastify app: defaults and coercion as before, and a handler cannot change the next request’s query', async () => {
    const app = Fastify({ routerOptions: { querystringParser: memoQueryParser() } }).withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler((route) => {
      const validate = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
      return route.httpPart === 'querystring' ? memoQueryValidator(validate) : validate;
    });
    app.setSerializerCompiler(serializerCompiler);
    const seen: object[] = [];
    const querystring = z.strictObject({
      view: z.enum(['full', 'summary']).default('full'),
      maxResults: z.coerce.number().int().max(100).default(20),
    });
    app.get('/list', { schema: { querystring } }, async (request) => {
      seen.push(request.query);
      return request.query;
    });
    app.get('/meddle', { schema: { querystring } }, async (request) => {
      (request.query as { maxResults: number }).maxResults = 99;
      return request.query;
    });
    expect((await app.inject({ url: '/list?maxResults=13' })).json()).toEqual({ view: 'full', maxResults: 13 });
    expect((await app.inject({ url: '/list?maxResults=13' })).json()).toEqual({ view: 'full', maxResults: 13 });
    expect(seen[0]).toBe(seen[1]);
    expect((await app.inject({ url: '/list?maxResults=500' })).statusCode).toBe(400);
    // Changing a shared query fails loudly (a 500 in the test that does it), never silently for the next caller.
    expect((await app.inject({ url: '/meddle?maxResults=13' })).statusCode).toBe(500);
    expect((await app.inject({ url: '/meddle?maxResults=13' })).statusCode).toBe(500);
    await app.close();
  });
});
