import type { InputHTMLAttributes } from 'react';
import { cn } from '../../../lib/cn.ts';
import { fieldControlClasses } from '../../../components/ui/input.tsx';

/**
 * A one-time code: six digits from an authenticator app, or a longer recovery code, so letters and
 * dashes are allowed. `one-time-code` lets phones and password managers offer the code.
 */
export function CodeInput({ className, ...rest }: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      type="text"
      inputMode="text"
      autoComplete="one-time-code"
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
      maxLength={32}
      {...rest}
      className={cn(fieldControlClasses, 'font-display text-3xl tracking-[0.3em] lining-nums tabular-nums', className)}
    />
  );
}
