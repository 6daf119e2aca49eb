import { useEffect, useRef } from 'react';
import { useSession } from '../auth/session.tsx';
import { bag, useBag, type BagItem } from '../catalog/bag/bag-store.ts';
import { putBag, type BagLine } from './api.ts';

type Line = { productId: string; variantId?: string; quantity: number };
const linesOf = (items: readonly BagItem[]): Line[] =>
  items.map((i) => ({ productId: i.productId, ...(i.variantId ? { variantId: i.variantId } : {}), quantity: i.quantity }));
const signature = (lines: Line[]) => JSON.stringify(lines);

/** A server bag line as the bag drawer shows it. */
export function toBagItem(line: BagLine): BagItem {
  const label = [line.size, line.color].filter(Boolean).join(' · ');
  return {
    productId: line.productId,
    slug: line.slug,
    name: line.name,
    brand: line.brandName,
    ...(line.variantId ? { variantId: line.variantId } : {}),
    ...(label ? { variantLabel: label } : {}),
    ...(line.unitPrice ? { price: line.unitPrice } : {}),
    ...(line.imageUrl ? { image: { src: line.imageUrl, alt: line.name } } : {}),
    quantity: line.quantity,
  };
}

/**
 * Keeps a signed-in client's bag on the server: at sign-in the pieces chosen as a visitor are merged into the saved
 * bag, and from then on every change is written back (a moment after the last one), so the bag follows the client
 * from one device to another. Renders nothing.
 */
export function ServerBagSync() {
  const session = useSession();
  const items = useBag();
  const synced = useRef<string | null>(null);
  // A private client who still has to set up two-step verification may do nothing else yet (the API answers 403): the
  // bag stays local until enrolment is done, then merges.
  const clientId =
    session.status === 'signed-in' && session.user.userType === 'CLIENT' && !session.user.mfaEnrollmentRequired
      ? session.user.userId
      : null;

  // At sign-in: merge, then show the server's bag.
  useEffect(() => {
    if (!clientId) {
      synced.current = null;
      return;
    }
    let cancelled = false;
    void putBag(session.api, linesOf(bag.items()), 'merge')
      .then((answer) => {
        if (cancelled) return;
        const next = answer.items.map(toBagItem);
        synced.current = signature(linesOf(next));
        bag.replace(next);
      })
      .catch(() => {
        // The local bag still works; the next change tries again.
        synced.current = '';
      });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per signed-in client
  }, [clientId]);

  // Afterwards: write each change back.
  useEffect(() => {
    if (!clientId || synced.current === null) return;
    const lines = linesOf(items);
    if (signature(lines) === synced.current) return;
    const timer = window.setTimeout(() => {
      void putBag(session.api, lines, 'replace')
        .then(() => {
          synced.current = signature(lines);
        })
        .catch(() => undefined);
    }, 400);
    return () => window.clearTimeout(timer);
  }, [items, clientId, session.api]);

  return null;
}
