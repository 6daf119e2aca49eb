import type { InputHTMLAttributes } from 'react';
import { cn } from '../../lib/cn.ts';

/** Underlined fields, as on a printed invitation: no boxes, one rule that darkens on focus. */
export const fieldControlClasses =
  'block w-full border-0 border-b border-stone/60 bg-transparent px-0 py-3 text-base text-ink ' +
  'placeholder:text-stone transition-colors duration-300 ease-maison ' +
  'hover:border-ink focus:border-ink focus-visible:outline-offset-4 ' +
  'aria-invalid:border-danger disabled:opacity-60';

export function Input({ className, ...rest }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(fieldControlClasses, className)} {...rest} />;
}
