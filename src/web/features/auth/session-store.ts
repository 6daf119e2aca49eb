import { createApiClient } from '../../lib/api/client.ts';
import type { components } from '../../lib/api/schema.d.ts';

export type User = components['schemas']['User'];
export type AuthResult = components['schemas']['AuthenticateUserOutput'];

/**
 * `unknown` while the page is server-rendered or the first silent refresh is under way; pages show a
 * quiet placeholder then, never a sign-in prompt that would flash for a visitor who is in fact signed in.
 */
export type SessionState = { status: 'unknown' } | { status: 'signed-out'; reason: SignedOutReason } | { status: 'signed-in'; user: User };

/** Why there is no session: never was one, the person signed out, or it ended under them. */
export type SignedOutReason = 'none' | 'signed-out' | 'expired';

export const UNKNOWN_SESSION: SessionState = { status: 'unknown' };

/** The refresh cookie is httpOnly; this readable twin (double-submit CSRF) tells us one is probably there. */
const CSRF_COOKIE = 'sbz_csrf';
/** Refresh this long before the access token expires, so no request ever carries a stale one. */
const REFRESH_MARGIN_MS = 60_000;
const LOCK_NAME = 'sbz-session-refresh';
/** What tabs tell each other: a sign-in, a sign-out, or a refresh whose answer the other tabs may use. */
type SessionMessage = 'signed-in' | 'signed-out' | { type: 'refreshed'; result: AuthResult };
const CHANNEL_NAME = 'sbz-session';

function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * Holds the signed-in session for one browser tab. The access token lives only in this object (never in
 * storage); the refresh token is an httpOnly cookie the server scopes to /api/v1/auth and rotates on every
 * use. Refreshes are single-flight within the tab and serialised across tabs with a Web Lock: two tabs
 * presenting the same refresh cookie at once would look like token theft and end the session.
 */
export class SessionStore {
  private state: SessionState = UNKNOWN_SESSION;
  private accessToken: string | null = null;
  private expiresAt = 0;
  /** Refresh answers heard from other tabs: one arriving while this tab waits for the lock makes its own refresh unneeded. */
  private sharedRefreshes = 0;
  private inFlight: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly signedOutListeners = new Set<() => void>();
  private channel: BroadcastChannel | null = null;
  // Refresh and logout are the store's own plumbing: a bare client, so they never loop through the auth middleware.
  private readonly client: ReturnType<typeof createApiClient>;

