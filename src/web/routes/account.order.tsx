import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { Route } from './+types/account.order';
import { Button } from '../components/ui/button.tsx';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../components/ui/dialog.tsx';
import { Field } from '../components/ui/field.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { Textarea } from '../components/ui/textarea.tsx';
import { useToast } from '../components/ui/toast.tsx';
import { useCancelOrder, useOrder, type Order } from '../features/orders/api.ts';
import { OrderDetail } from '../features/orders/components/order-detail.tsx';
import { OrderPaymentReceipts } from '../features/payments/components/payment-receipt.tsx';
import { PaymentStep } from '../features/payments/payment-step.tsx';
import { formatMoney } from '../../shared/money.ts';
import { toProblem } from '../lib/api/problem.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Your order', description: 'An order at StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

const CANCELLABLE = new Set(['PENDING_PAYMENT', 'AWAITING_APPROVAL', 'PAID', 'PROCESSING']);

/** An order placed against a deposit, deposit paid, balance still to pay before it is shipped. */
const balanceDue = (order: Order) => (order.status === 'PAID' || order.status === 'PROCESSING') && order.totals.balance.amount > 0;

/** One of the client's orders with its timeline and receipt; cancellable until it leaves the house. */
export default function AccountOrder() {
  const { orderId = '' } = useParams();
  const query = useOrder(orderId);
  const queryClient = useQueryClient();
  return (
    <>
      <p className="mb-8">
        <Link to="/account/orders" className="eyebrow text-stone underline-offset-4 hover:text-ink hover:underline">
          ← Your orders
        </Link>
      </p>
      {query.isPending ? (
        <ListLoading rows={4} />
      ) : query.isError || !query.data ? (
        <ListError error={query.error} />
      ) : (
        <>
          <OrderDetail
            order={query.data.order}
            actions={CANCELLABLE.has(query.data.order.status) ? <CancelOrder order={query.data.order} /> : undefined}
          />
          {balanceDue(query.data.order) && (
            <section aria-label="Balance" className="mt-12 border border-line bg-sand/40 px-6 py-8 sm:px-10">
              <p className="mb-6 max-w-2xl leading-relaxed text-ink-soft">
                Your deposit is paid. The balance of {formatMoney(query.data.order.totals.balance)} is due before your piece leaves the
                house.
              </p>
              <PaymentStep
                orderId={query.data.order.orderId}
                orderNumber={query.data.order.orderNumber}
                amountDue={query.data.order.totals.balance}
                requiresApproval={false}
                onDone={() =>
                  void Promise.all([query.refetch(), queryClient.invalidateQueries({ queryKey: ['orders', orderId, 'receipts'] })])
                }
              />
            </section>
          )}
          <OrderPaymentReceipts orderId={query.data.order.orderId} paymentId={query.data.order.paymentId} />
        </>
      )}
    </>
  );
}

function CancelOrder({ order }: { order: Order }) {
  const cancel = useCancelOrder(order.orderId);
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const { toast } = useToast();
  const paid = order.status !== 'PENDING_PAYMENT';
  async function confirm() {
    try {
      await cancel.mutateAsync(reason.trim() || undefined);
      setOpen(false);
      toast({
        title: `Order ${order.orderNumber} is cancelled`,
        description: paid ? 'What you paid is refunded to you.' : 'Nothing was taken.',
        tone: 'success',
      });
    } catch {
      // Shown in the dialog.
    }
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">Cancel this order</Button>
      </DialogTrigger>
      <DialogContent
        title={`Cancel order ${order.orderNumber}?`}
        description={
          paid
            ? 'Your pieces go back to the house and your payment is refunded.'
            : 'Your pieces go back to the house. Nothing has been taken.'
        }
      >
        <div className="space-y-6">
          <Field label="Would you tell us why? (optional)">
            {(p) => <Textarea {...p} rows={3} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <FormAlert problem={cancel.error ? toProblem(cancel.error) : null} />
          <div className="flex flex-wrap gap-4">
            <Button loading={cancel.isPending} onClick={() => void confirm()}>
              Cancel the order
            </Button>
            <DialogClose asChild>
              <Button variant="ghost">Keep it</Button>
            </DialogClose>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}
