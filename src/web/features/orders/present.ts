/** Words and figures of the shop, pure: statuses, delivery options, money. */
import { formatMoney, type MoneyDto } from '../../../shared/money.ts';

export const STATUS_LABELS: Record<string, string> = {
  PENDING_PAYMENT: 'Awaiting payment',
  AWAITING_APPROVAL: 'Awaiting approval',
  PAID: 'Confirmed',
  PROCESSING: 'Being prepared',
  SHIPPED: 'On its way',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  REFUNDED: 'Refunded',
  PARTIALLY_REFUNDED: 'Partly refunded',
};

export const DELIVERY_LABELS: Record<string, { title: string; detail: string }> = {
  INSURED_COURIER: { title: 'Insured courier', detail: 'Signed for, fully insured; complimentary from €2,000' },
  WHITE_GLOVE: { title: 'White-glove hand delivery', detail: 'A client adviser brings your pieces and stays while you try them' },
  STORE_COLLECTION: { title: 'Collection in store', detail: 'Your pieces wait for you in a private salon' },
  HOTEL_DELIVERY: { title: 'Delivery to your hotel', detail: 'Left with the concierge in your name, ready on arrival' },
};

export const DELIVERY_OPTIONS = ['INSURED_COURIER', 'WHITE_GLOVE', 'STORE_COLLECTION', 'HOTEL_DELIVERY'] as const;

export const SETTLEMENT_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'AED'] as const;

export function money(m: MoneyDto | undefined): string {
  return m ? formatMoney(m) : '—';
}

/** What the timeline says for an entry, in the house's words. */
export function timelineText(e: { fromStatus?: string; toStatus: string; note?: string }): string {
  if (e.note === 'APPROVED') return 'Approved by the house office';
  if (e.note === 'ADDRESS_CHANGED') return 'Address changed';
  if (e.note === 'ORDER_CHANGED') return 'Pieces or delivery changed';
  if (!e.fromStatus) return 'Order placed';
  return STATUS_LABELS[e.toStatus] ?? e.toStatus;
}

export const ACTOR_LABELS: Record<string, string> = {
  CLIENT: 'You',
  ADMIN: 'The house office',
  SYSTEM: 'StyleByZaga',
  PROVIDER: 'Payment',
};
