import { useParams } from 'react-router';
import type { Route } from './+types/checkout.placed';
import { ButtonLink } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { Notice } from '../components/ui/form-alert.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { formatDateTime } from '../features/account/format.ts';
import { RequireAuth } from '../features/auth/require-auth.tsx';
import { useOrder } from '../features/orders/api.ts';
import { OrderDetail } from '../features/orders/components/order-detail.tsx';
import { money } from '../features/orders/present.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Thank you', description: 'Your order at StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

export default function OrderPlacedRoute() {
  return (
    <RequireAuth>
      <OrderPlaced />
    </RequireAuth>
  );
}

/** The confirmation: the order's number, what happens next, and the payment that completes it. */
function OrderPlaced() {
  const { orderId = '' } = useParams();
  const query = useOrder(orderId);
  const order = query.data?.order;
  return (
    <Container className="py-16 sm:py-20">
      <p className="eyebrow text-gold-deep">Thank you</p>
      <h1 className="display mt-5 text-4xl text-ink sm:text-5xl">Your order is placed</h1>
      {query.isPending ? (
        <div className="mt-12">
          <ListLoading rows={3} />
        </div>
      ) : query.isError || !order ? (
        <div className="mt-12">
          <ListError error={query.error} />
        </div>
      ) : (
        <div className="mt-10 space-y-12">
          {order.status === 'PENDING_PAYMENT' && (
            <Notice title={`Payment of ${money(order.totals.dueNow)}`}>
              <p>
                Your pieces are held for you until {formatDateTime(order.paymentDueAt)}. {order.requiresApproval ? 'Your payment will be held, not taken, until our house office approves the order.' : ''}
              </p>
            </Notice>
          )}
          <OrderDetail order={order} />
          <div className="flex flex-wrap gap-4">
            <ButtonLink to="/account/orders">Your orders</ButtonLink>
            <ButtonLink to="/shop" variant="secondary">
              Continue in the boutique
            </ButtonLink>
          </div>
        </div>
      )}
    </Container>
  );
}
