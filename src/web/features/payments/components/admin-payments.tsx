import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatMoney, type MoneyDto } from '../../../../shared/money.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { FormAlert, Notice } from '../../../components/ui/form-alert.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { ListError, ListLoading } from '../../../components/ui/list-state.tsx';
import { toProblem } from '../../../lib/api/problem.ts';
import { cn } from '../../../lib/cn.ts';
import { formatDateTime } from '../../account/format.ts';
import { Table, Td, Th, Tr } from '../../admin/components/table.tsx';
import {
  useAdminPayment,
  useAdminPayments,
  useDecideRefund,
  usePaymentExceptions,
  useReconcileNow,
  useRecordBankReceipt,
  useRefund,
  useResolveException,
  type PaymentListItem,
} from '../api/admin.ts';
import type { PaymentStatusView } from '../api/payments.ts';
import { ReceiptLink } from './payment-receipt.tsx';

const TABS: ReadonlyArray<{ value: PaymentListItem['status'] | undefined; label: string }> = [
  { value: undefined, label: 'All' },
  { value: 'PENDING', label: 'Awaiting funds' },
  { value: 'AUTHORIZED', label: 'Held' },
  { value: 'SUCCEEDED', label: 'Paid' },
  { value: 'PARTIALLY_REFUNDED', label: 'Partly refunded' },
  { value: 'REFUNDED', label: 'Refunded' },
];

const STATUS_LABEL: Record<PaymentListItem['status'], string> = {
  PENDING: 'Pending',
  REQUIRES_ACTION: 'Awaiting 3-D Secure',
  AUTHORIZED: 'Held',
  SUCCEEDED: 'Paid',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
  REFUNDED: 'Refunded',
  PARTIALLY_REFUNDED: 'Partly refunded',
};

