import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { formatMoney, type MoneyDto } from '../../../shared/money.ts';
import { Button } from '../../components/ui/button.tsx';
import { Field } from '../../components/ui/field.tsx';
import { FormAlert, Notice } from '../../components/ui/form-alert.tsx';
import { Input } from '../../components/ui/input.tsx';
import { ListError, ListLoading } from '../../components/ui/list-state.tsx';
import { ApiProblem, toProblem } from '../../lib/api/problem.ts';
import { cn } from '../../lib/cn.ts';
import {
  useCompletePaymentAction,
  usePaymentConfig,
  useProcessPayment,
  useSandboxCard,
  type NextAction,
  type PaymentConfig,
  type ProcessPaymentOutput,
} from './api/payments.ts';

export type PaymentStepProps = {
  orderId: string;
  orderNumber: string;
  amountDue: MoneyDto;
  requiresApproval: boolean;
  /** The payment's status once the client has done their part (SUCCEEDED, AUTHORIZED for a held high-value order, PENDING for a bank transfer). */
  onDone: (status: ProcessPaymentOutput['status']) => void;
};

type Method = 'card' | 'bank_transfer';

/**
 * The payment step of the checkout: a card (the sandbox's form with Stripe's test cards, or Stripe's own Payment
 * Element when Stripe is configured) or a bank transfer with its instructions. A card that asks for 3-D Secure takes
 * the client to the authentication page and back.
 */
