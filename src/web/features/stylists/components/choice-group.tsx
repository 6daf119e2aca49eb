import type { ReactNode } from 'react';
import { cn } from '../../../lib/cn.ts';

export type Choice<T extends string> = { value: T; label: string; description?: string };

type ChoiceGroupProps<T extends string> = {
  legend: ReactNode;
  hint?: ReactNode;
  name: string;
  choices: readonly Choice<T>[];
  /** Several may be chosen (checkboxes) or exactly one (radios). */
  multiple?: boolean;
  value: readonly T[];
  onChange: (next: T[]) => void;
  columns?: 2 | 3 | 4;
  size?: 'sm' | 'lg';
  className?: string;
};

const COLUMNS = { 2: 'sm:grid-cols-2', 3: 'sm:grid-cols-2 lg:grid-cols-3', 4: 'sm:grid-cols-2 lg:grid-cols-4' } as const;

/**
 * Native checkboxes or radios drawn as quiet tiles: a hairline that turns ink when chosen. Arrow keys and
 * Space work as they do on any form; the focus ring sits on the tile.
 */
export function ChoiceGroup<T extends string>({
  legend,
  hint,
  name,
  choices,
  multiple = false,
  value,
  onChange,
  columns = 3,
  size = 'lg',
  className,
}: ChoiceGroupProps<T>) {
  const chosen = new Set(value);
  return (
    <fieldset className={className}>
      <legend className={size === 'lg' ? 'display text-3xl text-ink sm:text-4xl' : 'eyebrow text-ink-soft'}>{legend}</legend>
      {hint && <p className={cn('text-stone', size === 'lg' ? 'mt-3 text-base' : 'mt-1 text-sm')}>{hint}</p>}
      <div className={cn('grid gap-3', size === 'lg' ? 'mt-8' : 'mt-3', COLUMNS[columns])}>
        {choices.map((c) => {
          const on = chosen.has(c.value);
          return (
            <label
              key={c.value}
              className={cn(
                'relative flex cursor-pointer flex-col border transition-colors duration-300 ease-maison has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus',
                size === 'lg' ? 'px-5 py-5' : 'px-4 py-3',
                on ? 'border-ink bg-sand' : 'border-line hover:border-stone',
              )}
            >
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={name}
                value={c.value}
                checked={on}
                onChange={(e) => {
                  if (!multiple) onChange([c.value]);
                  else onChange(e.target.checked ? [...value, c.value] : value.filter((v) => v !== c.value));
                }}
                // Transparent over the whole tile: the tile is what is seen, the native control what is clicked and announced.
                className="absolute inset-0 m-0 cursor-pointer appearance-none opacity-0"
              />
              <span className="flex items-center justify-between gap-3">
                <span className={cn('text-ink', size === 'lg' ? 'font-display text-xl' : 'text-sm')}>{c.label}</span>
                <span
                  aria-hidden="true"
                  className={cn(
                    'grid size-4 shrink-0 place-items-center border',
                    multiple ? '' : 'rounded-full',
                    on ? 'border-ink bg-ink' : 'border-stone',
                  )}
                >
                  {on && <span className={cn('block size-1.5 bg-ivory', !multiple && 'rounded-full')} />}
                </span>
              </span>
              {c.description && <span className="mt-1.5 text-sm leading-relaxed text-stone">{c.description}</span>}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
