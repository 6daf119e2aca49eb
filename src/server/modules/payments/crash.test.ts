/**
 * Payments survive a crash between any two steps. For each step of a checkout (our row committed; the provider
 * authorized, and captured in the same call for an ordinary order; the provider captured a hold; all settled) and of a refund, a child process is SIGKILLed right there. A new
 * process then runs the reconciler once, and the books agree: no charge at the provider without a paid order, no paid
 * order without a captured payment, every refund the provider made recorded once, and the ledger balanced.
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import type { TestApp } from '../../test/app.ts';
import { crashDatabase, spawnChild } from '../../test/crash.ts';
import { accountOf } from '../../test/identity.ts';
import { addPiece, orderBody, placeOrder, setupCatalog } from '../orders/test-helpers.ts';
import type { FaultPoint } from './faults.ts';
import { processPayment } from './service.ts';

const CHILD = join(import.meta.dirname, 'test', 'crash-child.ts');
const world = crashDatabase('pay');
const pgUrl = process.env.DATABASE_URL;
const open = world.open;

/**
 * The checkout's steps on both paths of decision 015: an ordinary order is authorized and captured in one provider
 * call; one the provider only holds (here: above a step-up threshold the child lowers to 1,000 USD) is captured by a
 * second call. Every kill point runs on PostgreSQL. On PGlite each child boots the platform and recovers the killed
 * data directory (8 s on a quiet machine, up to a minute beside the browser tests), so there only the two steps after
 * which the provider holds money we have not recorded are killed: a one-call capture and a refund. The statements are
 * the same on both databases, and CI runs this file on PostgreSQL too.
 */
const HELD = { HIGH_VALUE_THRESHOLD: '1000' };
type PayRun = { point: FaultPoint; env?: Record<string, string> };
const ALL_PAY_RUNS: PayRun[] = [
  { point: 'payment.recorded' },
  { point: 'payment.authorized-at-provider' },
  { point: 'payment.settled' },
  { point: 'payment.authorized-at-provider', env: HELD },
  { point: 'payment.captured-at-provider', env: HELD },
];
const PAY_RUNS = pgUrl ? ALL_PAY_RUNS : ALL_PAY_RUNS.filter((r) => r.point === 'payment.authorized-at-provider' && !r.env);
const ALL_REFUND_POINTS: FaultPoint[] = ['refund.recorded', 'refund.refunded-at-provider', 'refund.settled'];
const REFUND_POINTS = pgUrl ? ALL_REFUND_POINTS : ALL_REFUND_POINTS.filter((p) => p === 'refund.refunded-at-provider');
/** A checkout killed before it reached the provider ends failed; every other one ends paid. */
const reachedProvider = (r: PayRun) => r.point !== 'payment.recorded';
let clientId: string;
let adminId: string;
let orderIds: string[] = [];

beforeAll(async () => {
  await world.setup();
  // The world before the crashes: a catalogue, a client with unpaid orders, an admin.
  const database = await open();
  if (!pgUrl) await runMigrations(database, { kind: 'pglite', dataDir: world.dataDir });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    DATA_DIR: world.dataDir,
    RATE_LIMIT_MAX: '10000',
    PAYMENTS_RECONCILE_INTERVAL_SECONDS: '0',
  });
  const app = (await buildApp({ config, database, webBuildDir: false, runJobs: false })) as TestApp;
  await app.ready();
  const fx = await setupCatalog(app);
  const piece = await addPiece(app, fx, { name: 'Quilted Flap Bag', amount: 3200, variants: [{ color: 'black', stock: 50 }] });
  clientId = fx.client.userId;
  adminId = (await accountOf(app, 'ADMIN')).userId;
  orderIds = [];
  for (let i = 0; i < PAY_RUNS.length + REFUND_POINTS.length; i++) {
    const res = await placeOrder(app, fx.client, orderBody(fx.client, piece));
    expect(res.statusCode, res.body).toBe(201);
    orderIds.push(res.json().orderId);
  }
  // The refunds' payments complete here, in this process: a child process each would only boot the platform again.
  for (const orderId of orderIds.slice(PAY_RUNS.length)) {
    const paid = await processPayment(app.ctx, { userId: clientId, userType: 'CLIENT' }, { orderId, paymentMethodId: 'pm_card_visa' });
    expect(paid.status).toBe('SUCCEEDED');
  }
  await app.close();
  await database.close();
}, 240_000);

afterAll(() => world.teardown());

async function child(args: string[], env: Record<string, string> = {}): Promise<{ out: string; exit: NodeJS.Signals | number | null }> {
  const run = spawnChild(CHILD, args, { ...world.env(), ...env });
  return { out: await run.output, exit: await run.exit };
}