  /** `client` is for tests, which have no page origin to resolve relative URLs against. */
  constructor(client = createApiClient()) {
    this.client = client;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionState => this.state;

  /** Called when the session ends for any reason, so cached personal data can be dropped with it. */
  onSignedOut(listener: () => void): () => void {
    this.signedOutListeners.add(listener);
    return () => this.signedOutListeners.delete(listener);
  }

  /** Boots the tab's session: one silent refresh when a refresh cookie is likely present. */
  start(): void {
    if (typeof window === 'undefined') return;
    if (typeof BroadcastChannel !== 'undefined' && !this.channel) {
      this.channel = new BroadcastChannel(CHANNEL_NAME);
      this.channel.onmessage = (event: MessageEvent<SessionMessage>) => {
        const message = event.data;
        // Another tab signed out: the server has already ended the session, so drop ours too.
        if (message === 'signed-out') this.clear('signed-out', false);
        // Another tab signed in: the new refresh cookie is ours too.
        if (message === 'signed-in' && this.state.status !== 'signed-in') void this.refresh();
        // Another tab refreshed: its answer serves this tab too, so the browser sends one refresh, not one per tab.
        if (typeof message === 'object' && message?.type === 'refreshed') {
          this.sharedRefreshes++;
          this.accept(message.result, false);
        }
      };
    }
    document.addEventListener('visibilitychange', this.onVisible);
    if (this.state.status === 'unknown') {
      if (readCookie(CSRF_COOKIE)) void this.refresh();
      else this.set({ status: 'signed-out', reason: 'none' });
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.channel?.close();
    this.channel = null;
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.onVisible);
  }

  /** Accepts a sign-in (password, MFA or passkey) or refresh answer. */
  accept(result: AuthResult, announce = true): void {
    this.accessToken = result.accessToken;
    this.expiresAt = Date.now() + result.expiresIn * 1000;
    this.schedule();
    this.set({ status: 'signed-in', user: result.user });
    if (announce) this.channel?.postMessage('signed-in');
  }

  /** Replaces the user after a change the server confirmed (profile, MFA, tier). */
  setUser(user: User): void {
    if (this.state.status === 'signed-in') this.set({ status: 'signed-in', user });
  }

  /** A route answered MFA_ENROLLMENT_REQUIRED (the account became VIP mid-session, say): send the user to enrol. */
  requireEnrolment(): void {
    if (this.state.status === 'signed-in' && !this.state.user.mfaEnrollmentRequired) {
      this.set({ status: 'signed-in', user: { ...this.state.user, mfaEnrollmentRequired: true } });
    }
  }

  /** A valid access token, refreshed first when it is about to expire; null when signed out. */
  async token(): Promise<string | null> {
    if (this.accessToken && this.expiresAt - Date.now() > 30_000) return this.accessToken;
    if (this.state.status === 'signed-out') return null;
    return (await this.refresh()) ? this.accessToken : null;
  }

  /**
   * Rotates the refresh cookie for a new access token. One refresh in flight per browser: callers in this tab
   * share one request, and tabs queue on a Web Lock; a tab that got the lock after another tab's refresh (whose
   * answer reached it over the channel) has a fresh token already and sends nothing.
   */
  refresh(): Promise<boolean> {
    const sharedBefore = this.sharedRefreshes;
    this.inFlight ??= this.withLock(async () => {
      // The other tab's answer is posted before it releases the lock; let that message land before deciding.
      await new Promise((r) => setTimeout(r, 0));
      return this.refreshedSince(sharedBefore) ? true : this.refreshOnce();
    }).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Ends this session on the server (which clears the cookies), then here and in the other tabs. */
  async signOut(): Promise<void> {
    const token = await this.token().catch(() => null);
    if (token) {
      try {
        await this.client.POST('/api/v1/auth/logout', { headers: { authorization: `Bearer ${token}` } });
      } catch {
        // Offline: the session still ends here; the server forgets it when its refresh token expires.
      }
    }
    this.clear('signed-out', true);
  }

  /** Forgets the session locally (the server already ended it: account deleted, password reset…). */
  clear(reason: SignedOutReason, announce = true): void {
    const wasSignedIn = this.state.status === 'signed-in';
    this.accessToken = null;
    this.expiresAt = 0;
    clearTimeout(this.timer);
    this.set({ status: 'signed-out', reason });
    if (wasSignedIn) this.signedOutListeners.forEach((l) => l());
    if (announce) this.channel?.postMessage('signed-out');
  }

  private async refreshOnce(): Promise<boolean> {
    const csrf = readCookie(CSRF_COOKIE);
    if (!csrf) {
      this.clear(this.endedReason(), false);
      return false;
    }
    try {
      const { data, response } = await this.client.POST('/api/v1/auth/refresh', {
        body: null,
        headers: { 'x-auth-mode': 'cookie', 'x-csrf-token': csrf },
      });
      if (data) {
        this.accept(data, false);
        this.channel?.postMessage({ type: 'refreshed', result: data } satisfies SessionMessage);
        return true;
      }
      // 401/403: the session has ended (expired, revoked, reused); anything else may pass, so keep what we have.
      if (response.status === 401 || response.status === 403) {
        this.clear(this.endedReason(), false);
      } else if (this.state.status === 'unknown') {
        this.set({ status: 'signed-out', reason: 'none' });
      }
      return false;
    } catch {
      // Offline or the server restarting: a signed-in tab stays signed in and tries again later.
      if (this.state.status === 'unknown') this.set({ status: 'signed-out', reason: 'none' });
      else this.schedule(30_000);
      return false;
    }
  }

  /** True when another tab's refresh, heard while this one waited for the lock, left a token good for a while. */
  private refreshedSince(sharedBefore: number): boolean {
    return this.sharedRefreshes !== sharedBefore && this.accessToken !== null && this.expiresAt - Date.now() > REFRESH_MARGIN_MS;
  }

  /** A session that was live has expired; a tab that never had one simply has none. */
  private endedReason(): SignedOutReason {
    return this.state.status === 'signed-in' ? 'expired' : this.state.status === 'signed-out' ? this.state.reason : 'none';
  }

  private async withLock<T>(fn: () => Promise<T>): Promise<T> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request(LOCK_NAME, fn) : fn();
  }

  private schedule(delayMs = Math.max(5_000, this.expiresAt - Date.now() - REFRESH_MARGIN_MS)): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  /** Timers sleep with a hidden tab; on return, refresh at once if the token lapsed meanwhile. */
  private onVisible = (): void => {
    if (document.visibilityState === 'visible' && this.state.status === 'signed-in' && this.expiresAt - Date.now() < REFRESH_MARGIN_MS) {
      void this.refresh();
    }
  };

  private set(next: SessionState): void {
    this.state = next;
    this.listeners.forEach((l) => l());
  }
}
