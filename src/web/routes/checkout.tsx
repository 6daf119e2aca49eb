import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Route } from './+types/checkout';
import { Button, ButtonLink } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { Field } from '../components/ui/field.tsx';
import { FormAlert, Notice } from '../components/ui/form-alert.tsx';
import { Input } from '../components/ui/input.tsx';
import { Select } from '../components/ui/select.tsx';
import { Textarea } from '../components/ui/textarea.tsx';
import { COUNTRY_CODES, countryName } from '../features/account/countries.ts';
import { RequireAuth } from '../features/auth/require-auth.tsx';
import { useSignedInUser } from '../features/auth/session.tsx';
import { bag, useBag } from '../features/catalog/bag/bag-store.ts';
import {
  useAddresses,
  usePlaceOrder,
  useQuote,
  useStepUp,
  type DeliveryOption,
  type OrderAddress,
  type Quote,
} from '../features/orders/api.ts';
import { DELIVERY_LABELS, DELIVERY_OPTIONS, money, SETTLEMENT_CURRENCIES } from '../features/orders/present.ts';
import { problemMessage, toProblem } from '../lib/api/problem.ts';
import { cn } from '../lib/cn.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Checkout', description: 'Complete your order at StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

type Step = 'address' | 'delivery' | 'review';
const STEPS: Array<{ id: Step; label: string }> = [
  { id: 'address', label: 'Address' },
  { id: 'delivery', label: 'Delivery' },
  { id: 'review', label: 'Review & pay' },
];

const EMPTY_ADDRESS: OrderAddress = {
  recipientName: '',
  line1: '',
  line2: '',
  city: '',
  state: '',
  postalCode: '',
  country: 'FR',
  phoneNumber: '',
};

/** Drops empty optional fields: the API refuses an empty phone number but accepts none. */
function cleanAddress(a: OrderAddress): OrderAddress {
  return {
    line1: a.line1.trim(),
    city: a.city.trim(),
    state: a.state.trim(),
    postalCode: a.postalCode.trim(),
    country: a.country,
    ...(a.recipientName?.trim() ? { recipientName: a.recipientName.trim() } : {}),
    ...(a.line2?.trim() ? { line2: a.line2.trim() } : {}),
    ...(a.phoneNumber?.trim() ? { phoneNumber: a.phoneNumber.trim() } : {}),
  };
}

export default function CheckoutRoute() {
  return (
    <RequireAuth>
      <Checkout />
    </RequireAuth>
  );
}

