import { clearFilters, hasFilters, toggleFacet, withPriceRange, type BrowseState, type FacetKey } from '../url-state.ts';
import { rangeLabel } from './facet-sidebar.tsx';

type FilterChipsProps = {
  state: BrowseState;
  currency: string;
  /** Display names of facet values (category slug → "Handbags"); the raw value otherwise. */
  labelOf?: (key: FacetKey, value: string) => string;
  onChange: (next: BrowseState) => void;
};

/** The filters in force, each removable with one press, and "Clear all". */
export function FilterChips({ state, currency, labelOf = (_k, v) => v, onChange }: FilterChipsProps) {
  if (!hasFilters(state)) return null;
  const chips: { key: string; label: string; remove: () => BrowseState }[] = [];
  for (const key of ['categories', 'brands', 'colors', 'sizes'] as const) {
    for (const value of state[key])
      chips.push({ key: `${key}:${value}`, label: labelOf(key, value), remove: () => toggleFacet(state, key, value) });
  }
  if (state.minPrice !== undefined || state.maxPrice !== undefined) {
    chips.push({
      key: 'price',
      label: rangeLabel(state.minPrice, state.maxPrice, state.currency ?? currency),
      remove: () => withPriceRange(state, undefined, undefined, undefined),
    });
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ul aria-label="Filters in force" className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <li key={chip.key}>
            <button
              type="button"
              onClick={() => onChange(chip.remove())}
              className="group inline-flex items-center gap-2 border border-line bg-sand/60 px-3 py-1.5 text-xs text-ink transition-colors hover:border-ink"
              aria-label={`Remove filter ${chip.label}`}
            >
              {chip.label}
              <span aria-hidden="true" className="text-stone group-hover:text-ink">
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() => onChange(clearFilters(state))}
        className="eyebrow border-b border-ink/30 pb-0.5 text-ink hover:border-ink"
      >
        Clear all
      </button>
    </div>
  );
}