/** What the reconciler could not repair, and the button that runs it now. */
export function ReconcilerExceptions() {
  const exceptions = usePaymentExceptions();
  const reconcile = useReconcileNow();
  const resolve = useResolveException();
  return (
    <section aria-labelledby="exceptions-heading" className="mb-16">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h2 id="exceptions-heading" className="display text-3xl text-ink">
          For your attention
        </h2>
        <Button size="sm" variant="secondary" loading={reconcile.isPending} onClick={() => reconcile.mutate()}>
          Reconcile now
        </Button>
      </div>
      {reconcile.data && (
        <p role="status" className="mt-4 text-sm text-stone">
          The reconciler settled {reconcile.data.paymentsResolved} payments and {reconcile.data.refundsResolved} refunds
          {reconcile.data.exceptions ? `; ${reconcile.data.exceptions} need a person` : ''}.
        </p>
      )}
      {reconcile.error && <FormAlert problem={toProblem(reconcile.error)} className="mt-4" />}
      {exceptions.isPending ? (
        <ListLoading rows={2} />
      ) : exceptions.isError ? (
        <ListError error={exceptions.error} />
      ) : exceptions.data.exceptions.length === 0 ? (
        <p className="mt-6 border-y border-line py-8 text-center text-stone">
          Nothing is waiting: every payment agrees with the provider and the books balance.
        </p>
      ) : (
        <ul className="mt-6 space-y-4">
          {exceptions.data.exceptions.map((e) => (
            <li key={e.exceptionId} className="border-l-2 border-gold-deep bg-sand px-5 py-4">
              <p className="text-ink">{e.message}</p>
              <p className="mt-1 text-xs text-stone">
                {e.kind.replaceAll('_', ' ')} · {formatDateTime(e.createdAt)}
                {e.occurrences > 1 ? ` · seen ${e.occurrences} times` : ''}
                {e.paymentId ? ` · payment ${e.paymentId}` : ''}
              </p>
              <Button
                size="sm"
                variant="ghost"
                className="mt-3"
                loading={resolve.isPending && resolve.variables === e.exceptionId}
                onClick={() => resolve.mutate(e.exceptionId)}
              >
                Mark as handled
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every payment, by status, each opening onto what the house office can do with it. */
export function AdminPayments() {
  const [params, setParams] = useSearchParams();
  const status = TABS.find((t) => t.value === params.get('status'))?.value;
  const payments = useAdminPayments(status);
  const open = params.get('payment') ?? undefined;
  return (
    <section aria-labelledby="payments-heading">
      <h2 id="payments-heading" className="display text-3xl text-ink">
        Payments
      </h2>
      <nav aria-label="Payment status" className="mt-6 mb-8">
        <ul className="flex flex-wrap gap-x-8 gap-y-3 border-b border-line">
          {TABS.map((t) => (
            <li key={t.label}>
              <Link
                to={t.value ? `?status=${t.value}` : '?'}
                aria-current={t.value === status ? 'page' : undefined}
                className={cn(
                  'eyebrow -mb-px block border-b py-3',
                  t.value === status ? 'border-ink text-ink' : 'border-transparent text-ink-soft hover:text-ink',
                )}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {open && <PaymentDetail paymentId={open} onClose={() => setParams((p) => (p.delete('payment'), p))} />}
      {payments.isPending ? (
        <ListLoading rows={4} />
      ) : payments.isError ? (
        <ListError error={payments.error} />
      ) : payments.data.payments.length === 0 ? (
        <p className="border-y border-line py-10 text-center text-stone">No payment here yet.</p>
      ) : (
        <Table caption="Payments">
          <thead>
            <tr>
              <Th>Created</Th>
              <Th>Method</Th>
              <Th>Amount</Th>
              <Th>Received / refunded</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Open</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {payments.data.payments.map((p) => (
              <Tr key={p.paymentId}>
                <Td>{formatDateTime(p.createdAt)}</Td>
                <Td>
                  {p.method || p.provider}
                  {p.bankReference && <span className="block font-mono text-xs text-stone">{p.bankReference}</span>}
                </Td>
                <Td className="text-ink">{formatMoney(p.amount)}</Td>
                <Td>
                  {p.provider === 'bank_transfer' ? `${formatMoney(p.received)} received` : `${formatMoney(p.captured)} captured`}
                  {p.refunded.amount > 0 && <span className="block text-xs text-stone">{formatMoney(p.refunded)} refunded</span>}
                </Td>
                <Td>
                  <Badge tone={p.status === 'SUCCEEDED' ? 'ink' : 'gold'}>{STATUS_LABEL[p.status]}</Badge>
                </Td>
                <Td>
                  <Link
                    to={`?${new URLSearchParams({ ...(status ? { status } : {}), payment: p.paymentId })}`}
                    className="eyebrow border-b border-ink/40 text-ink hover:border-ink"
                  >
                    Open
                  </Link>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

/** "Payment receipt (PDF)", "Refund receipt, €40.00 (PDF)". */
function receiptLabel(p: PaymentStatusView, r: PaymentStatusView['receipts'][number]): string {
  if (r.kind === 'payment') return 'Payment receipt (PDF)';
  const refund = p.refunds.find((x) => x.refundId === r.id);
  return refund ? `Refund receipt, ${formatMoney(refund.amount)} (PDF)` : 'Refund receipt (PDF)';
}

function PaymentDetail({ paymentId, onClose }: { paymentId: string; onClose: () => void }) {
  const payment = useAdminPayment(paymentId);
  const decide = useDecideRefund();
  if (payment.isPending) return <ListLoading rows={2} />;
  if (payment.isError) return <ListError error={payment.error} />;
  const p = payment.data;
  const refundable = Math.round((p.captured.amount - p.refunded.amount) * 1000) / 1000;
  return (
    <article aria-label="Payment" className="mb-12 border border-line bg-ivory p-6 md:p-10">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="eyebrow text-gold-deep">{p.method}</p>
          <h3 className="display mt-2 text-3xl text-ink">{formatMoney(p.amount)}</h3>
          <p className="mt-2 text-sm text-stone">
            {STATUS_LABEL[p.status]} · order {p.orderId} · payment {p.paymentId}
          </p>
          {p.receipts.length > 0 && (
            <div className="mt-2 flex flex-wrap gap-x-6">
              {p.receipts.map((r) => (
                <ReceiptLink
                  key={r.id}
                  url={r.url}
                  fetchedAt={payment.dataUpdatedAt}
                  refresh={async () => (await payment.refetch()).data?.receipts.find((x) => x.id === r.id)?.url}
                  label={receiptLabel(p, r)}
                />
              ))}
            </div>
          )}
        </div>
        <Button size="sm" variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
      {p.refunds.length > 0 && (
        <ul className="mt-8 divide-y divide-line border-y border-line">
          {p.refunds.map((r) => (
            <li key={r.refundId} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
              <span className="text-ink">
                {formatMoney(r.amount)} refund · {r.status.replaceAll('_', ' ').toLowerCase()}
                {r.reason && <span className="block text-stone">{r.reason}</span>}
              </span>
              {r.status === 'AWAITING_APPROVAL' && (
                <span className="flex gap-2">
                  <Button
                    size="sm"
                    loading={decide.isPending && decide.variables?.refundId === r.refundId && decide.variables.approve}
                    onClick={() => decide.mutate({ refundId: r.refundId, approve: true })}
                  >
                    Approve
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ refundId: r.refundId, approve: false })}
                  >
                    Reject
                  </Button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {decide.error && <FormAlert problem={toProblem(decide.error)} className="mt-4" />}
      <div className="mt-8 grid gap-10 md:grid-cols-2">
        {p.provider === 'bank_transfer' && p.status === 'PENDING' && (
          <BankReceiptForm paymentId={p.paymentId} currency={p.amount.currency} received={p.received} />
        )}
        {refundable > 0 && <RefundForm paymentId={p.paymentId} currency={p.amount.currency} refundable={refundable} />}
      </div>
    </article>
  );
}

function BankReceiptForm({ paymentId, currency, received }: { paymentId: string; currency: string; received: MoneyDto | undefined }) {
  const record = useRecordBankReceipt();
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const problem = record.error ? toProblem(record.error) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ paymentId, amount: { amount: Number(amount), currency }, note }, { onSuccess: () => (setAmount(''), setNote('')) });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <h4 className="eyebrow text-ink">Record a bank transfer</h4>
      {received && <p className="text-sm text-stone">{formatMoney(received)} received so far.</p>}
      <FormAlert problem={problem} fields={['amount.amount', 'amount.currency', 'note']} />
      <Field label={`Amount arrived (${currency})`} error={problem?.field('amount.amount')}>
        {(f) => <Input {...f} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
      </Field>
      <Field label="Bank's note" error={problem?.field('note')}>
        {(f) => <Input {...f} value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. SWIFT MT103 ref." />}
      </Field>
      <Button type="submit" size="sm" loading={record.isPending}>
        Record receipt
      </Button>
    </form>
  );
}

function RefundForm({ paymentId, currency, refundable }: { paymentId: string; currency: string; refundable: number }) {
  const refund = useRefund();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const problem = refund.error ? toProblem(refund.error) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    refund.mutate({ paymentId, amount: { amount: Number(amount), currency }, reason }, { onSuccess: () => (setAmount(''), setReason('')) });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <h4 className="eyebrow text-ink">Refund</h4>
      <p className="text-sm text-stone">
        Up to {formatMoney({ amount: refundable, currency })}. Above the threshold, a second admin approves.
      </p>
      {refund.data && (
        <Notice>
          {refund.data.approvalRequired
            ? 'Asked: a second admin must approve this refund.'
            : refund.data.status === 'SUCCEEDED'
              ? 'Refunded.'
              : `Refund ${refund.data.status.toLowerCase()}.`}
        </Notice>
      )}
      <FormAlert problem={problem} fields={['amount.amount', 'amount.currency', 'reason']} />
      <Field label={`Amount (${currency})`} error={problem?.field('amount.amount') ?? problem?.field('amount.currency')}>
        {(f) => <Input {...f} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
      </Field>
      <Field label="Reason" error={problem?.field('reason')}>
        {(f) => <Input {...f} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. One piece returned" />}
      </Field>
      <Button type="submit" size="sm" loading={refund.isPending}>
        Refund
      </Button>
    </form>
  );
}
