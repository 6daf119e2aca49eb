import { useId, type ReactNode } from 'react';
import { sizeRank } from '../../../../shared/sizes.ts';
import { cn } from '../../../lib/cn.ts';

export type VariantOption = { variantId: string; color?: string | null; size?: string | null; stock: number };

/** How much is left, as a boutique would say it: a number only when it is small. */
export function stockLabel(stock: number): string {
  if (stock <= 0) return 'Sold out';
  if (stock <= 3) return `Only ${stock} left`;
  return 'In stock';
}

export function variantLabel(v: Pick<VariantOption, 'color' | 'size'>): string {
  return [v.color && capitalise(v.color), v.size && `Size ${v.size}`].filter(Boolean).join(' · ');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type VariantPickerProps = {
  variants: VariantOption[];
  selectedId: string | undefined;
  onSelect: (variantId: string) => void;
  /** Shown beside the size legend (the size guide link). */
  aside?: ReactNode;
};

/**
 * Colour, then size, as radio groups: arrow keys move between choices, sold-out sizes stay visible but cannot
 * be chosen, and the stock of the chosen one is announced.
 */
export function VariantPicker({ variants, selectedId, onSelect, aside }: VariantPickerProps) {
  const id = useId();
  const selected = variants.find((v) => v.variantId === selectedId);
  const colors = unique(variants.map((v) => v.color).filter((c): c is string => !!c));
  const activeColor = selected?.color ?? colors[0];
  const sized = variants
    .filter((v) => v.size && (!activeColor || !v.color || v.color === activeColor))
    .sort((a, b) => sizeOrder(a.size!) - sizeOrder(b.size!) || a.size!.localeCompare(b.size!));

  function pickColor(color: string) {
    // Keep the size when that size exists in the new colour; otherwise its first variant in stock.
    const same = variants.find((v) => v.color === color && v.size === selected?.size);
    const first = variants.find((v) => v.color === color && v.stock > 0) ?? variants.find((v) => v.color === color);
    const next = same ?? first;
    if (next) onSelect(next.variantId);
  }

  return (
    <div className="space-y-8">
      {colors.length > 0 && (
        <fieldset>
          <legend className="eyebrow text-ink-soft">
            Colour{' '}
            <span className="ml-2 text-sm font-normal tracking-normal text-ink normal-case">{activeColor && capitalise(activeColor)}</span>
          </legend>
          <div className="mt-4 flex flex-wrap gap-3">
            {colors.map((color) => {
              const inStock = variants.some((v) => v.color === color && v.stock > 0);
              return (
                <label key={color} className="cursor-pointer">
                  <input
                    type="radio"
                    name={`${id}-color`}
                    value={color}
                    checked={color === activeColor}
                    onChange={() => pickColor(color)}
                    className="peer sr-only"
                  />
                  <span
                    className={cn(
                      'inline-block border px-4 py-2 text-sm transition-colors peer-checked:border-ink peer-checked:text-ink peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus',
                      'border-line text-ink-soft hover:border-ink',
                      !inStock && 'line-through decoration-stone/60',
                    )}
                  >
                    {capitalise(color)}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      )}
      {sized.length > 0 && (
        <fieldset>
          <div className="flex items-baseline justify-between">
            <legend className="eyebrow text-ink-soft">Size</legend>
            {aside}
          </div>
          <div className="mt-4 flex flex-wrap gap-3">
            {sized.map((v) => (
              <label key={v.variantId} className={cn(v.stock > 0 ? 'cursor-pointer' : 'cursor-not-allowed')}>
                <input
                  type="radio"
                  name={`${id}-size`}
                  value={v.variantId}
                  checked={v.variantId === selectedId}
                  disabled={v.stock <= 0}
                  onChange={() => onSelect(v.variantId)}
                  className="peer sr-only"
                  aria-label={`Size ${v.size}${v.stock <= 0 ? ', sold out' : ''}`}
                />
                <span
                  aria-hidden="true"
                  className={cn(
                    'inline-flex h-11 min-w-12 items-center justify-center border px-3 text-sm tabular-nums transition-colors',
                    'peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus',
                    'peer-checked:border-ink peer-checked:bg-ink peer-checked:text-ivory',
                    v.stock > 0 ? 'border-line text-ink hover:border-ink' : 'border-line text-stone line-through',
                  )}
                >
                  {v.size}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <p
        role="status"
        aria-live="polite"
        className={cn('text-sm', selected && selected.stock > 0 && selected.stock <= 3 ? 'text-gold-deep' : 'text-ink-soft')}
      >
        {selected ? `${variantLabel(selected)} — ${stockLabel(selected.stock)}` : sized.length > 0 ? 'Choose a size' : ''}
      </p>
    </div>
  );
}

/** Sizes in the order a shopper reads them: XS before S before M, FR 36 before FR 38, Mini before Large, 50 ml before 100 ml. */
export const sizeOrder = sizeRank;

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
