import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Route } from './+types/admin.order';
import { Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { Input } from '../components/ui/input.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { useCancelOrder, useAdminOrderAction, useOrder, type Order } from '../features/orders/api.ts';
import { OrderDetail } from '../features/orders/components/order-detail.tsx';
import { toProblem } from '../lib/api/problem.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Order', description: 'An order at StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

/** One order for the house office: its timeline, and the next thing to do with it. */
export default function AdminOrder() {
  const { orderId = '' } = useParams();
  const query = useOrder(orderId);
  return (
    <>
      <p className="mb-8">
        <Link to="/admin/orders" className="eyebrow text-stone underline-offset-4 hover:text-ink hover:underline">
          ← Orders
        </Link>
      </p>
      {query.isPending ? (
        <ListLoading rows={4} />
      ) : query.isError || !query.data ? (
        <ListError error={query.error} />
      ) : (
        <OrderDetail order={query.data.order} staff actions={<OrderDesk order={query.data.order} />} />
      )}
    </>
  );
}

function OrderDesk({ order }: { order: Order }) {
  const { act, ship } = useAdminOrderAction(order.orderId);
  const cancel = useCancelOrder(order.orderId);
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const problem = act.error ?? ship.error ?? cancel.error;
  const canApprove =
    order.requiresApproval && !order.approvedAt && (order.status === 'AWAITING_APPROVAL' || order.status === 'PENDING_PAYMENT');
  const canShip = order.status === 'PAID' || order.status === 'PROCESSING';
  const canCancel = ['PENDING_PAYMENT', 'AWAITING_APPROVAL', 'PAID', 'PROCESSING'].includes(order.status);
  const submitShip = (e: FormEvent) => {
    e.preventDefault();
    ship.mutate({ carrier: carrier.trim(), trackingNumber: tracking.trim() });
  };
  if (!canApprove && !canShip && order.status !== 'SHIPPED' && !canCancel) return null;
  return (
    <section aria-label="Next steps" className="space-y-6 border border-line bg-sand/40 px-6 py-6">
      <div className="flex flex-wrap gap-4">
        {canApprove && (
          <Button loading={act.isPending} onClick={() => act.mutate({ action: 'approve', reason: 'Approved by the house office' })}>
            Approve this order
          </Button>
        )}
        {order.status === 'PAID' && (
          <Button variant="secondary" loading={act.isPending} onClick={() => act.mutate({ action: 'processing' })}>
            Start preparing
          </Button>
        )}
        {order.status === 'SHIPPED' && (
          <Button loading={act.isPending} onClick={() => act.mutate({ action: 'deliver' })}>
            Mark as delivered
          </Button>
        )}
        {canCancel && (
          <Button variant="ghost" loading={cancel.isPending} onClick={() => cancel.mutate('Cancelled by the house office')}>
            Cancel the order
          </Button>
        )}
      </div>
      {canShip && (
        <form onSubmit={submitShip} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <Field label="Carrier">
            {(p) => <Input {...p} value={carrier} onChange={(e) => setCarrier(e.target.value)} required maxLength={60} />}
          </Field>
          <Field label="Tracking number">
            {(p) => <Input {...p} value={tracking} onChange={(e) => setTracking(e.target.value)} required maxLength={80} />}
          </Field>
          <Button type="submit" loading={ship.isPending}>
            Ship
          </Button>
        </form>
      )}
      <FormAlert problem={problem ? toProblem(problem) : null} />
    </section>
  );
}
