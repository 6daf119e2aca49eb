/**
 * The spec's `Money` as API schemas, the ones every module uses (catalog prices, stylists' rates and services,
 * payments, orders): `{ amount: 1250.5, currency: 'EUR' }` on the wire, integer minor units inside
 * (`src/shared/money.ts`, `fromDto` / `toDto`).
 *
 *  - `Money` is what answers carry.
 *  - `MoneyInput` is what a request may send: valid only when it converts exactly to minor units of a currency we
 *    accept (no fractions of a cent, no decimals for JPY, nothing negative or absurd), with the message on the field
 *    that is wrong (`…amount` or `…currency`). A handler can then call `fromDto` without a second check.
 *  - `PositiveMoneyInput` is the same for amounts that must be more than zero (a payment, a refund).
 */
import { z } from 'zod';
import { CURRENCY_CODES, fromDecimal, MoneyError } from './money.ts';

export const Money = z
  .object({
    amount: z.number().meta({ description: 'Decimal amount, at most the currency’s minor digits (2 for EUR, 0 for JPY, 3 for KWD).' }),
    currency: z.enum(CURRENCY_CODES).meta({ description: 'ISO 4217 code' }),
  })
  .meta({ id: 'Money' });
export type MoneyOutput = z.infer<typeof Money>;

function moneyInput(id: string, positive: boolean) {
  return z
    .strictObject({
      amount: z.number('Enter an amount'),
      currency: z.string('Enter a currency').max(3, 'Use a three-letter ISO 4217 code, e.g. EUR'),
    })
    .superRefine((value, ctx) => {
      try {
        fromDecimal(value.amount, value.currency);
      } catch (err) {
        if (!(err instanceof MoneyError)) throw err;
        // "Unknown currency …" names the currency; everything else (decimals, sign, size) is about the amount.
        const path = /currency/i.test(err.message) && !/decimal|whole/.test(err.message) ? ['currency'] : ['amount'];
        ctx.addIssue({ code: 'custom', message: err.message, path });
        return;
      }
      if (positive && value.amount === 0) ctx.addIssue({ code: 'custom', message: 'Must be more than zero', path: ['amount'] });
    })
    .meta({
      id,
      description: `Money a request sends${positive ? ', more than zero' : ''}: it must convert exactly to minor units of an accepted currency.`,
    });
}

export const MoneyInput = moneyInput('MoneyAmountInput', false);
export type MoneyInput = z.infer<typeof MoneyInput>;
export const PositiveMoneyInput = moneyInput('PositiveMoneyInput', true);