it('SIGKILL between each step of checkout and of a refund, then the reconciler: nothing lost, nothing doubled, ledger balanced', async () => {
  // Checkouts killed at each step.
  for (const [i, { point, env }] of PAY_RUNS.entries()) {
    const run = await child(['pay', clientId, orderIds[i]!, point], env);
    expect(run, point).toEqual({ out: `killed at ${point}`, exit: 'SIGKILL' });
  }
  // Both paths were taken: the charges of the one-call path captured in the call that authorized them (the first
  // kill comes before the provider), the held path's held first.
  const check = await open();
  const methods = await queryRows<{ capture_method: string; n: number }>(
    check.db,
    sql`select capture_method, count(*)::int as n from sandbox_charges where metadata ->> 'orderId' in ${sql.raw(
      `(${orderIds
        .slice(0, PAY_RUNS.length)
        .map((id) => `'${id}'`)
        .join(',')})`,
    )} group by capture_method order by capture_method`,
  );
  await check.close();
  const held = PAY_RUNS.filter((r) => r.env === HELD).length;
  expect(methods).toEqual([
    { capture_method: 'automatic', n: PAY_RUNS.filter((r) => reachedProvider(r) && r.env !== HELD).length },
    ...(held ? [{ capture_method: 'manual', n: held }] : []),
  ]);
  // Refunds killed at each step, each of a payment that completed.
  const refundOrders = orderIds.slice(PAY_RUNS.length);
  for (const [i, point] of REFUND_POINTS.entries()) {
    const database = await open();
    const [p] = await queryRows<{ id: string }>(database.db, sql`select id from payments where order_id = ${refundOrders[i]!}`);
    await database.close();
    const run = await child(['refund', adminId, p!.id, point]);
    expect(run, point).toEqual({ out: `killed at ${point}`, exit: 'SIGKILL' });
  }

  const reconciled = await child(['reconcile']);
  expect(reconciled.exit).toBe(0);
  expect(reconciled.out).toMatch(/^reconciled /);

  const database = await open();
  try {
    const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
    // No charge at the provider without a paid order: every captured charge belongs to a captured payment of a paid order.
    const orphans = await q<{ id: string }>(sql`
      select c.id from sandbox_charges c
        left join payments p on p.id = (c.metadata ->> 'paymentId')::uuid
        left join orders o on o.id = p.order_id
       where (c.status = 'succeeded' and c.amount_refunded_minor < c.amount_minor and (p.id is null or p.captured_minor = 0 or o.status not in ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')))
          or (c.status = 'requires_capture' and (p.id is null or p.status <> 'AUTHORIZED'))`);
    expect(orphans).toEqual([]);
    // No paid order without a captured payment.
    const unpaid = await q<{ id: string }>(sql`
      select o.id from orders o where o.status in ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')
         and not exists (select 1 from payments p where p.order_id = o.id and p.captured_minor > 0)`);
    expect(unpaid).toEqual([]);
    // Every checkout ended somewhere final: paid (it reached the provider) or failed (it never did), none pending.
    const states = await q<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from payments group by status order by status`,
    );
    expect(states.find((s) => s.status === 'PENDING')).toBeUndefined();
    const paidOrders = await q<{ n: number }>(
      sql`select count(*)::int as n from orders where id in ${sql.raw(
        `(${orderIds
          .slice(0, PAY_RUNS.length)
          .map((id) => `'${id}'`)
          .join(',')})`,
      )} and status = 'PAID'`,
    );
    expect(paidOrders[0]!.n).toBe(PAY_RUNS.filter(reachedProvider).length);
    // Refunds: each made at the provider exactly once and recorded exactly once.
    const refunds = await q<{ status: string; n: number }>(sql`select status, count(*)::int as n from payment_refunds group by status`);
    expect(refunds).toEqual([{ status: 'SUCCEEDED', n: REFUND_POINTS.length }]);
    const atProvider = await q<{ n: number }>(sql`select count(*)::int as n from sandbox_refunds`);
    expect(atProvider[0]!.n).toBe(REFUND_POINTS.length);
    const mismatch = await q<{ id: string }>(
      sql`select p.id from payments p join sandbox_charges c on c.id = p.provider_ref where p.refunded_minor <> c.amount_refunded_minor`,
    );
    expect(mismatch).toEqual([]);
    // The ledger balances and agrees with what was captured and refunded.
    const net = await q<{ currency: string; net: number }>(
      sql`select currency, sum(amount_minor)::bigint as net from ledger_entries group by currency`,
    );
    for (const n of net) expect(Number(n.net)).toBe(0);
    const [money] = await q<{ captured: number; refunded: number; received: number; paid_back: number }>(sql`
      select (select coalesce(sum(captured_minor), 0) from payments)::bigint as captured,
             (select coalesce(sum(refunded_minor), 0) from payments)::bigint as refunded,
             (select coalesce(sum(e.amount_minor), 0) from ledger_entries e join ledger_accounts a on a.id = e.account_id where a.kind = 'provider_clearing')::bigint as received,
             (select coalesce(-sum(e.amount_minor), 0) from ledger_entries e join ledger_accounts a on a.id = e.account_id where a.kind = 'refunds')::bigint as paid_back`);
    expect(Number(money!.received)).toBe(Number(money!.captured));
    expect(Number(money!.paid_back)).toBe(Number(money!.refunded));
  } finally {
    await database.close();
  }
}, 720_000);
