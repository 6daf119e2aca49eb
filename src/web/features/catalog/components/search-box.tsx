import { useDeferredValue, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { cn } from '../../../lib/cn.ts';
import { useSuggestions, type Suggestions } from '../api/suggest.ts';
import { formatPrice } from './price.tsx';

type Option = { id: string; label: string; detail?: string; group: string; to: string };

function optionsOf(suggestions: Suggestions | undefined): Option[] {
  if (!suggestions) return [];
  return [
    ...suggestions.products.map((p) => ({
      id: `p-${p.productId}`,
      label: p.name,
      detail: `${p.brandName} · ${p.priceOnRequest ? 'Price on request' : formatPrice(p.price)}`,
      group: 'Pieces',
      to: `/products/${p.slug}`,
    })),
    ...suggestions.brands.map((b) => ({
      id: `b-${b.slug}`,
      label: b.name,
      group: 'Houses',
      to: `/shop?brand=${encodeURIComponent(b.slug)}`,
    })),
    ...suggestions.categories.map((c) => ({
      id: `c-${c.slug}`,
      label: c.name,
      detail: c.parentName,
      group: 'Departments',
      to: `/shop/${c.slug}`,
    })),
  ];
}

/**
 * The search field with suggestions as you type (pieces, houses, departments), as an ARIA combobox: arrows move
 * through the list, Enter opens the highlighted one or searches for what was typed, Escape closes the list.
 */
export function SearchBox({
  defaultValue = '',
  autoFocus = false,
  className,
  onNavigate,
  size = 'md',
}: {
  defaultValue?: string;
  autoFocus?: boolean;
  className?: string;
  onNavigate?: () => void;
  size?: 'md' | 'lg';
}) {
  const id = useId();
  const navigate = useNavigate();
  const [value, setValue] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const deferred = useDeferredValue(value.trim());
  const suggestions = useSuggestions(open ? deferred : '');
  const options = optionsOf(suggestions.data);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = `${id}-list`;
  const expanded = open && options.length > 0;

  function go(to: string) {
    setOpen(false);
    onNavigate?.();
    void navigate(to);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = active >= 0 ? options[active] : undefined;
    if (chosen) return go(chosen.to);
    const q = value.trim();
    if (q) go(`/search?q=${encodeURIComponent(q)}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (i + 1) % options.length : -1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (options.length ? (i <= 0 ? options.length - 1 : i - 1) : -1));
    } else if (event.key === 'Escape') {
      if (expanded) event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <form role="search" aria-label="Search the boutique" onSubmit={submit} className={cn('relative', className)}>
      <label htmlFor={`${id}-input`} className="sr-only">
        Search the boutique
      </label>
      <div className="flex items-center gap-3 border-b border-ink/60 focus-within:border-ink">
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="size-4 shrink-0 text-ink-soft"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.2"
        >
          <circle cx="8.5" cy="8.5" r="6" />
          <path d="m13 13 5 5" />
        </svg>
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="search"
          name="q"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? `${id}-${options[active]?.id}` : undefined}
          autoComplete="off"
          autoFocus={autoFocus}
          value={value}
          placeholder="Search houses, pieces, departments"
          onChange={(e) => {
            setValue(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
          className={cn(
            'w-full border-0 bg-transparent py-3 text-ink placeholder:text-stone focus:outline-none',
            size === 'lg' ? 'font-display text-3xl sm:text-4xl' : 'text-base',
          )}
        />
        <button type="submit" className="eyebrow shrink-0 py-2 text-ink">
          Search
        </button>
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!expanded}
        className="absolute inset-x-0 top-full z-40 mt-2 max-h-[70vh] overflow-y-auto border border-line bg-ivory py-3 shadow-[0_30px_60px_-30px_rgb(20_19_15/0.35)]"
      >
        {options.map((option, i) => {
          const heading = i === 0 || options[i - 1]?.group !== option.group ? option.group : null;
          return (
            <li
              key={option.id}
              id={`${id}-${option.id}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(option.to)}
              onMouseEnter={() => setActive(i)}
              className={cn('cursor-pointer px-5 py-2.5', i === active && 'bg-sand')}
            >
              {heading && (
                <span aria-hidden="true" className="eyebrow mb-2 block text-[0.625rem] text-gold-deep">
                  {heading}
                </span>
              )}
              <span className="block font-display text-lg leading-snug text-ink">{option.label}</span>
              {option.detail && <span className="block text-xs text-stone">{option.detail}</span>}
            </li>
          );
        })}
      </ul>
    </form>
  );
}
