/**
 * A local HTTP fake of the part of Stripe's API payments uses, for offline tests: the official SDK is pointed at it
 * (host/port/protocol), it keeps PaymentIntents, charges and refunds, honours Idempotency-Key like Stripe, answers
 * card errors the way Stripe does (402 with the intent attached), and records the events Stripe would send, which
 * tests sign with `stripe.webhooks.generateTestHeaderString` and deliver to our webhook.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, unknown>;
interface FakeIntent extends Obj {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  client_secret: string;
  metadata: Record<string, string>;
  last_payment_error: Obj | null;
  latest_charge: string | null;
  payment_method: string;
  created: number;
}
interface FakeCharge extends Obj {
  id: string;
  object: 'charge';
  payment_intent: string;
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  metadata: Record<string, string>;
  payment_method_details: { card: { brand: string; last4: string; capture_before?: number } };
  refunds: { object: 'list'; data: Obj[] };
}

const CARDS: Record<string, { last4: string; outcome: 'ok' | '3ds' | 'declined' | 'insufficient_funds' }> = {
  pm_card_visa: { last4: '4242', outcome: 'ok' },
  pm_card_authenticationRequired: { last4: '3184', outcome: '3ds' },
  pm_card_threeDSecure2Required: { last4: '3220', outcome: '3ds' },
  pm_card_chargeDeclined: { last4: '0002', outcome: 'declined' },
  pm_card_visa_chargeDeclinedInsufficientFunds: { last4: '9995', outcome: 'insufficient_funds' },
};

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** Stripe's form encoding (`metadata[paymentId]=…`, `expand[0]=…`) into plain objects. */
function parseForm(body: string): Obj {
  const out: Obj = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.replace(/\]/g, '').split('[');
    let node = out;
    parts.forEach((p, i) => {
      if (i === parts.length - 1) node[p] = value;
      else node = (node[p] ??= {}) as Obj;
    });
  }
  return out;
}

export interface StripeFake {
  url: string;
  /** Events in the order Stripe would have created them. */
  events: Obj[];
  intents: Map<string, FakeIntent>;
  /** What Stripe.js does after the client passes (or fails) 3-D Secure. */
  authenticate(intentId: string, approve: boolean): void;
  /** A refund made in Stripe's dashboard, not by us. */
  dashboardRefund(intentId: string, amount: number): void;
  /** Requests received, e.g. to count create calls. */
  requests: Array<{ method: string; path: string }>;
  close(): Promise<void>;
}

