import { useQueryClient } from '@tanstack/react-query';
import { createContext, use, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createAuthedClient, type ApiClient } from '../../lib/api/authed-client.ts';
import { call } from '../../lib/api/problem.ts';
import { tellReaderZone } from './reader-zone.ts';
import { SessionStore, UNKNOWN_SESSION, type AuthResult, type SessionState, type User } from './session-store.ts';

type SessionContextValue = { store: SessionStore; api: ApiClient };

const SessionContext = createContext<SessionContextValue | null>(null);

/** Owns the tab's session; mounted once in root.tsx around the site shell. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [value] = useState<SessionContextValue>(() => {
    const store = new SessionStore();
    return { store, api: createAuthedClient(store) };
  });
  const queryClient = useQueryClient();

  useEffect(() => {
    value.store.start();
    return () => value.store.stop();
  }, [value]);

  // Whatever was cached for this person must not outlive their session in a shared browser.
  useEffect(() => value.store.onSignedOut(() => queryClient.clear()), [value, queryClient]);

  // The person's own zone, for the times in their letters (once per person and zone; see reader-zone.ts).
  useEffect(() => {
    let told: string | null = null;
    return value.store.subscribe(() => {
      const state = value.store.getSnapshot();
      if (state.status !== 'signed-in' || state.user.mfaEnrollmentRequired || told === state.user.userId) return;
      told = state.user.userId;
      void tellReaderZone(value.api, state.user.userId);
    });
  }, [value]);

  return <SessionContext value={value}>{children}</SessionContext>;
}

const noSubscription = () => () => {};

export type Session = SessionState & {
  /** The API client that carries this session's token. */
  api: ApiClient;
  /** Starts the session from a sign-in answer. */
  signIn: (result: AuthResult) => void;
  /** Ends the session on the server and in every tab. */
  signOut: () => Promise<void>;
  /** Forgets the session here when the server has already ended it (account deleted). */
  forget: () => void;
  /** Takes a user the server just returned (after an update). */
  setUser: (user: User) => void;
  /** Reads /me again (after a change made elsewhere, such as a confirmed email). */
  reloadUser: () => Promise<void>;
  /** A valid access token (refreshed first when close to expiry), for the realtime socket. */
  token: () => Promise<string | null>;
};

/** The current session with its actions; pages and forms use this (below <SessionProvider>). */
export function useSession(): Session {
  const context = use(SessionContext);
  const state = useSyncExternalStore(
    context?.store.subscribe ?? noSubscription,
    () => context?.store.getSnapshot() ?? UNKNOWN_SESSION,
    () => UNKNOWN_SESSION,
  );
  return useMemo(() => {
    if (!context) throw new Error('useSession needs <SessionProvider>');
    const { store, api } = context;
    return {
      ...state,
      api,
      signIn: (result) => store.accept(result),
      // This person's notices stop on this device before the session ends (the server needs their token to forget it).
      signOut: async () => {
        // Loaded only now: push's code stays out of every page's first load.
        await import('../notifications/push.ts').then(({ releasePushOnSignOut }) => releasePushOnSignOut(api)).catch(() => undefined);
        await store.signOut();
      },
      forget: () => store.clear('signed-out'),
      setUser: (user) => store.setUser(user),
      reloadUser: async () => {
        const { user } = await call(api.GET('/api/v1/me'));
        store.setUser(user);
      },
      token: () => store.token(),
    } satisfies Session;
  }, [context, state]);
}

/** The session state alone; safe where no provider may exist (the header inside the error boundary). */
export function useSessionState(): SessionState {
  const context = use(SessionContext);
  return useSyncExternalStore(
    context?.store.subscribe ?? noSubscription,
    () => context?.store.getSnapshot() ?? UNKNOWN_SESSION,
    () => UNKNOWN_SESSION,
  );
}

/** The signed-in user; only for components rendered inside <RequireAuth>. */
export function useSignedInUser(): User {
  const session = useSessionState();
  if (session.status !== 'signed-in') throw new Error('useSignedInUser outside <RequireAuth>');
  return session.user;
}
