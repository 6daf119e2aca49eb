import { useState, type InputHTMLAttributes } from 'react';
import { cn } from '../../../lib/cn.ts';
import { fieldControlClasses } from '../../../components/ui/input.tsx';

/** A password field with a Show / Hide switch, so a long passphrase can be checked before it is sent. */
export function PasswordInput({ className, ...rest }: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="relative">
      <input {...rest} type={visible ? 'text' : 'password'} className={cn(fieldControlClasses, 'pr-16', className)} />
      <button
        type="button"
        onClick={() => setVisible((v) => !v)}
        className="eyebrow absolute top-1/2 right-0 -translate-y-1/2 p-2 text-[0.625rem] text-ink-soft hover:text-ink"
      >
        {visible ? 'Hide' : 'Show'}
        <span className="sr-only"> password</span>
      </button>
    </div>
  );
}