export async function startStripeFake(): Promise<StripeFake> {
  const intents = new Map<string, FakeIntent>();
  const charges = new Map<string, FakeCharge>();
  const idempotent = new Map<string, { status: number; body: string }>();
  const events: Obj[] = [];
  const requests: StripeFake['requests'] = [];

  const emit = (type: string, object: Obj) =>
    events.push({
      id: id('evt'),
      object: 'event',
      type,
      created: Math.floor(Date.now() / 1000),
      data: { object: structuredClone(object) },
      api_version: '2025-01-01',
    });
  const expanded = (pi: FakeIntent): Obj => ({ ...pi, latest_charge: pi.latest_charge ? charges.get(pi.latest_charge) : null });

  const chargeFor = (pi: FakeIntent, last4: string) => {
    const charge: FakeCharge = {
      id: id('ch'),
      object: 'charge',
      payment_intent: pi.id,
      amount: pi.amount,
      amount_captured: 0,
      amount_refunded: 0,
      metadata: { ...pi.metadata },
      // A hold has a deadline; a charge captured at once has none.
      payment_method_details: {
        card: {
          brand: 'visa',
          last4,
          ...(pi.capture_method === 'manual' ? { capture_before: Math.floor(Date.now() / 1000) + 7 * 86_400 } : {}),
        },
      },
      refunds: { object: 'list', data: [] },
    };
    charges.set(charge.id, charge);
    pi.latest_charge = charge.id;
  };

  const captured = (pi: FakeIntent) => {
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    const charge = charges.get(pi.latest_charge!)!;
    charge.amount_captured = pi.amount;
    charge.captured = true;
  };

  /** The card said yes: a hold until `capture` (manual), or the money at once (automatic, Stripe's default). */
  const authorized = (pi: FakeIntent, last4: string) => {
    chargeFor(pi, last4);
    if (pi.capture_method === 'manual') {
      pi.status = 'requires_capture';
      emit('payment_intent.amount_capturable_updated', pi);
      return;
    }
    captured(pi);
    emit('charge.succeeded', charges.get(pi.latest_charge!)!);
    emit('payment_intent.succeeded', pi);
  };

  const refund = (pi: FakeIntent, amount: number, metadata: Record<string, string>): Obj | { error: Obj; status: number } => {
    const charge = pi.latest_charge ? charges.get(pi.latest_charge) : undefined;
    if (!charge || pi.status !== 'succeeded')
      return {
        status: 400,
        error: { type: 'invalid_request_error', code: 'charge_not_refundable', message: 'This PaymentIntent has not been captured.' },
      };
    if (charge.amount_refunded + amount > charge.amount_captured)
      return {
        status: 400,
        error: {
          type: 'invalid_request_error',
          code: 'amount_too_large',
          message: 'Refund amount is greater than unrefunded amount on charge.',
        },
      };
    const r: Obj = {
      id: id('re'),
      object: 'refund',
      amount,
      payment_intent: pi.id,
      charge: charge.id,
      status: 'succeeded',
      metadata,
      currency: pi.currency,
    };
    charge.amount_refunded += amount;
    charge.refunds.data.unshift(r);
    emit('refund.created', r);
    emit('charge.refunded', charge);
    return r;
  };

  const handle = (method: string, path: string, query: URLSearchParams, form: Obj): { status: number; body: Obj } => {
    const err = (status: number, error: Obj) => ({ status, body: { error } });
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/v1/payment_intents') {
      const card = CARDS[String(form.payment_method)];
      if (!card)
        return err(400, {
          type: 'invalid_request_error',
          code: 'resource_missing',
          message: `No such PaymentMethod: '${String(form.payment_method)}'`,
          param: 'payment_method',
        });
      const pi: FakeIntent = {
        id: id('pi'),
        object: 'payment_intent',
        amount: Number(form.amount),
        amount_received: 0,
        currency: String(form.currency),
        status: 'requires_confirmation',
        capture_method: String(form.capture_method ?? 'automatic'),
        client_secret: '',
        metadata: (form.metadata ?? {}) as Record<string, string>,
        last_payment_error: null,
        latest_charge: null,
        payment_method: String(form.payment_method),
        created: Math.floor(Date.now() / 1000),
      };
      pi.client_secret = `${pi.id}_secret_${randomBytes(8).toString('hex')}`;
      intents.set(pi.id, pi);
      emit('payment_intent.created', pi);
      if (card.outcome === 'ok') {
        authorized(pi, card.last4);
      } else if (card.outcome === '3ds') {
        pi.status = 'requires_action';
        pi.next_action = { type: 'use_stripe_sdk' };
        emit('payment_intent.requires_action', pi);
      } else {
        const decline = card.outcome === 'declined' ? 'generic_decline' : 'insufficient_funds';
        pi.status = 'requires_payment_method';
        pi.last_payment_error = {
          type: 'card_error',
          code: 'card_declined',
          decline_code: decline,
          message: card.outcome === 'declined' ? 'Your card was declined.' : 'Your card has insufficient funds.',
        };
        emit('payment_intent.payment_failed', pi);
        return err(402, { ...pi.last_payment_error, payment_intent: expanded(pi) });
      }
      return { status: 200, body: expanded(pi) };
    }
    if (method === 'GET' && path === '/v1/payment_intents') {
      const gte = Number(query.get('created[gte]') ?? 0);
      const data = [...intents.values()].filter((pi) => pi.created >= gte).map(expanded);
      return { status: 200, body: { object: 'list', data, has_more: false, url: '/v1/payment_intents' } };
    }
    if (method === 'GET' && path === '/v1/payment_intents/search') {
      const wanted = /metadata\['paymentId'\]:'([^']+)'/.exec(query.get('query') ?? '')?.[1];
      const data = [...intents.values()].filter((pi) => pi.metadata.paymentId === wanted).map(expanded);
      return { status: 200, body: { object: 'search_result', data, has_more: false, url: '/v1/payment_intents/search' } };
    }
    if ((m = /^\/v1\/payment_intents\/([^/]+)(?:\/(capture|cancel))?$/.exec(path))) {
      const pi = intents.get(m[1]!);
      if (!pi) return err(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such payment_intent: '${m[1]}'` });
      if (method === 'GET') return { status: 200, body: expanded(pi) };
      if (m[2] === 'capture') {
        if (pi.status === 'succeeded') return { status: 200, body: expanded(pi) };
        if (pi.status !== 'requires_capture')
          return err(400, {
            type: 'invalid_request_error',
            code: 'payment_intent_unexpected_state',
            message: `This PaymentIntent could not be captured because it has a status of ${pi.status}.`,
          });
        captured(pi);
        emit('charge.captured', charges.get(pi.latest_charge!)!);
        emit('payment_intent.succeeded', pi);
        return { status: 200, body: expanded(pi) };
      }
      if (m[2] === 'cancel') {
        if (pi.status === 'canceled') return { status: 200, body: expanded(pi) };
        if (pi.status === 'succeeded')
          return err(400, {
            type: 'invalid_request_error',
            code: 'payment_intent_unexpected_state',
            message: 'You cannot cancel this PaymentIntent because it has a status of succeeded.',
          });
        pi.status = 'canceled';
        emit('payment_intent.canceled', pi);
        return { status: 200, body: expanded(pi) };
      }
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const pi = intents.get(String(form.payment_intent));
      if (!pi) return err(404, { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment_intent' });
      const r = refund(pi, Number(form.amount), (form.metadata ?? {}) as Record<string, string>);
      return 'error' in r && 'status' in r && typeof r.status === 'number'
        ? err(r.status, r.error as Obj)
        : { status: 200, body: r as Obj };
    }
    return err(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` });
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      requests.push({ method: req.method ?? 'GET', path: url.pathname });
      const key = req.headers['idempotency-key'];
      const cacheKey = typeof key === 'string' ? `${req.method} ${url.pathname} ${key}` : undefined;
      let answer = cacheKey ? idempotent.get(cacheKey) : undefined;
      if (!answer) {
        const out = handle(req.method ?? 'GET', url.pathname, url.searchParams, parseForm(raw));
        answer = { status: out.status, body: JSON.stringify(out.body) };
        if (cacheKey && out.status < 500) idempotent.set(cacheKey, answer);
      }
      res.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': id('req') });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    events,
    intents,
    requests,
    authenticate(intentId, approve) {
      const pi = intents.get(intentId)!;
      if (approve) {
        authorized(pi, CARDS[pi.payment_method]?.last4 ?? '3184');
      } else {
        pi.status = 'requires_payment_method';
        pi.last_payment_error = {
          type: 'card_error',
          code: 'payment_intent_authentication_failure',
          message: 'The card issuer could not authenticate this payment.',
        };
        emit('payment_intent.payment_failed', pi);
      }
    },
    dashboardRefund(intentId, amount) {
      refund(intents.get(intentId)!, amount, {});
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
