// A platform instance in a child process, for payments' crash test (crash.test.ts). `pay <clientId> <orderId> <point>`
// and `refund <adminId> <paymentId> <point>` SIGKILL the process at the named point between two steps (faults.ts);
// `reconcile` runs the reconciler once and prints its report. PostgreSQL (DATABASE_URL) or PGlite in DATA_DIR.
import { bootChild } from '../../../test/crash-child.ts';
import { setFaultHook, type FaultPoint } from '../faults.ts';
import { processPayment, reconcile, refundPayment } from '../service.ts';

const [mode, who, target, point] = process.argv.slice(2);
const { app, database } = await bootChild({ PAYMENTS_RECONCILE_INTERVAL_SECONDS: '0' }, { runJobs: false });

setFaultHook((at: FaultPoint) => {
  if (at === point) {
    process.stdout.write(`killed at ${at}\n`);
    process.kill(process.pid, 'SIGKILL');
  }
});

try {
  if (mode === 'pay') {
    const out = await processPayment(app.ctx, { userId: who!, userType: 'CLIENT' }, { orderId: target!, paymentMethodId: 'pm_card_visa' });
    process.stdout.write(`finished ${out.status}\n`);
  } else if (mode === 'refund') {
    const out = await refundPayment(
      app.ctx,
      { userId: who!, userType: 'ADMIN' },
      { paymentId: target!, amount: { amount: 100, currency: 'EUR' }, reason: 'Crash test' },
    );
    process.stdout.write(`finished ${out.status}\n`);
  } else {
    const report = await reconcile(app.ctx, 0);
    process.stdout.write(`reconciled ${JSON.stringify(report)}\n`);
  }
} finally {
  await app.close();
  await database.close();
}
