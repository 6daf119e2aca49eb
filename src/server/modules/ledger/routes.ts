import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../../audit/service.ts';
import type { AppContext } from '../../context.ts';
import { actorOf, metaOf } from '../../http/auth.ts';
import { ApiError, errorResponses } from '../../http/errors.ts';
import { CURRENCY_CODES, fromDecimal, isCurrency, MoneyError, toDto, type Currency } from '../../../shared/money.ts';
import { partnerBrandId } from '../catalog/service.ts';
import { getMyStylist } from '../stylists/service.ts';
import { ACCOUNT_KINDS } from './schema.ts';
import { recordPayout, setRate, statement, trialBalance } from './service.ts';

const Money = z.object({ amount: z.number(), currency: z.string() }).meta({ id: 'LedgerMoney' });
const m = (minor: number, currency: Currency) => toDto({ minor, currency });

const TrialBalanceOutput = z
  .object({
    accounts: z.array(
      z.object({
        accountId: z.string(),
        kind: z.enum(ACCOUNT_KINDS),
        ownerId: z.string().optional(),
        name: z.string(),
        debit: Money,
        credit: Money,
        net: Money,
      }),
    ),
    totals: z.array(z.object({ currency: z.string(), debit: Money, credit: Money, net: Money })),
  })
  .meta({ id: 'TrialBalanceOutput' });

const StatementOutput = z
  .object({
    month: z.string(),
    ownerKind: z.enum(['stylist', 'house']),
    ownerId: z.string(),
    currencies: z.array(z.object({ currency: z.string(), opening: Money, earned: Money, reversed: Money, paidOut: Money, closing: Money })),
    lines: z.array(
      z.object({
        at: z.iso.datetime(),
        kind: z.string(),
        reference: z.string(),
        memo: z.string(),
        amount: Money.meta({ description: 'Earned (+), reversed or paid out (−).' }),
      }),
    ),
  })
  .meta({ id: 'StatementOutput' });

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM, e.g. 2026-12');
const OwnerKind = z.enum(['stylist', 'house']);
const kindOf = (owner: 'stylist' | 'house') =>
  owner === 'stylist' ? ('stylist_commissions_payable' as const) : ('partner_payables' as const);

/** A signed amount as the API's decimal (statements show reversals as negative amounts). */
function signed(minor: number, currency: Currency) {
  const dto = m(Math.abs(minor), currency);
  return { ...dto, amount: minor < 0 ? -dto.amount : dto.amount };
}

async function presentStatement(
  ctx: AppContext,
  ownerKind: 'stylist' | 'house',
  ownerId: string,
  month: string,
): Promise<z.infer<typeof StatementOutput>> {
  const s = await statement(ctx.db, kindOf(ownerKind), ownerId, month);
  return {
    month,
    ownerKind,
    ownerId,
    currencies: s.currencies.map((c) => ({
      currency: c.currency,
      opening: signed(c.openingMinor, c.currency),
      earned: signed(c.earnedMinor, c.currency),
      reversed: signed(c.reversedMinor, c.currency),
      paidOut: signed(c.paidOutMinor, c.currency),
      closing: signed(c.closingMinor, c.currency),
    })),
    lines: s.lines.map((l) => ({
      at: l.at,
      kind: l.kind,
      reference: l.reference,
      memo: l.memo,
      amount: signed(l.amountMinor, l.currency),
    })),
  };
}

