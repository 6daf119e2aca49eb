import { describe, expect, it } from 'vitest';
import { canTransition, TRANSITIONS, type OrderState } from './states.ts';
import { bps, computeTotals, convertMinor, rateBetween } from './pricing.ts';
import { ORDER_STATES } from './schema.ts';

const EUR_PER_UNIT = { EUR: 1, USD: 0.92, JPY: 0.0062, KWD: 3 } as unknown as Parameters<typeof rateBetween>[0];

describe('conversion', () => {
  it.each([
    [125_050, 'EUR', 'EUR', 125_050],
    [100_00, 'EUR', 'JPY', Math.round((100 * 1) / 0.0062)],
    [1_000, 'JPY', 'EUR', Math.round(((1000 * 0.0062) / 1) * 100)],
    [100_00, 'EUR', 'KWD', Math.round((100 / 3) * 1000)],
    [1, 'KWD', 'EUR', Math.round(0.001 * 3 * 100)],
  ] as const)('%i %s → %s', (minor, from, to, expected) => {
    expect(convertMinor(minor, from, to, rateBetween(EUR_PER_UNIT, from, to))).toBe(expected);
  });
});

describe('totals', () => {
  const courier = { option: 'INSURED_COURIER' as const, feeMinor: 4_500, freeFromMinor: 200_000 };
  it('adds delivery, duties on pieces and VAT on everything, and the parts sum to the total', () => {
    const t = computeTotals([{ totalMinor: 100_000 }], courier, { vatBps: 2_000, dutyBps: 650 });
    expect(t).toMatchObject({
      itemsMinor: 100_000,
      deliveryMinor: 4_500,
      dutiesMinor: 6_500,
      vatMinor: 22_200,
      totalMinor: 133_200,
      dueNowMinor: 133_200,
    });
  });
  it('waives the courier from the threshold, never white-glove', () => {
    expect(computeTotals([{ totalMinor: 200_000 }], courier, { vatBps: 0, dutyBps: 0 }).deliveryMinor).toBe(0);
    expect(
      computeTotals([{ totalMinor: 200_000 }], { ...courier, option: 'WHITE_GLOVE', feeMinor: 35_000 }, { vatBps: 0, dutyBps: 0 })
        .deliveryMinor,
    ).toBe(35_000);
  });
  it('rounds deposits up and leaves the balance for later', () => {
    const t = computeTotals(
      [{ totalMinor: 1_001, depositPercent: 30 }, { totalMinor: 500 }],
      { ...courier, feeMinor: 0 },
      { vatBps: 0, dutyBps: 0 },
    );
    expect(t.depositsMinor).toEqual([301, undefined]);
    expect(t.dueNowMinor).toBe(801);
  });
  it('rounds basis points half up on whole minor units', () => {
    expect(bps(125, 2_000)).toBe(25);
    expect(bps(1, 5_000)).toBe(1);
    expect(bps(3, 3_333)).toBe(1);
  });
});

describe('state machine', () => {
  const allowed: Array<[OrderState, OrderState]> = [
    ['PENDING_PAYMENT', 'PAID'],
    ['PENDING_PAYMENT', 'AWAITING_APPROVAL'],
    ['AWAITING_APPROVAL', 'PAID'],
    ['PAID', 'PROCESSING'],
    ['PROCESSING', 'SHIPPED'],
    ['SHIPPED', 'DELIVERED'],
    ['DELIVERED', 'PARTIALLY_REFUNDED'],
    ['PARTIALLY_REFUNDED', 'REFUNDED'],
    ['PAID', 'CANCELLED'],
  ];
  it.each(allowed)('%s → %s is allowed', (from, to) => expect(canTransition(from, to)).toBe(true));
  const refused: Array<[OrderState, OrderState]> = [
    ['PENDING_PAYMENT', 'SHIPPED'],
    ['PENDING_PAYMENT', 'REFUNDED'],
    ['SHIPPED', 'CANCELLED'],
    ['DELIVERED', 'SHIPPED'],
    ['CANCELLED', 'PAID'],
    ['REFUNDED', 'PAID'],
    ['PAID', 'PENDING_PAYMENT'],
    ['AWAITING_APPROVAL', 'SHIPPED'],
  ];
  it.each(refused)('%s → %s is refused', (from, to) => expect(canTransition(from, to)).toBe(false));
  it('knows every state, and CANCELLED and REFUNDED are final', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ORDER_STATES].sort());
    expect(TRANSITIONS.CANCELLED).toEqual([]);
    expect(TRANSITIONS.REFUNDED).toEqual([]);
  });
});
