import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { cn } from '../../../lib/cn.ts';
import { parseRangeValue, toggleFacet, withPriceRange, type BrowseState, type FacetKey } from '../url-state.ts';
import { formatPrice } from './price.tsx';

/** `group`: sizes only, the kind of size (Clothing, Shoes, Rings, Watches…) the option is listed under. */
export type FacetOption = { value: string; label: string; count: number; group?: string };
export type FacetGroup = { key: FacetKey; title: string; options: FacetOption[] };

type FacetSidebarProps = {
  groups: FacetGroup[];
  /** Price bands with counts ("0-500"…), in `currency`. */
  priceRanges?: FacetOption[];
  currency: string;
  state: BrowseState;
  onChange: (next: BrowseState) => void;
  className?: string;
};

const COLLAPSED_OPTIONS = 8;

/**
 * Refine by designer, colour, size and price. Each count already applies every other filter (the API's
 * disjunctive facets), so ticking a second designer widens the list instead of emptying it. Every change
 * goes to the address, which is the only state.
 */
export function FacetSidebar({ groups, priceRanges, currency, state, onChange, className }: FacetSidebarProps) {
  return (
    <div className={cn('space-y-10', className)}>
      {groups
        .filter((g) => g.options.length > 0)
        .map((group) => (
          <FacetFieldset
            key={group.key}
            group={group}
            selected={state[group.key]}
            onToggle={(value) => onChange(toggleFacet(state, group.key, value))}
          />
        ))}
      <PriceFieldset ranges={priceRanges ?? []} currency={currency} state={state} onChange={onChange} />
    </div>
  );
}

function FacetFieldset({ group, selected, onToggle }: { group: FacetGroup; selected: string[]; onToggle: (value: string) => void }) {
  const [expanded, setExpanded] = useState(false);
  // Selected values always stay in view, even when the list is folded.
  const options = expanded ? group.options : group.options.filter((o, i) => i < COLLAPSED_OPTIONS || selected.includes(o.value));
  const hidden = group.options.length - options.length;
  return (
    <fieldset className="border-t border-line pt-6">
      <legend className="eyebrow float-left mb-5 w-full text-ink">{group.title}</legend>
      {sections(options).map(([title, items], n) => (
        <div key={title ?? 'all'} className={cn('clear-both', n > 0 && 'mt-6')}>
          {title && (
            <p className="mb-3 text-xs uppercase tracking-[0.14em] text-stone" aria-hidden="true">
              {title}
            </p>
          )}
          <ul className="space-y-3" aria-label={title}>
            {items.map((option) => {
              const checked = selected.includes(option.value);
              return (
                <li key={option.value}>
                  <label className="group flex cursor-pointer items-center gap-3 text-sm text-ink-soft hover:text-ink">
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={() => onToggle(option.value)}
                      disabled={option.count === 0 && !checked}
                      className="size-4 shrink-0 cursor-pointer appearance-none border border-stone/70 bg-ivory transition-colors checked:border-ink checked:bg-ink disabled:cursor-not-allowed disabled:opacity-40"
                    />
                    <span className={cn('flex-1', checked && 'text-ink')}>{option.label}</span>
                    <span className="text-xs text-stone tabular-nums">{option.count}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {(hidden > 0 || expanded) && group.options.length > COLLAPSED_OPTIONS && (
        <button
          type="button"
          onClick={() => setExpanded(!expanded)}
          className="eyebrow mt-4 border-b border-ink/30 pb-0.5 text-ink hover:border-ink"
          aria-expanded={expanded}
        >
          {expanded ? 'Fewer' : `${hidden} more`}
        </button>
      )}
    </fieldset>
  );
}

/** Options under their group's heading (sizes by kind); one untitled section when no option has a group. */
function sections(options: FacetOption[]): [string | undefined, FacetOption[]][] {
  const out: [string | undefined, FacetOption[]][] = [];
  for (const option of options) {
    const last = out.at(-1);
    if (last && last[0] === option.group) last[1].push(option);
    else out.push([option.group, [option]]);
  }
  return out;
}

function PriceFieldset({
  ranges,
  currency,
  state,
  onChange,
}: {
  ranges: FacetOption[];
  currency: string;
  state: BrowseState;
  onChange: (next: BrowseState) => void;
}) {
  const id = useId();
  const activeCurrency = state.currency ?? currency;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = (name: string) => {
      const raw = String(form.get(name) ?? '').replace(/[^\d.]/g, '');
      return raw ? Number(raw) : undefined;
    };
    onChange(withPriceRange(state, read('min'), read('max'), activeCurrency));
  }

  const bands = ranges.map((r) => ({ ...r, bounds: parseRangeValue(r.value) })).filter((r) => r.bounds);
  return (
    <fieldset className="border-t border-line pt-6">
      <legend className="eyebrow float-left mb-5 w-full text-ink">Price</legend>
      {bands.length > 0 && (
        <ul className="clear-both mb-6 space-y-3">
          {bands.map((band) => {
            const { min, max } = band.bounds!;
            const checked = state.minPrice === min && state.maxPrice === max;
            return (
              <li key={band.value}>
                <label className="flex cursor-pointer items-center gap-3 text-sm text-ink-soft hover:text-ink">
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() =>
                      onChange(
                        checked ? withPriceRange(state, undefined, undefined, undefined) : withPriceRange(state, min, max, activeCurrency),
                      )
                    }
                    className="size-4 shrink-0 cursor-pointer appearance-none rounded-full border border-stone/70 bg-ivory checked:border-ink checked:bg-ink"
                  />
                  <span className={cn('flex-1', checked && 'text-ink')}>{rangeLabel(min, max, activeCurrency)}</span>
                  <span className="text-xs text-stone tabular-nums">{band.count}</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <form
        key={`${state.minPrice}-${state.maxPrice}`}
        onSubmit={submit}
        className="clear-both grid grid-cols-2 gap-x-4 gap-y-5"
        aria-label="Price range"
      >
        <div>
          <label htmlFor={`${id}-min`} className="eyebrow block text-[0.625rem] whitespace-nowrap text-stone">
            From ({activeCurrency})
          </label>
          <input
            id={`${id}-min`}
            name="min"
            inputMode="decimal"
            defaultValue={state.minPrice ?? ''}
            className="mt-1 w-full border-0 border-b border-stone/60 bg-transparent py-2 text-sm text-ink hover:border-ink focus:border-ink"
          />
        </div>
        <div>
          <label htmlFor={`${id}-max`} className="eyebrow block text-[0.625rem] whitespace-nowrap text-stone">
            To ({activeCurrency})
          </label>
          <input
            id={`${id}-max`}
            name="max"
            inputMode="decimal"
            defaultValue={state.maxPrice ?? ''}
            className="mt-1 w-full border-0 border-b border-stone/60 bg-transparent py-2 text-sm text-ink hover:border-ink focus:border-ink"
          />
        </div>
        <Button type="submit" variant="secondary" size="sm" className="col-span-2">
          Apply
        </Button>
      </form>
    </fieldset>
  );
}

export function rangeLabel(min: number | undefined, max: number | undefined, currency: string): string {
  const f = (amount: number) => formatPrice({ amount, currency });
  if (min !== undefined && max !== undefined) return `${f(min)} – ${f(max)}`;
  if (min !== undefined) return `From ${f(min)}`;
  if (max !== undefined) return `Up to ${f(max)}`;
  return 'Any price';
}
