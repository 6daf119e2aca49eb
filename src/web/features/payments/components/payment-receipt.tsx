import { formatDateTime } from '../../account/format.ts';
import { money } from '../../orders/present.ts';
import { usePaymentStatus } from '../api/payments.ts';

const PAID = new Set(['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED']);

/**
 * The client's receipt for an order's payment: what was taken, by which method, and every refund that went back
 * (a partial refund shows as its own line, and what the order cost them after it). Nothing while nothing was taken.
 */
export function PaymentReceipt({ paymentId }: { paymentId: string }) {
  const query = usePaymentStatus(paymentId);
  const p = query.data;
  if (!p || !PAID.has(p.status)) return null;
  const refunds = p.refunds.filter((r) => r.status === 'SUCCEEDED');
  const net = { amount: Math.round((p.captured.amount - p.refunded.amount) * 1000) / 1000, currency: p.captured.currency };
  return (
    <section aria-labelledby="receipt-title" className="mt-12 border border-line bg-ivory p-6 md:p-8">
      <h3 id="receipt-title" className="eyebrow text-stone">
        Receipt
      </h3>
      <dl className="mt-4 max-w-md space-y-2 text-sm">
        <div className="flex items-baseline justify-between gap-4">
          <dt className="text-ink-soft">
            Paid · {p.method} · {formatDateTime(p.createdAt)}
          </dt>
          <dd className="text-ink tabular-nums">{money(p.captured)}</dd>
        </div>
        {refunds.map((r) => (
          <div key={r.refundId} className="flex items-baseline justify-between gap-4">
            <dt className="text-ink-soft">
              Refunded · {formatDateTime(r.createdAt)}
              {r.reason && <span className="block text-stone">{r.reason}</span>}
            </dt>
            <dd className="text-ink tabular-nums">−{money(r.amount)}</dd>
          </div>
        ))}
        {refunds.length > 0 && (
          <div className="flex items-baseline justify-between gap-4 border-t border-line pt-3">
            <dt className="eyebrow text-stone">Paid after refunds</dt>
            <dd className="font-display text-xl text-ink tabular-nums">{money(net)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
