import { useId } from 'react';
import { SORT_LABELS, withSort, type BrowseState, type Sort } from '../url-state.ts';

/** "Sort by", a native select: keyboard and screen readers know it already. */
export function SortSelect({
  state,
  options,
  onChange,
}: {
  state: BrowseState;
  options: readonly Sort[];
  onChange: (next: BrowseState) => void;
}) {
  const id = useId();
  const current = state.sort ?? options[0];
  return (
    <div className="flex items-center gap-3">
      <label htmlFor={id} className="eyebrow text-stone">
        Sort by
      </label>
      <select
        id={id}
        value={current}
        onChange={(e) => onChange(withSort(state, e.target.value === options[0] ? undefined : (e.target.value as Sort)))}
        className="cursor-pointer border-0 border-b border-stone/60 bg-transparent py-1.5 pr-6 text-sm text-ink hover:border-ink focus:border-ink"
      >
        {options.map((sort) => (
          <option key={sort} value={sort}>
            {SORT_LABELS[sort]}
          </option>
        ))}
      </select>
    </div>
  );
}
