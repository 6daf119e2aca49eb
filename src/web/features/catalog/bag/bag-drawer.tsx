import * as RadixDialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useHydrated } from '../../../lib/use-hydrated.ts';
import { problemMessage, toProblem } from '../../../lib/api/problem.ts';
import { signInPath } from '../../auth/next-path.ts';
import { useSessionState } from '../../auth/session.tsx';
import { useRequestBag } from '../api/inquiries.ts';
import { formatPrice } from '../components/price.tsx';
import { bag, bagLineKey, BAG_MAX_QUANTITY, useBag, type BagItem } from './bag-store.ts';

/** Sums per currency: a bag may hold pieces priced in euros and in pounds, which are never added together. */
function totals(items: readonly BagItem[]): string[] {
  const sums = new Map<string, number>();
  for (const item of items) {
    if (!item.price) continue;
    sums.set(item.price.currency, (sums.get(item.price.currency) ?? 0) + item.price.amount * item.quantity);
  }
  return [...sums].map(([currency, amount]) => formatPrice({ currency, amount: Math.round(amount * 1000) / 1000 }));
}

/**
 * The bag in the header and the sheet it opens: checkout for a signed-in client, or every piece sent to the house as
 * a request (one enquiry each) for pieces a client adviser should confirm in person.
 */
