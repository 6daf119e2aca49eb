/**
 * The sandbox card provider: zero setup, behaves like Stripe's test mode. Its book (sandbox_charges) stands for the
 * provider's servers: it is written apart from our payments, keyed by the idempotency key we send, so a crash of
 * ours between "charged" and "recorded" leaves exactly what a real provider would leave for the reconciler.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Currency } from '../../../../shared/money.ts';
import { sandboxCharges, sandboxRefunds } from '../schema.ts';
import {
  ProviderError,
  WebhookSignatureError,
  type AuthorizeInput,
  type CardProvider,
  type ProviderIntent,
  type ProviderRefund,
} from './types.ts';

type Behaviour = 'succeeds' | 'declined' | 'authentication_required' | 'insufficient_funds';

/** Stripe's test cards the sandbox knows, shown on the checkout page. */
export const SANDBOX_CARDS = [
  { number: '4242424242424242', brand: 'Visa', behaviour: 'succeeds', description: 'Succeeds' },
  { number: '4000000000000002', brand: 'Visa', behaviour: 'declined', description: 'Declined (card_declined)' },
  { number: '4000002760003184', brand: 'Visa', behaviour: 'authentication_required', description: 'Asks for 3-D Secure authentication' },
  { number: '4000000000009995', brand: 'Visa', behaviour: 'insufficient_funds', description: 'Declined (insufficient_funds)' },
] as const satisfies ReadonlyArray<{ number: string; brand: string; behaviour: Behaviour; description: string }>;

/** Stripe's ready-made test payment methods, accepted as they are (API clients and tests use them). */
const STRIPE_TEST_METHODS: Record<string, string> = {
  pm_card_visa: '4242',
  pm_card_chargeDeclined: '0002',
  pm_card_visa_chargeDeclined: '0002',
  pm_card_authenticationRequired: '3184',
  pm_card_chargeDeclinedInsufficientFunds: '9995',
  pm_card_visa_chargeDeclinedInsufficientFunds: '9995',
};
const DECLINE_MESSAGES: Record<string, string> = {
  card_declined: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
  authentication_failed: 'The card issuer could not authenticate this payment.',
};
const SANDBOX_TOKEN = /^pm_sandbox_(\d{4})_[A-Za-z0-9]{12}$/;
/** How long an authorization holds (Stripe: about 7 days for online card payments). */
export const SANDBOX_AUTHORIZATION_DAYS = 7;

function cardOf(paymentMethodId: string): (typeof SANDBOX_CARDS)[number] | undefined {
  const last4 = STRIPE_TEST_METHODS[paymentMethodId] ?? SANDBOX_TOKEN.exec(paymentMethodId)?.[1];
  return SANDBOX_CARDS.find((c) => c.number.endsWith(last4 ?? '-'));
}

/** Whether a payment method id is one the sandbox can charge (for a clear 400 before anything is written). */
export function isSandboxPaymentMethod(paymentMethodId: string): boolean {
  return cardOf(paymentMethodId) !== undefined;
}

function luhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * The sandbox's "Stripe.js": turns card details into a payment method token, so the rest of the flow carries a token
 * and never a card number. Only the test cards are accepted; errors name the field.
 */
export function tokenizeSandboxCard(
  input: { number: string; expMonth: number; expYear: number; cvc: string },
  now = new Date(),
): { paymentMethodId: string; label: string } | { field: string; message: string } {
  const number = input.number.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(number) || !luhn(number)) return { field: 'number', message: 'This card number is not valid' };
  const card = SANDBOX_CARDS.find((c) => c.number === number);
  if (!card) return { field: 'number', message: 'The sandbox accepts only the test cards listed on this page' };
  const end = new Date(Date.UTC(input.expYear, input.expMonth, 1));
  if (!Number.isInteger(input.expMonth) || input.expMonth < 1 || input.expMonth > 12)
    return { field: 'expMonth', message: 'Use a month from 1 to 12' };
  if (end <= now) return { field: 'expYear', message: 'This card has expired' };
  if (!/^\d{3,4}$/.test(input.cvc)) return { field: 'cvc', message: 'The security code is 3 or 4 digits' };
  return {
    paymentMethodId: `pm_sandbox_${number.slice(-4)}_${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12)}`,
    label: `${card.brand} •••• ${number.slice(-4)}`,
  };
}

type ChargeRow = typeof sandboxCharges.$inferSelect;

function intentOf(row: ChargeRow, publicPath: (paymentId: string, challenge: string) => string): ProviderIntent {
  const status = row.status === 'requires_capture' ? 'authorized' : row.status === 'requires_action' ? 'requires_action' : row.status;
  const paymentId = row.metadata.paymentId;
  return {
    ref: row.id,
    status,
    amountMinor: row.amountMinor,
    currency: row.currency as Currency,
    amountCapturedMinor: row.status === 'succeeded' ? row.amountMinor : 0,
    amountRefundedMinor: row.amountRefundedMinor,
    ...(paymentId ? { paymentId } : {}),
    ...(row.status === 'requires_action' && row.challenge && paymentId
      ? { nextAction: { type: 'redirect' as const, url: publicPath(paymentId, row.challenge) } }
      : {}),
    ...(row.declineCode ? { declineCode: row.declineCode, message: DECLINE_MESSAGES[row.declineCode] ?? 'Your card was declined.' } : {}),
    ...(row.captureBefore ? { captureBefore: row.captureBefore } : {}),
    label: `Visa •••• ${row.card}`,
  };
}

