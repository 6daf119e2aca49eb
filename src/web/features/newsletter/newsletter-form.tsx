import { useEffect, useRef } from 'react';
import { useFetcher } from 'react-router';
import { buttonClasses } from '../../components/ui/button.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { cn } from '../../lib/cn.ts';
import type { SubscriptionResult } from './subscription.ts';

/**
 * The Letter sign-up on ink. A fetcher posts to /newsletter without leaving
 * the page; with scripts off the same form posts there as a plain document
 * request and that page confirms it.
 */
export function NewsletterForm() {
  const fetcher = useFetcher<SubscriptionResult>();
  const { toast } = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const result = fetcher.data;
  const busy = fetcher.state !== 'idle';
  const error = result && !result.ok ? result.error : undefined;

  useEffect(() => {
    if (result?.ok) {
      toast({ title: 'Welcome to The Letter', description: `We will write to ${result.email} with each new edition.`, tone: 'success' });
      formRef.current?.reset();
    }
  }, [result, toast]);

  return (
    <fetcher.Form ref={formRef} method="post" action="/newsletter" noValidate className="w-full max-w-md">
      <label htmlFor="newsletter-email" className="eyebrow block text-gold-light">
        The Letter
      </label>
      <p id="newsletter-note" className="mt-4 font-display text-2xl leading-snug text-ivory">
        New collections, private previews and notes from our stylists, once a month.
      </p>
      <div className="mt-8 flex items-end gap-4 border-b border-ivory/50 focus-within:border-ivory">
        <input
          id="newsletter-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          placeholder="Your email address"
          aria-describedby={cn('newsletter-note', error && 'newsletter-error')}
          aria-invalid={error ? true : undefined}
          className="min-w-0 flex-1 border-0 bg-transparent py-3 text-ivory placeholder:text-ivory/60 focus-visible:outline-offset-4"
        />
        <button
          type="submit"
          disabled={busy}
          aria-busy={busy || undefined}
          className={buttonClasses({ variant: 'ghost', size: 'sm', className: 'mb-1.5 border-0! text-ivory!' })}
        >
          {busy ? 'Sending' : 'Subscribe'}
        </button>
      </div>
      {error && (
        <p id="newsletter-error" role="alert" className="mt-3 text-sm text-danger-light">
          {error}
        </p>
      )}
    </fetcher.Form>
  );
}
