/** Result of a sign-up to The Letter, shared by the action and the forms that show it. */
export type SubscriptionResult = { ok: true; email: string } | { ok: false; error: string };

// Deliberately loose: the address is confirmed by the mail that follows, not by a pattern.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks the submitted form; the one rule a person can get wrong is the address. */
export function readSubscription(form: FormData): SubscriptionResult {
  const email = String(form.get('email') ?? '').trim();
  if (!email) return { ok: false, error: 'Please enter your email address.' };
  if (email.length > 254 || !EMAIL.test(email)) return { ok: false, error: 'That email address does not look complete.' };
  return { ok: true, email };
}
