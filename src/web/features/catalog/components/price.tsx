import { formatMoney, isCurrency, type MoneyDto } from '../../../../shared/money.ts';
import { cn } from '../../../lib/cn.ts';

type PriceProps = {
  price: MoneyDto | null | undefined;
  priceOnRequest?: boolean;
  className?: string;
  /** Larger, serif: the product page; the card uses the small sans line. */
  size?: 'sm' | 'lg';
};

/** A price as the house writes it, `€1,250`, or "Price on request" for the pieces whose price is discussed in person. */
export function Price({ price, priceOnRequest = false, className, size = 'sm' }: PriceProps) {
  const classes = cn(size === 'lg' ? 'display text-3xl text-ink' : 'text-sm tracking-wide text-ink-soft', className);
  if (priceOnRequest || !price) return <p className={cn(classes, 'italic')}>Price on request</p>;
  return (
    <p className={classes}>
      <span className="sr-only">Price: </span>
      {formatPrice(price)}
    </p>
  );
}

/** The formatted amount; a currency the web app does not know is shown with its code rather than failing the page. */
export function formatPrice(price: MoneyDto): string {
  if (!isCurrency(price.currency)) return `${price.currency} ${price.amount.toLocaleString('en-GB')}`;
  try {
    return formatMoney(price, { compactWhole: true });
  } catch {
    return `${price.currency} ${price.amount.toLocaleString('en-GB')}`;
  }
}