export interface SandboxProvider extends CardProvider {
  readonly name: 'sandbox';
  /** The client passed (or failed) the 3-D Secure page. */
  completeChallenge(ref: string, challenge: string, approve: boolean): Promise<ProviderIntent>;
  /** Tests and the expiry job's tests: move an authorization's deadline. */
  setCaptureBefore(ref: string, at: Date): Promise<void>;
}

const p = <K extends string>(name: K) => sql.placeholder(name);
const prepareAuthorize = (db: Db) =>
  db
    .insert(sandboxCharges)
    .values({
      id: p('id'),
      idempotencyKey: p('idempotencyKey'),
      amountMinor: p('amountMinor'),
      currency: p('currency'),
      card: p('card'),
      status: p('status'),
      declineCode: p('declineCode'),
      metadata: p('metadata'),
      challenge: p('challenge'),
      // A bare placeholder (no column encoder, which refuses null): an ISO string or null.
      captureBefore: sql`${p('captureBefore')}::timestamptz`,
      captureMethod: p('captureMethod'),
    })
    .onConflictDoNothing()
    .returning()
    .prepare('sandbox_authorize');

export function createSandboxProvider(
  db: Db,
  options: { authenticatePath?: (paymentId: string, challenge: string) => string } = {},
): SandboxProvider {
  const publicPath = options.authenticatePath ?? ((paymentId, challenge) => `/checkout/authenticate/${paymentId}?challenge=${challenge}`);
  // Every card payment's first call: built once and prepared by name (parsed and planned once per connection).
  let authorizing: ReturnType<typeof prepareAuthorize> | undefined;
  const authorizeStatement = () => (authorizing ??= prepareAuthorize(db));
  const load = async (ref: string) => {
    const [row] = await db.select().from(sandboxCharges).where(eq(sandboxCharges.id, ref));
    if (!row) throw new ProviderError(`No such sandbox charge: ${ref}`);
    return row;
  };
  const update = async (ref: string, from: ChargeRow['status'][], set: Partial<ChargeRow>) => {
    await db
      .update(sandboxCharges)
      .set({ ...set, updatedAt: new Date() })
      .where(
        and(
          eq(sandboxCharges.id, ref),
          sql`${sandboxCharges.status} in (${sql.join(
            from.map((s) => sql`${s}`),
            sql`, `,
          )})`,
        ),
      );
    return load(ref);
  };

  return {
    name: 'sandbox',
    async authorize(input: AuthorizeInput) {
      const card = cardOf(input.paymentMethodId);
      if (!card) throw new ProviderError('The sandbox does not know this payment method', 'invalid_payment_method');
      const behaviour: Behaviour = card.behaviour;
      const authorized: ChargeRow['status'] = input.capture === 'automatic' ? 'succeeded' : 'requires_capture';
      const status: ChargeRow['status'] =
        behaviour === 'succeeds' ? authorized : behaviour === 'authentication_required' ? 'requires_action' : 'failed';
      const declineCode = behaviour === 'declined' ? 'card_declined' : behaviour === 'insufficient_funds' ? 'insufficient_funds' : null;
      const [created] = await authorizeStatement().execute({
        id: `pi_sandbox_${randomBytes(12).toString('hex')}`,
        idempotencyKey: `pay_${input.paymentId}`,
        amountMinor: input.amountMinor,
        currency: input.currency,
        card: card.number.slice(-4),
        status,
        declineCode,
        metadata: { paymentId: input.paymentId, orderId: input.orderId },
        challenge: status === 'requires_action' ? randomBytes(12).toString('hex') : null,
        captureBefore: status === 'requires_capture' ? new Date(Date.now() + SANDBOX_AUTHORIZATION_DAYS * 86_400_000).toISOString() : null,
        captureMethod: input.capture,
      });
      // A retry with the same key finds the first attempt's charge.
      const [row] = created
        ? [created]
        : await db
            .select()
            .from(sandboxCharges)
            .where(eq(sandboxCharges.idempotencyKey, `pay_${input.paymentId}`));
      if (row!.amountMinor !== input.amountMinor || row!.currency !== input.currency || row!.captureMethod !== input.capture) {
        throw new ProviderError(
          'Keys for idempotent requests can only be used with the same parameters they were first used with',
          'idempotency_error',
        );
      }
      return intentOf(row!, publicPath);
    },
    async retrieve(ref) {
      return intentOf(await load(ref), publicPath);
    },
    async findByPaymentId(paymentId) {
      const [row] = await db
        .select()
        .from(sandboxCharges)
        .where(eq(sandboxCharges.idempotencyKey, `pay_${paymentId}`));
      return row ? intentOf(row, publicPath) : undefined;
    },
    async listHoldingMoney(since) {
      const rows = await db
        .select()
        .from(sandboxCharges)
        .where(and(sql`${sandboxCharges.createdAt} >= ${since}`, sql`${sandboxCharges.status} in ('requires_capture', 'succeeded')`))
        .orderBy(sandboxCharges.createdAt)
        .limit(5_000);
      return rows.map((row) => intentOf(row, publicPath));
    },
    async capture(ref) {
      // The usual case in one statement: an authorization that has not expired is captured.
      const [captured] = await db
        .update(sandboxCharges)
        .set({ status: 'succeeded', updatedAt: new Date() })
        .where(
          and(
            eq(sandboxCharges.id, ref),
            eq(sandboxCharges.status, 'requires_capture'),
            sql`(${sandboxCharges.captureBefore} is null or ${sandboxCharges.captureBefore} > ${new Date()})`,
          ),
        )
        .returning();
      if (captured) return intentOf(captured, publicPath);
      const row = await load(ref);
      if (row.status === 'succeeded') return intentOf(row, publicPath);
      if (row.status !== 'requires_capture')
        throw new ProviderError(`This charge cannot be captured: it is ${row.status}`, 'charge_not_capturable');
      if (row.captureBefore && row.captureBefore.getTime() <= Date.now()) {
        await update(ref, ['requires_capture'], { status: 'canceled' });
        throw new ProviderError('The authorization expired before it was captured', 'charge_expired_for_capture');
      }
      return intentOf(await update(ref, ['requires_capture'], { status: 'succeeded' }), publicPath);
    },
    async cancel(ref) {
      const row = await load(ref);
      if (row.status === 'canceled' || row.status === 'failed') return intentOf(row, publicPath);
      if (row.status === 'succeeded')
        throw new ProviderError('A captured charge cannot be cancelled; refund it', 'charge_already_captured');
      return intentOf(await update(ref, ['requires_capture', 'requires_action'], { status: 'canceled' }), publicPath);
    },
    async refund(ref, input): Promise<ProviderRefund> {
      return db.transaction(async (tx) => {
        const key = `refund_${input.refundId}`;
        // The charge is locked before the key is looked up: two callers refunding with one key at once (a cancellation
        // and the request that saw the same capture) then meet in turn, and the second finds the first's refund.
        const [row] = await tx.select().from(sandboxCharges).where(eq(sandboxCharges.id, ref)).for('update');
        const [seen] = await tx.select().from(sandboxRefunds).where(eq(sandboxRefunds.idempotencyKey, key));
        if (seen) return { ref: seen.id, status: 'succeeded', amountMinor: seen.amountMinor, refundId: input.refundId };
        if (!row) throw new ProviderError(`No such sandbox charge: ${ref}`);
        if (row.status !== 'succeeded') throw new ProviderError('Only a captured charge can be refunded', 'charge_not_refundable');
        if (row.amountRefundedMinor + input.amountMinor > row.amountMinor)
          throw new ProviderError('The refund exceeds what is left on the charge', 'amount_too_large');
        const id = `re_sandbox_${randomBytes(12).toString('hex')}`;
        await tx
          .insert(sandboxRefunds)
          .values({ id, idempotencyKey: key, chargeId: ref, amountMinor: input.amountMinor, metadata: { refundId: input.refundId } });
        await tx
          .update(sandboxCharges)
          .set({ amountRefundedMinor: row.amountRefundedMinor + input.amountMinor, updatedAt: new Date() })
          .where(eq(sandboxCharges.id, ref));
        return { ref: id, status: 'succeeded', amountMinor: input.amountMinor, refundId: input.refundId };
      });
    },
    parseWebhook() {
      throw new WebhookSignatureError('The sandbox sends no webhooks');
    },
    async completeChallenge(ref, challenge, approve) {
      const row = await load(ref);
      if (row.status !== 'requires_action') return intentOf(row, publicPath);
      if (!row.challenge || row.challenge !== challenge)
        throw new ProviderError('This authentication page is no longer valid', 'authentication_invalid');
      return intentOf(
        await update(
          ref,
          ['requires_action'],
          !approve
            ? { status: 'failed', challenge: null, declineCode: 'authentication_failed' }
            : row.captureMethod === 'automatic'
              ? { status: 'succeeded', challenge: null }
              : {
                  status: 'requires_capture',
                  challenge: null,
                  captureBefore: new Date(Date.now() + SANDBOX_AUTHORIZATION_DAYS * 86_400_000),
                },
        ),
        publicPath,
      );
    },
    async setCaptureBefore(ref, at) {
      await db.update(sandboxCharges).set({ captureBefore: at }).where(eq(sandboxCharges.id, ref));
    },
  };
}
