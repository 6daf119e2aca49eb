/**
 * Where to go after signing in. Only a path on this site is honoured: `//evil.example` or
 * `https://evil.example` would turn the sign-in page into an open redirect.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/account'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (/^\/(sign-in|sign-up|secure-account)(\/|\?|$)/.test(next)) return fallback;
  return next;
}

/** `/sign-in?next=…` for the page the visitor wanted. */
export function signInPath(next?: string): string {
  return next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
}

const HOMES: Record<string, string> = { STYLIST: '/studio', ADMIN: '/admin', BRAND_PARTNER: '/partner', CLIENT: '/account' };

/**
 * Where an account's work is, for a sign-in or an MFA enrolment with nowhere else asked for: a stylist's
 * studio, the house office, the partner area, a client's account (or the quiz answers they gave as a visitor).
 */
export function homeFor(userType: string, quizWaiting = false): string {
  if (userType === 'CLIENT' && quizWaiting) return '/style-quiz';
  return HOMES[userType] ?? '/account';
}
