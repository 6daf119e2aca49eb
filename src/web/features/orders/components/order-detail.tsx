import type { ReactNode } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { countryName } from '../../account/countries.ts';
import { formatDate, formatDateTime } from '../../account/format.ts';
import type { Order, OrderAddress } from '../api.ts';
import { ACTOR_LABELS, DELIVERY_LABELS, money, STATUS_LABELS, timelineText } from '../present.ts';

export function StatusBadge({ status }: { status: string }) {
  const tone =
    status === 'CANCELLED' || status === 'REFUNDED'
      ? 'neutral'
      : status === 'PENDING_PAYMENT' || status === 'AWAITING_APPROVAL'
        ? 'gold'
        : 'ink';
  return <Badge tone={tone}>{STATUS_LABELS[status] ?? status}</Badge>;
}

export function addressLines(a: OrderAddress): string[] {
  return [
    a.recipientName,
    a.line1,
    a.line2,
    [a.postalCode, a.city].filter(Boolean).join(' '),
    a.state,
    countryName(a.country),
    a.phoneNumber,
  ].filter((l): l is string => Boolean(l && l.trim()));
}

/** One order in full: pieces, figures, delivery and the timeline of what happened to it, with actions beside. */
export function OrderDetail({ order, actions, staff = false }: { order: Order; actions?: ReactNode; staff?: boolean }) {
  return (
    <article aria-labelledby="order-title" className="space-y-12">
      <header className="flex flex-wrap items-end justify-between gap-6 border-b border-line pb-8">
        <div>
          <p className="eyebrow text-stone">Placed {formatDate(order.createdAt)}</p>
          <h2 id="order-title" className="display mt-3 text-3xl text-ink sm:text-4xl">
            Order {order.orderNumber}
          </h2>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <StatusBadge status={order.status} />
          {order.requiresApproval && !order.approvedAt && <Badge tone="gold">Approval needed</Badge>}
          {staff && order.highValue && <Badge>High value</Badge>}
        </div>
      </header>

      {actions}

      <div className="grid gap-12 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="pieces-title">
          <h3 id="pieces-title" className="eyebrow text-stone">
            Pieces
          </h3>
          <ul className="mt-4 divide-y divide-line border-y border-line">
            {order.items.map((item) => (
              <li key={item.itemId} className="flex gap-5 py-5">
                <div className="aspect-[4/5] w-16 shrink-0 overflow-hidden bg-veil">
                  {item.imageUrl && <img src={item.imageUrl} alt="" className="h-full w-full object-cover" loading="lazy" />}
                </div>
                <div className="min-w-0 flex-1">
                  <p className="eyebrow text-[0.625rem] text-stone">{item.brandName}</p>
                  <p className="mt-1 font-display text-lg text-ink">{item.name}</p>
                  <p className="text-sm text-ink-soft">
                    {[item.size, item.color, `× ${item.quantity}`, staff ? item.sku : undefined].filter(Boolean).join(' · ')}
                  </p>
                  {item.deposit && (
                    <p className="text-sm text-ink-soft">
                      Deposit {item.depositPercent}% · {money(item.deposit)}
                    </p>
                  )}
                </div>
                <p className="text-ink tabular-nums">{money(item.totalPrice)}</p>
              </li>
            ))}
          </ul>
          <dl className="mt-6 ml-auto max-w-sm space-y-2 text-sm">
            <Row label="Pieces" value={money(order.totals.items)} />
            <Row label="Delivery" value={order.totals.delivery.amount === 0 ? 'Complimentary' : money(order.totals.delivery)} />
            {order.totals.duties.amount > 0 && <Row label="Duties" value={money(order.totals.duties)} />}
            <Row label="VAT" value={money(order.totals.vat)} />
            <div className="flex items-baseline justify-between border-t border-line pt-3">
              <dt className="eyebrow text-stone">Total</dt>
              <dd className="font-display text-2xl text-ink tabular-nums">{money(order.totals.total)}</dd>
            </div>
            {order.totals.paid.amount > 0 && <Row label="Paid" value={money(order.totals.paid)} />}
            {order.totals.balance.amount > 0 && order.status !== 'CANCELLED' && (
              <Row label="Balance before delivery" value={money(order.totals.balance)} />
            )}
          </dl>
        </section>

        <aside className="space-y-10">
          <section aria-labelledby="delivery-title">
            <h3 id="delivery-title" className="eyebrow text-stone">
              Delivery
            </h3>
            <p className="mt-3 text-ink">{DELIVERY_LABELS[order.deliveryOption]?.title ?? order.deliveryOption}</p>
            {order.shippingAddress && (
              <address className="mt-2 text-sm not-italic leading-relaxed text-ink-soft">
                {addressLines(order.shippingAddress).map((l) => (
                  <span key={l} className="block">
                    {l}
                  </span>
                ))}
              </address>
            )}
            {order.deliveryNote && <p className="mt-2 text-sm text-ink-soft">“{order.deliveryNote}”</p>}
            {order.tracking && (
              <p className="mt-3 text-sm text-ink">
                {order.tracking.carrier} ·{' '}
                {order.tracking.url ? (
                  <a href={order.tracking.url} className="underline underline-offset-4" rel="noreferrer noopener" target="_blank">
                    {order.tracking.trackingNumber}
                  </a>
                ) : (
                  order.tracking.trackingNumber
                )}
              </p>
            )}
          </section>
          <section aria-labelledby="timeline-title">
            <h3 id="timeline-title" className="eyebrow text-stone">
              Timeline
            </h3>
            <ol className="mt-4 space-y-5 border-l border-line pl-5">
              {(order.timeline ?? []).map((e, i) => (
                <li key={`${e.at}-${i}`} className="relative">
                  <span aria-hidden="true" className="absolute -left-[1.6rem] top-1.5 size-2 rounded-full bg-gold" />
                  <p className="text-ink">{timelineText(e)}</p>
                  <p className="text-sm text-stone">
                    {formatDateTime(e.at)} · {staff && e.actor.kind === 'CLIENT' ? 'Client' : (ACTOR_LABELS[e.actor.kind] ?? e.actor.kind)}
                  </p>
                  {e.reason && e.reason !== timelineText(e) && <p className="text-sm text-ink-soft">{e.reason}</p>}
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </article>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex items-baseline justify-between gap-4">
      <dt className="text-ink-soft">{label}</dt>
      <dd className="text-ink tabular-nums">{value}</dd>
    </div>
  );
}
