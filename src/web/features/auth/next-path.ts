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
