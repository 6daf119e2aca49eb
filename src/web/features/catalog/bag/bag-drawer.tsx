import * as RadixDialog from '@radix-ui/react-dialog';
import type { RefObject } from 'react';
import { Link } from 'react-router';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
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

type BagDrawerProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The header's bag button, which takes focus back when the sheet closes. */
  returnFocusTo: RefObject<HTMLButtonElement | null>;
};

/**
 * The sheet the header's bag opens (bag-button.tsx, which loads this file when the bag is first wanted): checkout for a
 * signed-in client, or every piece sent to the house as a request (one enquiry each) for pieces a client adviser should
 * confirm in person.
 */
export default function BagDrawer({ open, onOpenChange, returnFocusTo }: BagDrawerProps) {
  const items = useBag();
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-ink/40 backdrop-blur-[2px] data-[state=open]:animate-fade-in" />
        <RadixDialog.Content
          className="fixed inset-y-0 right-0 z-50 flex w-full max-w-md animate-fade-in flex-col border-l border-line bg-ivory"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocusTo.current?.focus();
          }}
        >
          <div className="flex items-center justify-between border-b border-line px-8 py-6">
            <RadixDialog.Title className="display text-3xl text-ink">Your bag</RadixDialog.Title>
            <RadixDialog.Close className="eyebrow -mr-2 p-2 text-ink-soft hover:text-ink">Close</RadixDialog.Close>
          </div>
          <RadixDialog.Description className="sr-only">The pieces you have set aside.</RadixDialog.Description>
          <BagContents items={items} onNavigate={() => onOpenChange(false)} />
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
