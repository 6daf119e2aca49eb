import { Link } from 'react-router';
import type { Route } from './+types/account.orders';
import { ButtonLink } from '../components/ui/button.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { LoadMore } from '../components/ui/load-more.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { formatDate } from '../features/account/format.ts';
import { useOrders } from '../features/orders/api.ts';
import { StatusBadge } from '../features/orders/components/order-detail.tsx';
import { money } from '../features/orders/present.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Your orders', description: 'Your orders at StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

/** The client's orders, newest first. */
export default function AccountOrders() {
  const query = useOrders();
  const orders = query.data?.pages.flatMap((p) => p.orders) ?? [];
  return (
    <>
      <PageTitle
        eyebrow="Private client area"
        title="Your orders"
        lede="Every piece you have ordered, where it is, and what happened to it."
      />
      {query.isPending ? (
        <ListLoading rows={3} />
      ) : query.isError ? (
        <ListError error={query.error} />
      ) : orders.length === 0 ? (
        <div className="border-y border-line py-16 text-center">
          <p className="display text-3xl text-ink">No orders yet</p>
          <p className="mx-auto mt-4 max-w-md leading-relaxed text-ink-soft">
            When you order from the boutique, your orders are kept here.
          </p>
          <ButtonLink to="/shop" variant="secondary" className="mt-10">
            Visit the boutique
          </ButtonLink>
        </div>
      ) : (
        <>
          <ul aria-label="Orders" className="divide-y divide-line border-y border-line">
            {orders.map((o) => (
              <li key={o.orderId}>
                <Link
                  to={`/account/orders/${o.orderId}`}
                  className="grid gap-3 py-6 transition-colors hover:bg-sand/50 sm:grid-cols-[1fr_auto_auto] sm:items-center sm:gap-8 sm:px-4"
                >
                  <div className="min-w-0">
                    <p className="font-display text-xl text-ink">{o.orderNumber}</p>
                    <p className="truncate text-sm text-ink-soft">
                      {formatDate(o.createdAt)} · {o.items.map((i) => i.name).join(', ')}
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