/** The ledger's API: the house office's trial balance, rates and payouts; each stylist's and house's statements. */
export async function ledgerRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { ctx } = opts;

  app.get(
    '/admin/ledger/trial-balance',
    {
      schema: {
        tags: ['Admin'],
        summary: 'Every ledger account’s debits, credits and net per currency; the totals net to zero',
        response: { 200: TrialBalanceOutput, ...errorResponses('AccessDeniedException') },
      },
      config: { policy: 'ledger.manage' },
    },
    async () => {
      const tb = await trialBalance(ctx.db);
      return {
        accounts: tb.rows.map((r) => ({
          accountId: r.accountId,
          kind: r.kind,
          ...(r.ownerId ? { ownerId: r.ownerId } : {}),
          name: r.name,
          debit: m(r.debitMinor, r.currency),
          credit: m(r.creditMinor, r.currency),
          net: signed(r.netMinor, r.currency),
        })),
        totals: tb.totals.map((t) => ({
          currency: t.currency,
          debit: m(t.debitMinor, t.currency),
          credit: m(t.creditMinor, t.currency),
          net: signed(t.netMinor, t.currency),
        })),
      };
    },
  );

  app.get(
    '/admin/ledger/statements',
    {
      schema: {
        tags: ['Admin'],
        summary: 'A stylist’s or a house’s monthly statement (admins)',
        querystring: z.strictObject({ ownerKind: OwnerKind, ownerId: z.uuid('Not a valid id'), month: Month }),
        response: { 200: StatementOutput, ...errorResponses('ValidationException', 'AccessDeniedException') },
      },
      config: { policy: 'ledger.manage' },
    },
    async (request) => presentStatement(ctx, request.query.ownerKind, request.query.ownerId, request.query.month),
  );

  app.get(
    '/me/statements',
    {
      schema: {
        tags: ['Ledger'],
        summary: 'My monthly statement: a stylist’s commissions, or a partner house’s payables',
        querystring: z.strictObject({ month: Month }),
        response: { 200: StatementOutput, ...errorResponses('ValidationException', 'AccessDeniedException', 'ResourceNotFoundException') },
      },
      config: { policy: 'ledger.statement' },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.userType === 'STYLIST')
        return presentStatement(ctx, 'stylist', (await getMyStylist(ctx, actor)).stylistId, request.query.month);
      const brandId = await partnerBrandId(ctx.db, actor.userId);
      if (!brandId) throw new ApiError('ResourceNotFoundException', 'Your account acts for no house yet');
      return presentStatement(ctx, 'house', brandId, request.query.month);
    },
  );

  app.post(
    '/admin/ledger/payouts',
    {
      schema: {
        tags: ['Admin'],
        summary: 'Record a payout made to a stylist or a house (admins); refused above what is owed',
        description: 'Honours `Idempotency-Key`; the same `reference` is recorded once.',
        body: z.strictObject({
          ownerKind: OwnerKind,
          ownerId: z.uuid('Not a valid id'),
          amount: z.strictObject({ amount: z.number().positive('Must be more than zero'), currency: z.string().max(3) }),
          reference: z.string().trim().min(1, 'The transfer’s reference').max(100),
          note: z.string().trim().max(300).optional(),
        }),
        response: { 201: z.object({ recorded: z.boolean() }), ...errorResponses('ValidationException', 'AccessDeniedException') },
      },
      config: { policy: 'ledger.manage', idempotent: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { amount, ownerKind, ownerId, reference, note } = request.body;
      if (!isCurrency(amount.currency)) {
        throw new ApiError('ValidationException', `amount.currency: use one of ${CURRENCY_CODES.join(', ')}`, {
          fieldErrors: { 'body.amount.currency': ['Unknown currency'] },
        });
      }
      let minor: number;
      try {
        minor = fromDecimal(amount.amount, amount.currency).minor;
      } catch (err) {
        if (!(err instanceof MoneyError)) throw err;
        throw new ApiError('ValidationException', `amount.amount: ${err.message}`, {
          fieldErrors: { 'body.amount.amount': [err.message] },
        });
      }
      const result = await recordPayout(
        ctx.db,
        { kind: kindOf(ownerKind), ownerId, currency: amount.currency, amountMinor: minor, reference, actorId: actor.userId, note },
        async (tx) =>
          audit(tx, {
            action: 'ledger.payout.recorded',
            actorId: actor.userId,
            details: { ownerKind, ownerId, amount, reference },
            meta: metaOf(request),
          }),
      );
      return reply.code(201).send({ recorded: result.posted });
    },
  );

  app.put(
    '/admin/ledger/commission-rates',
    {
      schema: {
        tags: ['Admin'],
        summary: 'Set a stylist’s commission or a house’s platform commission, in basis points (admins)',
        body: z.strictObject({ ownerKind: OwnerKind, ownerId: z.uuid('Not a valid id'), rateBp: z.number().int().min(0).max(10_000) }),
        response: { 204: z.null(), ...errorResponses('ValidationException', 'AccessDeniedException') },
      },
      config: { policy: 'ledger.manage' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await ctx.db.transaction(async (tx) => {
        await setRate(tx, request.body.ownerKind, request.body.ownerId, request.body.rateBp, actor.userId);
        await audit(tx, { action: 'ledger.rate.set', actorId: actor.userId, details: request.body, meta: metaOf(request) });
      });
      return reply.code(204).send(null);
    },
  );
}
