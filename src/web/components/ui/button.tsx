import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { cn } from '../../lib/cn.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'inverse';
export type ButtonSize = 'sm' | 'md' | 'lg';

const base =
  'inline-flex items-center justify-center gap-3 whitespace-nowrap font-sans font-medium uppercase tracking-[0.2em] ' +
  'transition-colors duration-300 ease-maison disabled:cursor-not-allowed disabled:opacity-60';

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-ink text-ivory border border-ink hover:bg-ink-soft hover:border-ink-soft',
  secondary: 'bg-transparent text-ink border border-ink hover:bg-ink hover:text-ivory',
  // Ghost is a text link with a rule beneath: the quietest call to action.
  ghost: 'bg-transparent text-ink border-b border-ink/40 px-0! hover:border-ink',
  // For ink backgrounds (footer, dark editorial bands).
  inverse: 'bg-ivory text-ink border border-ivory hover:bg-transparent hover:text-ivory',
};

const sizes: Record<ButtonSize, string> = {
  sm: 'h-9 px-5 text-[0.625rem]',
  md: 'h-12 px-8 text-[0.6875rem]',
  lg: 'h-14 px-10 text-xs',
};

/** The class list of a button, for elements that must look like one without being one. */
export function buttonClasses(options: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  const { variant = 'primary', size = 'md', className } = options;
  return cn(base, variants[variant], sizes[size], className);
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a progress mark, keeps the label for screen readers and blocks further clicks. */
  loading?: boolean;
};

export function Button({ variant, size, loading = false, className, children, disabled, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClasses({ variant, size, className })}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading && <Spinner />}
      {children}
    </button>
  );
}

type ButtonLinkProps = LinkProps & { variant?: ButtonVariant; size?: ButtonSize; children: ReactNode };

/** A navigation that looks like a button; it stays a link so it can be opened in a new tab. */
export function ButtonLink({ variant, size, className, ...rest }: ButtonLinkProps) {
  return <Link className={buttonClasses({ variant, size, className })} {...rest} />;
}

function Spinner() {
  return <span aria-hidden="true" className="inline-block size-3 animate-spin rounded-full border border-current border-r-transparent" />;
}