export function PaymentStep(props: PaymentStepProps) {
  const config = usePaymentConfig();
  const [method, setMethod] = useState<Method>('card');
  if (config.isPending) return <ListLoading rows={2} />;
  if (config.isError) return <ListError error={config.error} />;
  return (
    <section aria-labelledby="payment-heading" className="space-y-8">
      <header>
        <p className="eyebrow text-gold-deep">Payment</p>
        <h2 id="payment-heading" className="display mt-3 text-3xl text-ink sm:text-4xl">
          {formatMoney(props.amountDue)} <span className="text-lg text-stone">for order {props.orderNumber}</span>
        </h2>
        {props.requiresApproval && (
          <p className="mt-4 max-w-xl text-sm leading-relaxed text-ink-soft">
            An order of this value is reviewed personally by our house office. Your card is only held when you confirm; nothing is taken
            until the order is approved.
          </p>
        )}
      </header>
      <fieldset>
        <legend className="eyebrow mb-4 text-ink-soft">How would you like to pay?</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {(
            [
              ['card', 'Card', 'Visa, Mastercard, American Express'],
              ['bank_transfer', 'Bank transfer', 'For larger amounts; in one or several wires'],
            ] as const
          ).map(([value, label, hint]) => (
            <label
              key={value}
              className={cn(
                'flex cursor-pointer items-start gap-3 border p-5 transition-colors duration-300',
                method === value ? 'border-ink bg-ivory' : 'border-line hover:border-stone',
              )}
            >
              <input
                type="radio"
                name="payment-method"
                value={value}
                checked={method === value}
                onChange={() => setMethod(value)}
                className="mt-1 size-4 accent-ink"
              />
              <span>
                <span className="block font-display text-xl text-ink">{label}</span>
                <span className="block text-sm text-stone">{hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {method === 'card' ? (
        <CardPayment {...props} config={config.data} onNeedsBankTransfer={() => setMethod('bank_transfer')} />
      ) : (
        <BankTransfer {...props} />
      )}
    </section>
  );
}

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Where a payment that needs the client goes next; false when nothing is left to do. */
function followNextAction(next: NextAction | undefined, navigate: (to: string) => void): boolean {
  if (next?.type === 'redirect') {
    const url = new URL(next.url, window.location.origin);
    navigate(`${url.pathname}${url.search}`);
    return true;
  }
  return false;
}

function CardPayment({
  orderId,
  amountDue,
  onDone,
  config,
  onNeedsBankTransfer,
}: PaymentStepProps & { config: PaymentConfig; onNeedsBankTransfer: () => void }) {
  const tokenize = useSandboxCard();
  const pay = useProcessPayment();
  const navigate = useNavigate();
  const [card, setCard] = useState({ number: '', expiry: '', cvc: '' });
  const [localError, setLocalError] = useState<string | null>(null);
  // One key per attempt: a double click or a retry of the same attempt gets the same answer.
  const attempt = useRef<string | null>(null);
  const problem = tokenize.error ? toProblem(tokenize.error) : pay.error ? toProblem(pay.error) : null;
  const tooLarge = problem?.field('paymentMethodId') && /bank transfer/i.test(problem.field('paymentMethodId') ?? '');

  if (config.provider !== 'sandbox') {
    return (
      <Notice title="Card payments are being prepared">
        Stripe is configured for this house, but its card form is not available on this page yet. Please choose a bank transfer.
      </Notice>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setLocalError(null);
    const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(card.expiry);
    if (!expiry) return setLocalError('Enter the expiry as MM / YY');
    const year = Number(expiry[2]!.length === 2 ? `20${expiry[2]}` : expiry[2]);
    try {
      const token = await tokenize.mutateAsync({ number: card.number, expMonth: Number(expiry[1]), expYear: year, cvc: card.cvc });
      attempt.current ??= newKey();
      const out = await pay.mutateAsync({ orderId, paymentMethodId: token.paymentMethodId, idempotencyKey: attempt.current });
      attempt.current = null;
      if (!followNextAction(out.nextAction, navigate)) onDone(out.status);
    } catch (error) {
      // A decline is final for this attempt: the next card is a new attempt with a new key.
      if (error instanceof ApiProblem && error.status < 500) attempt.current = null;
    }
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <FormAlert problem={problem} fields={['number', 'expMonth', 'expYear', 'cvc']} />
      {tooLarge && (
        <Button variant="ghost" onClick={onNeedsBankTransfer}>
          Pay by bank transfer instead
        </Button>
      )}
      <div className="grid gap-6 sm:grid-cols-[2fr_1fr_1fr]">
        <Field label="Card number" error={problem?.field('number')}>
          {(p) => (
            <Input
              {...p}
              inputMode="numeric"
              autoComplete="cc-number"
              placeholder="4242 4242 4242 4242"
              value={card.number}
              onChange={(e) => setCard({ ...card, number: e.target.value })}
            />
          )}
        </Field>
        <Field label="Expiry" error={localError ?? problem?.field('expMonth') ?? problem?.field('expYear')}>
          {(p) => (
            <Input
              {...p}
              inputMode="numeric"
              autoComplete="cc-exp"
              placeholder="MM / YY"
              value={card.expiry}
              onChange={(e) => setCard({ ...card, expiry: e.target.value })}
            />
          )}
        </Field>
        <Field label="Security code" error={problem?.field('cvc')}>
          {(p) => (
            <Input
              {...p}
              inputMode="numeric"
              autoComplete="cc-csc"
              placeholder="123"
              value={card.cvc}
              onChange={(e) => setCard({ ...card, cvc: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Button type="submit" size="lg" loading={tokenize.isPending || pay.isPending} className="w-full sm:w-auto">
        Pay {formatMoney(amountDue)}
      </Button>
      <TestCards
        cards={config.testCards}
        onPick={(number) => setCard({ number: number.replace(/(\d{4})(?=\d)/g, '$1 '), expiry: '12 / 34', cvc: '123' })}
      />
    </form>
  );
}

function TestCards({ cards, onPick }: { cards: PaymentConfig['testCards']; onPick: (number: string) => void }) {
  return (
    <aside aria-labelledby="test-cards" className="border-t border-line pt-6">
      <h3 id="test-cards" className="eyebrow text-ink-soft">
        Sandbox — test cards
      </h3>
      <p className="mt-2 text-sm text-stone">No real card is charged here. Any future expiry and any three-digit code will do.</p>
      <ul className="mt-4 divide-y divide-line border-y border-line">
        {cards.map((c) => (
          <li key={c.number} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <span>
              <span className="font-mono text-sm text-ink">{c.number.replace(/(\d{4})(?=\d)/g, '$1 ')}</span>
              <span className="ml-3 text-sm text-stone">{c.description}</span>
            </span>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => onPick(c.number)}
              aria-label={`Use the test card ending ${c.number.slice(-4)}`}
            >
              Use
            </Button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

function BankTransfer({ orderId, amountDue, onDone }: PaymentStepProps) {
  const pay = useProcessPayment();
  const key = useRef(newKey());
  const next = pay.data?.nextAction;
  if (next?.type === 'bank_transfer') {
    return (
      <div className="space-y-6">
        <Notice title="Your transfer details">
          We have also sent them by email. Your order is confirmed as soon as the full amount has arrived; you may send it in several parts.
        </Notice>
        <dl className="grid gap-x-8 gap-y-4 border-y border-line py-6 sm:grid-cols-2">
          {(
            [
              ['Amount', formatMoney(next.amount)],
              ['Reference', next.reference],
              ['Beneficiary', next.beneficiary],
              ['IBAN', next.iban],
              ['BIC', next.bic],
            ] as const
          ).map(([label, value]) => (
            <div key={label}>
              <dt className="eyebrow text-stone">{label}</dt>
              <dd className={cn('mt-1 text-ink', label === 'Reference' || label === 'IBAN' ? 'font-mono' : 'font-display text-xl')}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-ink-soft">Please write the reference exactly as shown: it is how we recognise your transfer.</p>
        <Button onClick={() => onDone(pay.data!.status)}>Done</Button>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <p className="max-w-xl text-ink-soft">
        We will give you our bank details and a reference unique to this order. {formatMoney(amountDue)} is due; the order is held for you
        while the transfer arrives.
      </p>
      <FormAlert problem={pay.error ? toProblem(pay.error) : null} />
      <Button
        size="lg"
        loading={pay.isPending}
        onClick={() => pay.mutate({ orderId, paymentMethodId: 'bank_transfer', idempotencyKey: key.current })}
      >
        Show the transfer details
      </Button>
    </div>
  );
}

/** The 3-D Secure page of the sandbox: the client confirms (or refuses) the payment as their bank would ask. */
export function SandboxAuthentication({
  paymentId,
  challenge,
  amount,
  onFinished,
}: {
  paymentId: string;
  challenge: string;
  amount: MoneyDto;
  onFinished: (out: ProcessPaymentOutput | null, problem: ApiProblem | null) => void;
}) {
  const complete = useCompletePaymentAction();
  const decide = (approve: boolean) =>
    complete.mutate(
      { paymentId, challenge, approve },
      { onSuccess: (out) => onFinished(out, null), onError: (error) => onFinished(null, toProblem(error)) },
    );
  return (
    <div className="border border-line bg-ivory p-8 sm:p-12">
      <p className="eyebrow text-gold-deep">Your bank — secure verification</p>
      <h1 className="display mt-6 text-4xl text-ink sm:text-5xl">Confirm this payment</h1>
      <p className="mt-6 text-lg text-ink-soft">
        StyleByZaga asks to take <strong className="font-medium text-ink">{formatMoney(amount)}</strong> from your card. This page stands
        for the one your bank shows (3-D Secure) in the sandbox.
      </p>
      <div className="mt-10 flex flex-wrap gap-4">
        <Button
          size="lg"
          loading={complete.isPending && complete.variables?.approve === true}
          disabled={complete.isPending}
          onClick={() => decide(true)}
        >
          Confirm payment
        </Button>
        <Button size="lg" variant="secondary" disabled={complete.isPending} onClick={() => decide(false)}>
          Refuse
        </Button>
      </div>
    </div>
  );
}
