import { useSyncExternalStore } from 'react';

/**
 * The shopping bag. A visitor's lives in this browser (localStorage); a signed-in client's lives on the server
 * (`features/orders/bag-sync.tsx` merges the local bag in at sign-in and keeps both the same). It holds what the
 * client chose, never a price to charge: prices are the server's, read again at checkout.
 */
export type BagItem = {
  productId: string;
  slug: string;
  name: string;
  brand: string;
  /** The chosen size or colour, when the piece has variants. */
  variantId?: string;
  variantLabel?: string;
  price?: { amount: number; currency: string };
  /** The product's first picture, as the card shows it. */
  image?: BagImage;
  quantity: number;
};

export type BagImage = { src: string; srcSet?: string; alt: string };

const STORAGE_KEY = 'sbz_bag';
const MAX_QUANTITY = 10;
const MAX_LINES = 50;
const EMPTY: readonly BagItem[] = [];

const keyOf = (item: Pick<BagItem, 'productId' | 'variantId'>) => `${item.productId}:${item.variantId ?? ''}`;

function isBagItem(value: unknown): value is BagItem {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.productId === 'string' &&
    typeof v.slug === 'string' &&
    typeof v.name === 'string' &&
    typeof v.brand === 'string' &&
    typeof v.quantity === 'number'
  );
}

let snapshot: readonly BagItem[] = EMPTY;
let loaded = false;
const listeners = new Set<() => void>();

function load(): readonly BagItem[] {
  if (loaded || typeof window === 'undefined') return snapshot;
  loaded = true;
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    snapshot = Array.isArray(parsed) ? parsed.filter(isBagItem).slice(0, MAX_LINES) : EMPTY;
  } catch {
    snapshot = EMPTY;
  }
  return snapshot;
}

function save(next: readonly BagItem[]): void {
  snapshot = next;
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Private browsing with storage refused: the bag still works for this page's life.
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changed the bag: read it again.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    loaded = false;
    load();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export const bag = {
  items: (): readonly BagItem[] => load(),
  add(item: Omit<BagItem, 'quantity'>, quantity = 1): void {
    const items = load();
    const existing = items.find((i) => keyOf(i) === keyOf(item));
    if (existing) {
      save(items.map((i) => (i === existing ? { ...i, quantity: Math.min(MAX_QUANTITY, i.quantity + quantity) } : i)));
    } else {
      save([...items, { ...item, quantity: Math.min(MAX_QUANTITY, quantity) }].slice(-MAX_LINES));
    }
  },
  setQuantity(item: Pick<BagItem, 'productId' | 'variantId'>, quantity: number): void {
    const items = load();
    if (quantity <= 0) save(items.filter((i) => keyOf(i) !== keyOf(item)));
    else save(items.map((i) => (keyOf(i) === keyOf(item) ? { ...i, quantity: Math.min(MAX_QUANTITY, Math.floor(quantity)) } : i)));
  },
  remove(item: Pick<BagItem, 'productId' | 'variantId'>): void {
    save(load().filter((i) => keyOf(i) !== keyOf(item)));
  },
  clear(): void {
    save(EMPTY);
  },
  /** Takes the server's bag as it is (at sign-in, or after another device changed it). */
  replace(items: readonly BagItem[]): void {
    save(items.slice(0, MAX_LINES));
  },
};

/** The bag's lines; empty during the server render (the server never sees a visitor's bag). */
export function useBag(): readonly BagItem[] {
  return useSyncExternalStore(subscribe, load, () => EMPTY);
}

export const bagLineKey = keyOf;
export const BAG_MAX_QUANTITY = MAX_QUANTITY;
