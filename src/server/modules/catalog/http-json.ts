import type { FastifyReply } from 'fastify';

// Cached answers are the same objects request after request; their JSON is computed once per object too.
const memo = new WeakMap<object, string>();
const wrapped = new WeakMap<object, Map<string, string>>();

function json(value: object): string {
  let text = memo.get(value);
  if (text === undefined) memo.set(value, (text = JSON.stringify(value)));
  return text;
}

/**
 * In production, sends a (usually cached) answer as its memoised JSON text, optionally wrapped as `{ [wrap]: value }`.
 * Elsewhere it returns the object, so the response schema still checks every answer in tests and development.
 */
export function sendAnswer<T extends object>(reply: FastifyReply, production: boolean, value: T): T;
export function sendAnswer<T extends object, K extends string>(reply: FastifyReply, production: boolean, value: T, wrap: K): { [k in K]: T };
export function sendAnswer<T extends object>(reply: FastifyReply, production: boolean, value: T, wrap?: string): unknown {
  if (!production) return wrap ? { [wrap]: value } : value;
  let text: string;
  if (wrap) {
    let byKey = wrapped.get(value);
    if (!byKey) wrapped.set(value, (byKey = new Map()));
    text = byKey.get(wrap) ?? `{${JSON.stringify(wrap)}:${json(value)}}`;
    byKey.set(wrap, text);
  } else text = json(value);
  // Fastify sends a string with a JSON content type as it is; returning the reply tells it the answer is sent.
  return reply.type('application/json; charset=utf-8').send(text);
}
