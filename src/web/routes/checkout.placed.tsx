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
import { PaymentStep } from '../features/payments/payment-step.tsx';
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

/** The confirmation: the order's number, the payment that completes it (payments' step), and what happens next. */
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
            <>
              <p className="max-w-2xl leading-relaxed text-ink-soft">
                Your pieces are held for you until {formatDateTime(order.paymentDueAt)}. Complete the payment below to confirm the order.
              </p>
              <div className="border border-line bg-sand/40 px-6 py-8 sm:px-10">
                <PaymentStep
                  orderId={order.orderId}
                  orderNumber={order.orderNumber}
                  amountDue={order.totals.dueNow}
                  requiresApproval={order.requiresApproval}
                  onDone={() => void query.refetch()}
                />
              </div>
            </>
          )}
          {order.status === 'AWAITING_APPROVAL' && (
            <Notice title="Your payment is held">
              <p>Our house office reviews orders of this value personally and will confirm shortly. Nothing is taken until then.</p>
            </Notice>
          )}
          {order.status === 'PAID' && (
            <Notice title="Payment received">
              <p>Thank you. We have sent the confirmation to your email; the house prepares your pieces now.</p>
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
