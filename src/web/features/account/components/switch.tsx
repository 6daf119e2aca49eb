import { useId, type ReactNode } from 'react';
import { cn } from '../../../lib/cn.ts';

type SwitchProps = {
  label: ReactNode;
  description?: ReactNode;
  name?: string;
  checked?: boolean;
  defaultChecked?: boolean;
  onChange?: (checked: boolean) => void;
  disabled?: boolean;
  className?: string;
};

/** An on/off setting: a native checkbox with the switch role, drawn as a slim track. */
export function Switch({ label, description, name, checked, defaultChecked, onChange, disabled, className }: SwitchProps) {
  const id = useId();
  return (
    <div className={cn('flex items-start justify-between gap-8 py-5', className)}>
      <div>
        <label htmlFor={id} className="cursor-pointer text-ink">
          {label}
        </label>
        {description && (
          <p id={`${id}-description`} className="mt-1 text-sm leading-relaxed text-stone">
            {description}
          </p>
        )}
      </div>
      <span className="relative mt-0.5 inline-flex shrink-0">
        <input
          id={id}
          type="checkbox"
          role="switch"
          name={name}
          checked={checked}
          defaultChecked={defaultChecked}
          disabled={disabled}
          onChange={(e) => onChange?.(e.target.checked)}
          aria-describedby={description ? `${id}-description` : undefined}
          className="peer absolute inset-0 z-10 cursor-pointer opacity-0 disabled:cursor-not-allowed"
        />
        <span
          aria-hidden="true"
          className="block h-6 w-11 rounded-full border border-stone/60 bg-ivory transition-colors duration-300 ease-maison peer-checked:border-ink peer-checked:bg-ink peer-focus-visible:outline-2 peer-focus-visible:outline-offset-3 peer-focus-visible:outline-focus peer-focus-visible:outline-solid peer-disabled:opacity-60"
        />
        <span
          aria-hidden="true"
          className="pointer-events-none absolute top-1 left-1 size-4 rounded-full bg-stone transition-transform duration-300 ease-maison peer-checked:translate-x-5 peer-checked:bg-ivory"
        />
      </span>
    </div>
  );
}
