/**
 * Acceptance: 50 concurrent accepts of overlapping requests for one stylist → exactly one CONFIRMED booking, the
 * other 49 answer 409; repeated 20 times. On PostgreSQL (DATABASE_URL=…, CI's second run) they truly race and the
 * exclusion constraint decides. The embedded database runs one statement at a time, so there the 50 accepts queue and no
 * round can race: 2 rounds check the same answers without spending minutes of every run on repeats that cannot differ.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { requestStylist } from './booking.ts';
import { approvedStylist, parisMorning, type TestStylist } from './test-helpers.ts';

let app: TestApp;
let client: TestAccount;
let stylist: TestStylist;
const ROUNDS = process.env.DATABASE_URL ? 20 : 2;
const CONCURRENT = 50;

beforeAll(async () => {
  app = await buildTestApp({ BOOKING_SWEEP_INTERVAL_SECONDS: '0' });
  const admin = await accountOf(app, 'ADMIN');
  client = await accountOf(app, 'CLIENT');
  stylist = await approvedStylist(app, admin);
}, 60_000);
afterAll(() => app.shutdown());

describe('no double booking under concurrent accepts', () => {
  it(`${CONCURRENT} concurrent accepts of overlapping requests → exactly one CONFIRMED, the rest 409 (×${ROUNDS})`, async () => {
    const actor = {
      userId: client.userId,
      userType: 'CLIENT' as const,
      tier: 'STANDARD' as const,
      sessionId: 's',
      mfaEnabled: false,
      mfaVerifiedAt: null,
    };
    for (let round = 0; round < ROUNDS; round++) {
      // 50 requests one minute apart: every pair of 60-minute sessions overlaps.
      const base = Date.parse(parisMorning(2 + round, 10));
      const ids: string[] = [];
      for (let i = 0; i < CONCURRENT; i++) {
        const { requestId } = await requestStylist(app.ctx, actor, {
          clientId: client.userId,
          stylistId: stylist.stylistId,
          requestedDate: new Date(base + i * 60_000).toISOString(),
          serviceId: stylist.serviceId,
        });
        ids.push(requestId);
      }
      const results = await Promise.all(
        ids.map((requestId) =>
          app.inject({
            method: 'POST',
            url: '/api/v1/matching/accept',
            headers: stylist.auth,
            payload: { requestId, stylistId: stylist.stylistId },
          }),
        ),
      );
      const statuses = results.map((r) => r.statusCode).sort();
      expect(
        statuses.filter((s) => s === 200),
        `round ${round}`,
      ).toHaveLength(1);
      expect(
        statuses.filter((s) => s === 409),
        `round ${round}: ${statuses.join(',')}`,
      ).toHaveLength(CONCURRENT - 1);
      const [row] = await queryRows<{ n: number }>(
        app.db,
        sql`select count(*)::int as n from stylist_bookings where stylist_id = ${stylist.stylistId} and status = 'CONFIRMED' and start_at >= ${new Date(base)} and start_at < ${new Date(base + 2 * 3_600_000)}`,
      );
      expect(Number(row!.n)).toBe(1);
      const [accepted] = await queryRows<{ n: number }>(
        app.db,
        sql`select count(*)::int as n from booking_requests where id = any(${sql.param(ids)}::uuid[]) and status = 'ACCEPTED'`,
      );
      expect(Number(accepted!.n)).toBe(1);
    }
  }, 300_000);
});