export function BagButton() {
  const items = useBag();
  const hydrated = useHydrated();
  const count = items.reduce((n, i) => n + i.quantity, 0);
  const [open, setOpen] = useState(false);
  const { dismissAll } = useToast();
  return (
    <RadixDialog.Root
      open={open}
      onOpenChange={(next) => {
        // "Added to your bag" has done its work once the bag is open; left up, it would cover the bag's main button.
        if (next) dismissAll();
        setOpen(next);
      }}
    >
      <RadixDialog.Trigger className="eyebrow inline-flex items-center gap-2 whitespace-nowrap text-ink transition-colors sm:border-b sm:border-ink/30 sm:pb-1 sm:hover:border-ink">
        {/* A phone shows the bag as a small mark; the word is still its name. */}
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 sm:hidden" fill="none" stroke="currentColor" strokeWidth="1.3">
          <path d="M4 7h12l-1 10H5L4 7Z" />
          <path d="M7.5 7V5.5a2.5 2.5 0 0 1 5 0V7" />
        </svg>
        <span className="max-sm:sr-only">Bag</span>
        {/* The count is known only in the browser (the bag lives in this browser's storage). */}
        {hydrated && (
          <span className="text-stone tabular-nums">
            {count}
            <span className="sr-only"> {count === 1 ? 'piece' : 'pieces'}</span>
          </span>
        )}
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-ink/40 backdrop-blur-[2px] data-[state=open]:animate-fade-in" />
        <RadixDialog.Content className="fixed inset-y-0 right-0 z-50 flex w-full max-w-md animate-fade-in flex-col border-l border-line bg-ivory">
          <div className="flex items-center justify-between border-b border-line px-8 py-6">
            <RadixDialog.Title className="display text-3xl text-ink">Your bag</RadixDialog.Title>
            <RadixDialog.Close className="eyebrow -mr-2 p-2 text-ink-soft hover:text-ink">Close</RadixDialog.Close>
          </div>
          <RadixDialog.Description className="sr-only">The pieces you have set aside.</RadixDialog.Description>
          <BagContents items={items} onNavigate={() => setOpen(false)} />
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

function BagContents({ items, onNavigate }: { items: readonly BagItem[]; onNavigate: () => void }) {
  if (items.length === 0) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center px-8 text-center">
        <p className="display text-2xl text-ink">Your bag is empty</p>
        <p className="mt-4 max-w-xs leading-relaxed text-ink-soft">Pieces you add from the boutique are kept here, in this browser.</p>
        <ButtonLink to="/shop" variant="secondary" className="mt-10" onClick={onNavigate}>
          Visit the boutique
        </ButtonLink>
      </div>
    );
  }
  return (
    <>
      <ul aria-label="Pieces in your bag" className="flex-1 divide-y divide-line overflow-y-auto px-8">
        {items.map((item) => (
          <li key={bagLineKey(item)} className="grid grid-cols-[5rem_1fr] gap-5 py-6">
            <Link
              to={`/products/${item.slug}`}
              onClick={onNavigate}
              tabIndex={-1}
              aria-hidden="true"
              className="block aspect-[4/5] overflow-hidden bg-veil"
            >
              {item.image && (
                <img
                  src={item.image.src}
                  srcSet={item.image.srcSet}
                  sizes="80px"
                  alt=""
                  className="h-full w-full object-cover"
                  loading="lazy"
                />
              )}
            </Link>
            <div className="min-w-0">
              <p className="eyebrow text-stone">{item.brand}</p>
              <Link
                to={`/products/${item.slug}`}
                onClick={onNavigate}
                className="mt-1 block font-display text-xl leading-snug text-ink hover:underline"
              >
                {item.name}
              </Link>
              {item.variantLabel && <p className="mt-1 text-sm text-ink-soft">{item.variantLabel}</p>}
              <p className="mt-1 text-sm text-ink-soft">{item.price ? formatPrice(item.price) : 'Price on request'}</p>
              <div className="mt-3 flex items-center gap-5">
                <label className="flex items-center gap-2 text-sm text-ink-soft">
                  <span className="eyebrow text-[0.625rem]">Qty</span>
                  <select
                    value={item.quantity}
                    onChange={(e) => bag.setQuantity(item, Number(e.target.value))}
                    className="cursor-pointer border-0 border-b border-stone/60 bg-transparent py-1 text-sm text-ink"
                  >
                    {Array.from({ length: BAG_MAX_QUANTITY }, (_, i) => i + 1).map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  onClick={() => bag.remove(item)}
                  className="eyebrow text-[0.625rem] text-stone underline-offset-4 hover:text-ink hover:underline"
                  aria-label={`Remove ${item.name} from your bag`}
                >
                  Remove
                </button>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <BagFooter items={items} onNavigate={onNavigate} />
    </>
  );
}

function BagFooter({ items, onNavigate }: { items: readonly BagItem[]; onNavigate: () => void }) {
  const session = useSessionState();
  const sums = totals(items);
  return (
    <div className="border-t border-line bg-sand/60 px-8 py-6">
      {sums.length > 0 && (
        <dl className="flex items-baseline justify-between gap-4">
          <dt className="eyebrow text-stone">Indicative total</dt>
          <dd className="text-right font-display text-2xl text-ink">{sums.join(' + ')}</dd>
        </dl>
      )}
      <p className="mt-4 text-sm leading-relaxed text-ink-soft">
        Delivery, duties and taxes are set at checkout for your destination. Pieces sold on enquiry can be sent to the house as a request
        instead.
      </p>
      <div className="mt-6 space-y-3">
        {/* Signed in implies the session and query providers (the error page's shell has neither). */}
        {session.status === 'signed-in' && session.user.userType === 'CLIENT' ? (
          <>
            <ButtonLink className="w-full" to="/checkout" onClick={onNavigate}>
              Proceed to checkout
            </ButtonLink>
            <RequestBag items={items} />
          </>
        ) : session.status === 'signed-in' ? (
          <p className="text-sm text-ink-soft">Checkout is open to client accounts.</p>
        ) : (
          <ButtonLink className="w-full" to={signInPath('/checkout')} onClick={onNavigate}>
            Sign in to check out
          </ButtonLink>
        )}
      </div>
    </div>
  );
}

function RequestBag({ items }: { items: readonly BagItem[] }) {
  const request = useRequestBag();
  const { toast } = useToast();
  async function send() {
    try {
      const sent = await request.mutateAsync(items);
      toast({
        title: 'Your request is with the house',
        description: `${sent} ${sent === 1 ? 'piece was' : 'pieces were'} sent to our client advisers, who will reply personally.`,
        tone: 'success',
      });
      bag.clear();
    } catch (error) {
      toast({ title: 'The request was not sent', description: problemMessage(toProblem(error)), tone: 'error' });
    }
  }
  return (
    <Button className="w-full" variant="ghost" loading={request.isPending} onClick={() => void send()}>
      Request these pieces instead
    </Button>
  );
}