/** Checkout in three calm steps: where, how, and a last look with every figure before the order is placed. */
function Checkout() {
  const user = useSignedInUser();
  const items = useBag();
  const [step, setStep] = useState<Step>('address');
  const [savedId, setSavedId] = useState<string | 'new' | null>(null);
  const [address, setAddress] = useState<OrderAddress>({ ...EMPTY_ADDRESS, recipientName: `${user.firstName} ${user.lastName}`.trim() });
  const [saveAddress, setSaveAddress] = useState(true);
  const [delivery, setDelivery] = useState<DeliveryOption>('INSURED_COURIER');
  const [note, setNote] = useState('');
  const [currency, setCurrency] = useState<(typeof SETTLEMENT_CURRENCIES)[number]>('EUR');
  const [quote, setQuote] = useState<Quote | null>(null);
  const [pricesChanged, setPricesChanged] = useState(false);
  const addresses = useAddresses(user.userType === 'CLIENT');
  const saved = addresses.data?.addresses ?? [];
  const chosenSaved = savedId && savedId !== 'new' ? saved.find((a) => a.addressId === savedId) : undefined;
  const useSaved = chosenSaved !== undefined || (savedId === null && saved.length > 0);
  const shipping = chosenSaved?.address ?? (savedId === null && saved[0] ? saved[0].address : cleanAddress(address));
  const lines = useMemo(
    () => items.map((i) => ({ productId: i.productId, ...(i.variantId ? { variantId: i.variantId } : {}), quantity: i.quantity })),
    [items],
  );
  const quoteMutation = useQuote();
  const place = usePlaceOrder();
  const stepUp = useStepUp();
  const [attemptKey, setAttemptKey] = useState(() => crypto.randomUUID());
  const [code, setCode] = useState('');
  const navigate = useNavigate();

  if (user.userType !== 'CLIENT') {
    return (
      <Container width="narrow" className="py-24 text-center">
        <h1 className="display text-4xl text-ink">Checkout is for client accounts</h1>
        <p className="mt-6 text-ink-soft">The house office and stylists place orders through a client’s own account.</p>
      </Container>
    );
  }
  if (items.length === 0) {
    return (
      <Container width="narrow" className="py-24 text-center">
        <p className="eyebrow text-gold-deep">Checkout</p>
        <h1 className="display mt-5 text-4xl text-ink">Your bag is empty</h1>
        <p className="mx-auto mt-6 max-w-md leading-relaxed text-ink-soft">Choose a piece in the boutique and it will wait for you here.</p>
        <ButtonLink to="/shop" variant="secondary" className="mt-10">
          Visit the boutique
        </ButtonLink>
      </Container>
    );
  }

  const requestQuote = async () => {
    const answer = await quoteMutation.mutateAsync({
      items: lines,
      shippingAddress: shipping,
      deliveryOption: delivery,
      currency,
      ...(note.trim() ? { deliveryNote: note.trim() } : {}),
    });
    setQuote(answer);
    return answer;
  };

  const toDelivery = (e: FormEvent) => {
    e.preventDefault();
    setStep('delivery');
  };
  const toReview = async (e: FormEvent) => {
    e.preventDefault();
    setPricesChanged(false);
    try {
      await requestQuote();
      setStep('review');
    } catch {
      // Shown by the form alert below.
    }
  };

  const placeOrder = async () => {
    if (!quote) return;
    try {
      const answer = await place.mutateAsync({
        idempotencyKey: attemptKey,
        body: {
          clientId: user.userId,
          // The prices the client saw: if the house changed one meanwhile, the answer is 409 and the review shows the new ones.
          items: lines.map((l, i) => ({ ...l, unitPrice: quote.items[i]!.unitPrice })),
          ...(useSaved && (chosenSaved ?? saved[0])
            ? { shippingAddressId: (chosenSaved ?? saved[0])!.addressId }
            : { shippingAddress: shipping, saveShippingAddress: saveAddress }),
          deliveryOption: delivery,
          currency,
          ...(note.trim() ? { deliveryNote: note.trim() } : {}),
        },
      });
      bag.clear();
      void navigate(`/checkout/placed/${answer.orderId}`, { replace: true });
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status === 409 && Object.keys(problem.fieldErrors).some((k) => k.endsWith('.unitPrice'))) {
        setPricesChanged(true);
        setAttemptKey(crypto.randomUUID());
        await requestQuote().catch(() => undefined);
      } else if (problem.reason !== 'MFA_STEP_UP_REQUIRED') {
        // Another attempt is another order: a fresh key.
        setAttemptKey(crypto.randomUUID());
      }
    }
  };

  const confirmStepUp = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await stepUp.mutateAsync(code.trim());
      setCode('');
      setAttemptKey(crypto.randomUUID());
      place.reset();
    } catch {
      // Shown below.
    }
  };

  const placeProblem = place.error ? toProblem(place.error) : null;
  // The quote says beforehand what a high-value order asks of the second factor; a refusal at placing (the ten minutes
  // ran out on this page) asks the same.
  const needsStepUp =
    (placeProblem?.reason === 'MFA_STEP_UP_REQUIRED' || (!placeProblem && quote?.secondFactor === 'STEP_UP_REQUIRED')) && !stepUp.isSuccess;
  const needsEnrolment = placeProblem?.reason === 'MFA_ENROLLMENT_REQUIRED' || quote?.secondFactor === 'ENROLLMENT_REQUIRED';
  const current = STEPS.findIndex((s) => s.id === step);

  return (
    <Container className="py-16 sm:py-20">
      <p className="eyebrow text-gold-deep">Checkout</p>
      <h1 className="display mt-5 text-4xl text-ink sm:text-5xl">Complete your order</h1>
      <ol className="mt-10 flex flex-wrap gap-x-10 gap-y-3 border-b border-line pb-5" aria-label="Checkout steps">
        {STEPS.map((s, i) => (
          <li
            key={s.id}
            aria-current={s.id === step ? 'step' : undefined}
            className={cn('eyebrow flex items-center gap-3', i === current ? 'text-ink' : i < current ? 'text-ink-soft' : 'text-stone')}
          >
            <span
              className={cn(
                'inline-flex size-6 items-center justify-center rounded-full border text-[0.625rem]',
                i <= current ? 'border-ink' : 'border-line',
              )}
            >
              {i + 1}
            </span>
            {i < current ? (
              <button type="button" className="eyebrow underline-offset-4 hover:underline" onClick={() => setStep(s.id)}>
                {s.label}
              </button>
            ) : (
              s.label
            )}
          </li>
        ))}
      </ol>

      <div className="mt-12 grid gap-14 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div>
          {step === 'address' && (
            <form onSubmit={toDelivery} className="space-y-8" aria-labelledby="address-title">
              <h2 id="address-title" className="display text-3xl text-ink">
                Where shall we deliver?
              </h2>
              {/* The saved addresses first: a form shown while they load would vanish under the client's typing when they arrive. */}
              {addresses.isLoading && (
                <p role="status" className="text-sm text-stone">
                  Finding your saved addresses…
                </p>
              )}
              {saved.length > 0 && (
                <fieldset className="space-y-3">
                  <legend className="eyebrow mb-3 text-stone">Your addresses</legend>
                  {saved.map((a, i) => (
                    <label
                      key={a.addressId}
                      className={cn(
                        'flex cursor-pointer gap-4 border px-5 py-4',
                        (savedId ?? saved[0]!.addressId) === a.addressId ? 'border-ink' : 'border-line',
                      )}
                    >
                      <input
                        type="radio"
                        name="address"
                        className="mt-1 accent-ink"
                        checked={savedId === a.addressId || (savedId === null && i === 0)}
                        onChange={() => setSavedId(a.addressId)}
                      />
                      <span>
                        <span className="block text-ink">{a.label}</span>
                        <span className="block text-sm text-ink-soft">
                          {[a.address.recipientName, a.address.line1, a.address.city, countryName(a.address.country)]
                            .filter(Boolean)
                            .join(', ')}
                        </span>
                      </span>
                    </label>
                  ))}
                  <label className={cn('flex cursor-pointer gap-4 border px-5 py-4', savedId === 'new' ? 'border-ink' : 'border-line')}>
                    <input
                      type="radio"
                      name="address"
                      className="mt-1 accent-ink"
                      checked={savedId === 'new'}
                      onChange={() => setSavedId('new')}
                    />
                    <span className="text-ink">A new address</span>
                  </label>
                </fieldset>
              )}
              {!useSaved && !addresses.isLoading && (
                <AddressForm value={address} onChange={setAddress} save={saveAddress} onSave={setSaveAddress} />
              )}
              <Button type="submit" disabled={addresses.isLoading}>
                Continue to delivery
              </Button>
            </form>
          )}

          {step === 'delivery' && (
            <form onSubmit={(e) => void toReview(e)} className="space-y-8" aria-labelledby="delivery-title">
              <h2 id="delivery-title" className="display text-3xl text-ink">
                How would you like to receive it?
              </h2>
              <fieldset className="space-y-3">
                <legend className="sr-only">Delivery</legend>
                {DELIVERY_OPTIONS.map((option) => (
                  <label
                    key={option}
                    className={cn('flex cursor-pointer gap-4 border px-5 py-4', delivery === option ? 'border-ink' : 'border-line')}
                  >
                    <input
                      type="radio"
                      name="delivery"
                      className="mt-1 accent-ink"
                      checked={delivery === option}
                      onChange={() => setDelivery(option)}
                    />
                    <span>
                      <span className="block text-ink">{DELIVERY_LABELS[option]!.title}</span>
                      <span className="block text-sm text-ink-soft">{DELIVERY_LABELS[option]!.detail}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
              <Field
                label={
                  delivery === 'HOTEL_DELIVERY'
                    ? 'Hotel, arrival date and the name the booking is under'
                    : 'A note for the house (optional)'
                }
              >
                {(p) => (
                  <Textarea
                    {...p}
                    rows={3}
                    value={note}
                    maxLength={500}
                    onChange={(e) => setNote(e.target.value)}
                    required={delivery === 'HOTEL_DELIVERY'}
                  />
                )}
              </Field>
              <Field label="Currency" hint="Prices are converted at today’s rate, held for 30 minutes.">
                {(p) => (
                  <Select {...p} value={currency} onChange={(e) => setCurrency(e.target.value as typeof currency)}>
                    {SETTLEMENT_CURRENCIES.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <FormAlert problem={quoteMutation.error ? toProblem(quoteMutation.error) : null} />
              <Button type="submit" loading={quoteMutation.isPending}>
                Review your order
              </Button>
            </form>
          )}

          {step === 'review' && quote && (
            <section aria-labelledby="review-title" className="space-y-8">
              <h2 id="review-title" className="display text-3xl text-ink">
                A last look
              </h2>
              {pricesChanged && (
                <Notice title="A price has changed">
                  <p>The house updated the price of a piece since you added it. The figures below are today’s; please confirm again.</p>
                </Notice>
              )}
              <dl className="grid gap-6 sm:grid-cols-2">
                <div>
                  <dt className="eyebrow text-stone">Delivering to</dt>
                  <dd className="mt-2 text-ink">
                    {[
                      shipping.recipientName,
                      shipping.line1,
                      shipping.line2,
                      `${shipping.postalCode} ${shipping.city}`.trim(),
                      countryName(shipping.country),
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </dd>
                </div>
                <div>
                  <dt className="eyebrow text-stone">Delivery</dt>
                  <dd className="mt-2 text-ink">{DELIVERY_LABELS[delivery]!.title}</dd>
                </div>
              </dl>
              {quote.requiresApproval && (
                <Notice title="A personal approval">
                  <p>
                    For an order of this value, your payment is held — not taken — while our house office confirms it with you, usually
                    within a few hours. You will be told by email.
                  </p>
                </Notice>
              )}
              {quote.highValue && !quote.requiresApproval && (
                <Notice title="Confirmed with your second factor" tone="ink">
                  <p>Orders of this value are confirmed with the code from your authenticator app.</p>
                </Notice>
              )}
              {needsStepUp && (
                <form
                  onSubmit={(e) => void confirmStepUp(e)}
                  className="space-y-4 border border-gold px-6 py-6"
                  aria-labelledby="step-up-title"
                >
                  <h3 id="step-up-title" className="display text-2xl text-ink">
                    Confirm it is you
                  </h3>
                  <p className="text-sm leading-relaxed text-ink-soft">
                    Orders of this value are confirmed with the six-digit code from your authenticator app (or a recovery code).
                  </p>
                  <Field label="Authenticator code" error={stepUp.error ? problemMessage(toProblem(stepUp.error)) : undefined}>
                    {(p) => (
                      <Input
                        {...p}
                        inputMode="numeric"
                        autoComplete="one-time-code"
                        value={code}
                        onChange={(e) => setCode(e.target.value)}
                        pattern="[0-9A-Za-z\-]{6,20}"
                        required
                      />
                    )}
                  </Field>
                  <Button type="submit" variant="secondary" loading={stepUp.isPending}>
                    Confirm
                  </Button>
                </form>
              )}
              {needsEnrolment && (
                <Notice title="Two-factor authentication is needed">
                  <p>
                    Orders of this value need a second factor.{' '}
                    <Link to="/account/security" className="underline underline-offset-4">
                      Turn it on in your security settings
                    </Link>
                    , then return to your bag.
                  </p>
                </Notice>
              )}
              {placeProblem && !needsStepUp && !needsEnrolment && !(placeProblem.status === 409 && pricesChanged) && (
                <FormAlert problem={placeProblem} />
              )}
              {stepUp.isSuccess && !place.isPending && !place.isSuccess && (
                <p className="text-sm text-ink-soft">Thank you — you can place the order now.</p>
              )}
              <Button size="lg" loading={place.isPending} onClick={() => void placeOrder()} disabled={needsStepUp || needsEnrolment}>
                Place order · {money(quote.totals.dueNow)}
              </Button>
              <p className="text-sm leading-relaxed text-stone">
                Your pieces are held for you for 30 minutes while you pay on the next page, by card or bank transfer.
              </p>
            </section>
          )}
        </div>

        <aside aria-label="Order summary" className="h-fit border border-line bg-sand/50 px-7 py-7">
          <h2 className="eyebrow text-stone">Your order</h2>
          <ul className="mt-5 divide-y divide-line">
            {items.map((item, i) => {
              const priced = quote?.items[i];
              return (
                <li key={`${item.productId}:${item.variantId ?? ''}`} className="flex gap-4 py-4">
                  <div className="aspect-[4/5] w-14 shrink-0 overflow-hidden bg-veil">
                    {item.image && <img src={item.image.src} alt="" className="h-full w-full object-cover" loading="lazy" />}
                  </div>
                  <div className="min-w-0 flex-1 text-sm">
                    <p className="eyebrow text-[0.625rem] text-stone">{item.brand}</p>
                    <p className="mt-1 text-ink">{item.name}</p>
                    <p className="text-ink-soft">
                      {[item.variantLabel, `× ${item.quantity}`].filter(Boolean).join(' · ')}
                      {priced?.deposit ? ` · deposit ${money(priced.deposit)}` : ''}
                    </p>
                  </div>
                  <p className="text-sm text-ink tabular-nums">
                    {priced
                      ? money(priced.totalPrice)
                      : item.price
                        ? money({ amount: item.price.amount * item.quantity, currency: item.price.currency })
                        : ''}
                  </p>
                </li>
              );
            })}
          </ul>
          {quote ? (
            <dl className="mt-5 space-y-2 border-t border-line pt-5 text-sm">
              <SummaryRow label="Pieces" value={money(quote.totals.items)} />
              <SummaryRow label="Delivery" value={quote.totals.delivery.amount === 0 ? 'Complimentary' : money(quote.totals.delivery)} />
              {quote.totals.duties.amount > 0 && <SummaryRow label="Duties" value={money(quote.totals.duties)} />}
              <SummaryRow label="VAT" value={money(quote.totals.vat)} />
              <div className="flex items-baseline justify-between border-t border-line pt-3">
                <dt className="eyebrow text-stone">Total</dt>
                <dd className="font-display text-2xl text-ink tabular-nums">{money(quote.totals.total)}</dd>
              </div>
              {quote.totals.dueNow.amount !== quote.totals.total.amount && (
                <SummaryRow label="Due today (deposits)" value={money(quote.totals.dueNow)} />
              )}
            </dl>
          ) : (
            <p className="mt-5 border-t border-line pt-5 text-sm text-ink-soft">
              Delivery, duties and taxes appear once we know where your pieces are going.
            </p>
          )}
        </aside>
      </div>
    </Container>
  );
}

function SummaryRow({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex items-baseline justify-between gap-4">
      <dt className="text-ink-soft">{label}</dt>
      <dd className="text-ink tabular-nums">{value}</dd>
    </div>
  );
}

function AddressForm({
  value,
  onChange,
  save,
  onSave,
}: {
  value: OrderAddress;
  onChange: (a: OrderAddress) => void;
  save: boolean;
  onSave: (v: boolean) => void;
}) {
  const set = (key: keyof OrderAddress) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field label="Recipient" className="sm:col-span-2">
        {(p) => <Input {...p} autoComplete="name" value={value.recipientName ?? ''} onChange={set('recipientName')} maxLength={120} />}
      </Field>
      <Field label="Address" className="sm:col-span-2">
        {(p) => <Input {...p} autoComplete="address-line1" value={value.line1} onChange={set('line1')} required maxLength={200} />}
      </Field>
      <Field label="Apartment, suite, hotel (optional)" className="sm:col-span-2">
        {(p) => <Input {...p} autoComplete="address-line2" value={value.line2 ?? ''} onChange={set('line2')} maxLength={200} />}
      </Field>
      <Field label="City">
        {(p) => <Input {...p} autoComplete="address-level2" value={value.city} onChange={set('city')} required maxLength={100} />}
      </Field>
      <Field label="Postal code">
        {(p) => <Input {...p} autoComplete="postal-code" value={value.postalCode} onChange={set('postalCode')} maxLength={20} />}
      </Field>
      <Field label="State or region (optional)">
        {(p) => <Input {...p} autoComplete="address-level1" value={value.state} onChange={set('state')} maxLength={100} />}
      </Field>
      <Field label="Country">
        {(p) => (
          <Select {...p} autoComplete="country" value={value.country} onChange={set('country')}>
            {COUNTRY_CODES.map((c) => (
              <option key={c} value={c}>
                {countryName(c)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Telephone for the courier (optional)" className="sm:col-span-2">
        {(p) => <Input {...p} type="tel" autoComplete="tel" value={value.phoneNumber ?? ''} onChange={set('phoneNumber')} maxLength={24} />}
      </Field>
      <label className="flex items-center gap-3 text-sm text-ink-soft sm:col-span-2">
        <input type="checkbox" className="accent-ink" checked={save} onChange={(e) => onSave(e.target.checked)} />
        Keep this address in my account
      </label>
    </div>
  );
}
