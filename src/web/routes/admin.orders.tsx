import { useState } from 'react';
import { Link } from 'react-router';
import type { Route } from './+types/admin.orders';
import { Input } from '../components/ui/input.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { LoadMore } from '../components/ui/load-more.tsx';
import { Select } from '../components/ui/select.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { formatDateTime } from '../features/account/format.ts';
import { useOrders, type OrderStatus } from '../features/orders/api.ts';
import { StatusBadge } from '../features/orders/components/order-detail.tsx';
import { money, STATUS_LABELS } from '../features/orders/present.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Orders', description: 'Every order at StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

/** Every order, newest first, filtered by status and order number. */
export default function AdminOrders() {
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [q, setQ] = useState('');
  const query = useOrders({ ...(status ? { status } : {}), ...(q.trim().length >= 3 ? { q: q.trim() } : {}) });
  const orders = query.data?.pages.flatMap((p) => p.orders) ?? [];
  return (
    <>
      <PageTitle
        eyebrow="The house office"
        title="Orders"
        lede="Approve high-value orders, prepare and ship, and follow every order’s timeline."
      />
      <div className="mb-8 flex flex-wrap gap-4">
        <label className="flex flex-col gap-1 text-sm text-ink-soft">
          <span className="eyebrow text-[0.625rem]">Status</span>
          <Select value={status} onChange={(e) => setStatus(e.target.value as OrderStatus | '')} className="min-w-56">
            <option value="">Every status</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm text-ink-soft">
          <span className="eyebrow text-[0.625rem]">Order number</span>
          <Input value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. 000123" className="min-w-56" maxLength={40} />
        </label>
      </div>
      {query.isPending ? (
        <ListLoading rows={5} />
      ) : query.isError ? (
        <ListError error={query.error} />
      ) : orders.length === 0 ? (
        <p className="border-y border-line py-16 text-center text-ink-soft">No order matches.</p>
      ) : (
        <>
          <ul aria-label="Orders" className="divide-y divide-line border-y border-line">
            {orders.map((o) => (
              <li key={o.orderId}>
                <Link
                  to={`/admin/orders/${o.orderId}`}
                  className="grid gap-3 py-5 transition-colors hover:bg-sand/50 sm:grid-cols-[1fr_auto_auto] sm:items-center sm:gap-8 sm:px-4"
                >
                  <div className="min-w-0">
                    <p className="font-display text-lg text-ink">
                      {o.orderNumber}
                      {o.requiresApproval && !o.approvedAt && o.status === 'AWAITING_APPROVAL' && (
                        <span className="eyebrow ml-3 text-[0.625rem] text-gold-deep">Needs approval</span>
                      )}
                    </p>
                    <p className="truncate text-sm text-ink-soft">
                      {formatDateTime(o.createdAt)} · {o.items.length} {o.items.length === 1 ? 'piece' : 'pieces'} ·{' '}
                      {o.shippingAddress?.country ?? ''}
                    </p>
                  </div>
                  <StatusBadge status={o.status} />
                  <p className="text-ink tabular-nums">{money(o.totalAmount)}</p>
                </Link>
              </li>
            ))}
          </ul>
          <LoadMore
            shown={orders.length}
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onMore={() => void query.fetchNextPage()}
            noun="orders"
          />
        </>
      )}
    </>
  );
}
