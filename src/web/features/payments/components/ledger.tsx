import { useState, type FormEvent } from 'react';
import { formatMoney, type MoneyDto } from '../../../../shared/money.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { FormAlert, Notice } from '../../../components/ui/form-alert.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { ListError, ListLoading } from '../../../components/ui/list-state.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { toProblem } from '../../../lib/api/problem.ts';
import { formatDateTime } from '../../account/format.ts';
import { Table, Td, Th, Tr } from '../../admin/components/table.tsx';
import { useMyStatement, useRecordPayout, useTrialBalance, type Statement } from '../api/admin.ts';

/** A signed amount: credits and reversals show with a minus. */
function signed(m: MoneyDto): string {
  return m.amount < 0 ? `− ${formatMoney({ amount: -m.amount, currency: m.currency })}` : formatMoney(m);
}

/** Every ledger account, its debits, credits and net; each currency's total nets to zero. */
export function TrialBalanceTable() {
  const tb = useTrialBalance();
  if (tb.isPending) return <ListLoading rows={6} />;
  if (tb.isError) return <ListError error={tb.error} />;
  if (tb.data.accounts.length === 0) return <p className="border-y border-line py-10 text-center text-stone">No money has moved yet.</p>;
  return (
    <div className="space-y-8">
      <ul className="flex flex-wrap gap-4">
        {tb.data.totals.map((t) => (
          <li key={t.currency} className="border border-line bg-ivory px-5 py-4">
            <p className="eyebrow text-stone">{t.currency}</p>
            <p className="mt-1 text-ink">
              {formatMoney(t.debit)} debits · {formatMoney(t.credit)} credits
            </p>
            <p className={t.net.amount === 0 ? 'mt-1 text-sm text-gold-deep' : 'mt-1 text-sm text-danger'}>
              {t.net.amount === 0 ? 'Balanced' : `Off by ${signed(t.net)}`}
            </p>
          </li>
        ))}
      </ul>
      <Table caption="Trial balance">
        <thead>
          <tr>
            <Th>Account</Th>
            <Th>Owner</Th>
            <Th className="text-right">Debit</Th>
            <Th className="text-right">Credit</Th>
            <Th className="text-right">Net</Th>
          </tr>
        </thead>
        <tbody>
          {tb.data.accounts.map((a) => (
            <Tr key={`${a.accountId}-${a.net.currency}`}>
              <Td className="text-ink">{a.name}</Td>
              <Td className="font-mono text-xs">{a.ownerId ?? '—'}</Td>
              <Td className="text-right">{formatMoney(a.debit)}</Td>
              <Td className="text-right">{formatMoney(a.credit)}</Td>
              <Td className="text-right text-ink">{signed(a.net)}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

/** Records money paid out to a stylist or a house; refused above what the ledger says is owed. */
export function PayoutForm() {
  const payout = useRecordPayout();
  const [form, setForm] = useState({
    ownerKind: 'stylist' as 'stylist' | 'house',
    ownerId: '',
    amount: '',
    currency: 'EUR',
    reference: '',
  });
  const problem = payout.error ? toProblem(payout.error) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    payout.mutate({
      ownerKind: form.ownerKind,
      ownerId: form.ownerId.trim(),
      amount: { amount: Number(form.amount), currency: form.currency },
      reference: form.reference,
    });
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-2xl space-y-6">
      {payout.data && (
        <Notice>{payout.data.recorded ? 'Payout recorded.' : 'This reference was recorded before; nothing was added.'}</Notice>
      )}
      <FormAlert problem={problem} fields={['ownerId', 'amount.amount', 'amount.currency', 'reference']} />
      <div className="grid gap-6 sm:grid-cols-2">
        <Field label="Paid to">
          {(f) => (
            <Select {...f} value={form.ownerKind} onChange={(e) => setForm({ ...form, ownerKind: e.target.value as 'stylist' | 'house' })}>
              <option value="stylist">A stylist</option>
              <option value="house">A partner house</option>
            </Select>
          )}
        </Field>
        <Field label="Stylist or house id" error={problem?.field('ownerId')}>
          {(f) => <Input {...f} value={form.ownerId} onChange={(e) => setForm({ ...form, ownerId: e.target.value })} />}
        </Field>
        <Field label="Amount" error={problem?.field('amount.amount')}>
          {(f) => <Input {...f} inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} />}
        </Field>
        <Field label="Currency" error={problem?.field('amount.currency')}>
          {(f) => (
            <Input
              {...f}
              maxLength={3}
              value={form.currency}
              onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })}
            />
          )}
        </Field>
        <Field label="Transfer reference" error={problem?.field('reference')} className="sm:col-span-2">
          {(f) => <Input {...f} value={form.reference} onChange={(e) => setForm({ ...form, reference: e.target.value })} />}
        </Field>
      </div>
      <Button type="submit" loading={payout.isPending}>
        Record payout
      </Button>
    </form>
  );
}

const KIND_LABEL: Record<string, string> = { sale: 'Earned', refund: 'Reversed (refund)', payout: 'Paid out' };

/** A stylist's or a partner house's monthly statement: opening, earned, reversed, paid out, closing, and every line. */
export function MyStatement() {
  const [month, setMonth] = useState(() => new Date().toISOString().slice(0, 7));
  const statement = useMyStatement(month);
  return (
    <div className="space-y-8">
      <Field label="Month" className="max-w-xs">
        {(f) => <Input {...f} type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />}
      </Field>
      {statement.isPending ? (
        <ListLoading rows={4} />
      ) : statement.isError ? (
        <ListError error={statement.error} />
      ) : (
        <StatementView statement={statement.data} />
      )}
    </div>
  );
}

function StatementView({ statement }: { statement: Statement }) {
  if (statement.currencies.length === 0)
    return <p className="border-y border-line py-10 text-center text-stone">Nothing was earned or paid out this month.</p>;
  return (
    <div className="space-y-10">
      {statement.currencies.map((c) => (
        <dl key={c.currency} className="grid grid-cols-2 gap-x-8 gap-y-4 border-y border-line py-6 sm:grid-cols-5">
          {(
            [
              ['Opening', c.opening],
              ['Earned', c.earned],
              ['Reversed', c.reversed],
              ['Paid out', c.paidOut],
              ['Closing', c.closing],
            ] as const
          ).map(([label, value]) => (
            <div key={label}>
              <dt className="eyebrow text-stone">{label}</dt>
              <dd className="mt-1 font-display text-2xl text-ink">{signed(value)}</dd>
            </div>
          ))}
        </dl>
      ))}
      {statement.lines.length > 0 && (
        <Table caption="Statement lines">
          <thead>
            <tr>
              <Th>Date</Th>
              <Th>Movement</Th>
              <Th>Reference</Th>
              <Th className="text-right">Amount</Th>
            </tr>
          </thead>
          <tbody>
            {statement.lines.map((l) => (
              <Tr key={`${l.reference}-${l.at}-${l.kind}`}>
                <Td>{formatDateTime(l.at)}</Td>
                <Td className="text-ink">{KIND_LABEL[l.kind] ?? l.memo}</Td>
                <Td className="font-mono text-xs">{l.reference}</Td>
                <Td className="text-right text-ink">{signed(l.amount)}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
