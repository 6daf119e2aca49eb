import { useId, type MouseEvent } from 'react';
import { formatDateTime } from '../../account/format.ts';
import { money } from '../../orders/present.ts';
import { useOrderReceipts, usePaymentStatus } from '../api/payments.ts';

const PAID = new Set(['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED']);
/** Receipt links are signed for 15 minutes; an older page asks for fresh ones before following one. */
const FRESH_MS = 10 * 60_000;

/**
 * The client's receipt for an order's payment: what was taken, by which method, and every refund that went back
 * (a partial refund shows as its own line, and what the order cost them after it), each with its PDF receipt. Nothing
 * while nothing was taken.
 */
export function PaymentReceipt({ paymentId, title = 'Receipt' }: { paymentId: string; title?: string }) {
  const query = usePaymentStatus(paymentId);
  const titleId = useId();
  const p = query.data;
  if (!p || !PAID.has(p.status)) return null;
  const refunds = p.refunds.filter((r) => r.status === 'SUCCEEDED');
  const net = { amount: Math.round((p.captured.amount - p.refunded.amount) * 1000) / 1000, currency: p.captured.currency };
  const link = (id: string, label: string) => {
    const receipt = p.receipts.find((r) => r.id === id);
    const refresh = async () => (await query.refetch()).data?.receipts.find((r) => r.id === id)?.url;
    return receipt && <ReceiptLink url={receipt.url} fetchedAt={query.dataUpdatedAt} refresh={refresh} label={label} />;
  };
  return (
    <section aria-labelledby={titleId} className="mt-12 border border-line bg-ivory p-6 md:p-8">
      <h3 id={titleId} className="eyebrow text-stone">
        {title}
      </h3>
      <dl className="mt-4 max-w-md space-y-2 text-sm">
        <div className="flex items-baseline justify-between gap-4">
          <dt className="text-ink-soft">
            Paid · {p.method} · {formatDateTime(p.createdAt)}
            {link(p.paymentId, 'Receipt (PDF)')}
          </dt>
          <dd className="text-ink tabular-nums">{money(p.captured)}</dd>
        </div>
        {refunds.map((r) => (
          <div key={r.refundId} className="flex items-baseline justify-between gap-4">
            <dt className="text-ink-soft">
              Refunded · {formatDateTime(r.createdAt)}
              {r.reason && <span className="block text-stone">{r.reason}</span>}
              {link(r.refundId, 'Refund receipt (PDF)')}
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

/**
 * Every payment of an order with its receipts: one for an order paid in full, two for a deposit and its balance
 * (titled so), in the order they were taken. Until the list arrives, the order's own payment.
 */
export function OrderPaymentReceipts({ orderId, paymentId }: { orderId: string; paymentId: string | undefined }) {
  const receipts = useOrderReceipts(orderId, Boolean(paymentId));
  const paymentIds = [...new Set((receipts.data?.receipts ?? []).filter((r) => r.kind === 'payment').map((r) => r.paymentId))];
  if (!paymentIds.length && paymentId) paymentIds.push(paymentId);
  return paymentIds.map((id, i) => (
    <PaymentReceipt
      key={id}
      paymentId={id}
      title={paymentIds.length > 1 ? (i === 0 ? 'Receipt · deposit' : 'Receipt · balance') : 'Receipt'}
    />
  ));
}

/** A PDF receipt behind a signed link; a link fetched long ago is fetched again before it is followed. */
export function ReceiptLink({
  url,
  fetchedAt,
  refresh,
  label,
}: {
  url: string;
  fetchedAt: number;
  refresh: () => Promise<string | undefined>;
  label: string;
}) {
  return (
    <a
      href={url}
      download
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        if (Date.now() - fetchedAt < FRESH_MS) return;
        event.preventDefault();
        void refresh().then((fresh) => fresh && window.location.assign(fresh));
      }}
      className="mt-1 block text-xs text-stone underline decoration-line underline-offset-4 hover:text-ink hover:decoration-ink"
    >
      {label}
    </a>
  );
}
