import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../lib/api/client.ts';
import { SessionStore, type AuthResult } from './session-store.ts';

const ORIGIN = 'http://app.test';

function authResult(accessToken: string, expiresIn = 900): AuthResult {
  return {
    accessToken,
    refreshToken: '',
    expiresIn,
    user: {
      userId: '0196b7c2-0000-7000-8000-000000000001',
      email: 'ava@example.com',
      firstName: 'Ava',
      lastName: 'Laurent',
      userType: 'CLIENT',
      tier: 'STANDARD',
      createdAt: '2026-01-01T00:00:00.000Z',
      emailVerified: true,
      mfaEnabled: false,
      mfaEnrollmentRequired: false,
      privacyMode: false,
      alias: 'Client A-7F3K',
    },
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let fetchMock: ReturnType<typeof vi.fn<(request: Request) => Promise<Response>>>;
let store: SessionStore;

beforeEach(() => {
  fetchMock = vi.fn<(request: Request) => Promise<Response>>();
  vi.stubGlobal('fetch', fetchMock);
  // The readable CSRF twin of the httpOnly refresh cookie.
  vi.stubGlobal('document', {
    cookie: 'other=1; sbz_csrf=csrf-123',
    visibilityState: 'visible',
    addEventListener() {},
    removeEventListener() {},
  });
  store = new SessionStore(createApiClient(ORIGIN));
});

afterEach(() => {
  store.stop();
  vi.unstubAllGlobals();
});

describe('SessionStore', () => {
  it('refreshes once for concurrent callers, in cookie mode with the CSRF header', async () => {
    fetchMock.mockImplementation(async () => json(200, authResult('token-1')));
    const results = await Promise.all([store.refresh(), store.refresh(), store.token()]);
    expect(results).toEqual([true, true, 'token-1']);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const request = fetchMock.mock.calls[0]![0];
    expect(request.url).toBe(`${ORIGIN}/api/v1/auth/refresh`);
    expect(request.headers.get('x-auth-mode')).toBe('cookie');
    expect(request.headers.get('x-csrf-token')).toBe('csrf-123');
    expect(store.getSnapshot()).toMatchObject({ status: 'signed-in', user: { firstName: 'Ava' } });
  });

  it('hands out the token it holds until it is close to expiry', async () => {
    store.accept(authResult('token-1'), false);
    await expect(store.token()).resolves.toBe('token-1');
    expect(fetchMock).not.toHaveBeenCalled();

    store.accept(authResult('token-short', 20), false); // expires inside the 30 s margin
    fetchMock.mockResolvedValueOnce(json(200, authResult('token-2')));
    await expect(store.token()).resolves.toBe('token-2');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('without a CSRF cookie there is no session to refresh, and no request is made', async () => {
    vi.stubGlobal('document', { cookie: '', addEventListener() {}, removeEventListener() {} });
    await expect(store.refresh()).resolves.toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(store.getSnapshot()).toEqual({ status: 'signed-out', reason: 'none' });
  });

  it('a refused refresh ends a live session as expired and tells the listeners', async () => {
    const ended = vi.fn();
    store.onSignedOut(ended);
    store.accept(authResult('token-1', 10), false);
    fetchMock.mockResolvedValueOnce(json(401, { code: 'UnauthorizedException', message: 'Your session has ended.' }));
    await expect(store.token()).resolves.toBeNull();
    expect(store.getSnapshot()).toEqual({ status: 'signed-out', reason: 'expired' });
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('a network failure keeps a live session (it tries again later)', async () => {
    store.accept(authResult('token-1'), false);
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    await expect(store.refresh()).resolves.toBe(false);
    expect(store.getSnapshot().status).toBe('signed-in');
  });

  it('signs out on the server with the bearer token, then here', async () => {
    store.accept(authResult('token-1'), false);
    fetchMock.mockResolvedValueOnce(json(200, { success: true }));
    await store.signOut();
    const request = fetchMock.mock.calls[0]![0];
    expect(request.url).toBe(`${ORIGIN}/api/v1/auth/logout`);
    expect(request.headers.get('authorization')).toBe('Bearer token-1');
    expect(store.getSnapshot()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    await expect(store.token()).resolves.toBeNull();
  });

  it('marks a signed-in user as owing MFA enrolment when a route says so', () => {
    store.accept(authResult('token-1'), false);
    store.requireEnrolment();
    expect(store.getSnapshot()).toMatchObject({ status: 'signed-in', user: { mfaEnrollmentRequired: true } });
  });

  it("sends one refresh per browser: a tab queued on the lock behind another tab uses that tab's answer", async () => {
    // Two tabs: a Web Lock shared between them (granted in order, one task later, as browsers do) and the real
    // BroadcastChannel of Node, which delivers between instances of the same name.
    let held: Promise<unknown> = Promise.resolve();
    const locks = {
      request: <T>(_name: string, fn: () => Promise<T>) => {
        const run = held.then(() => new Promise((r) => setTimeout(r, 0))).then(fn);
        held = run.catch(() => undefined);
        return run;
      },
    };
    vi.stubGlobal('window', {});
    vi.stubGlobal('navigator', { locks });
    fetchMock.mockImplementation(async () => json(200, authResult('token-1')));
    const otherTab = new SessionStore(createApiClient(ORIGIN));
    try {
      store.start();
      otherTab.start();
      await Promise.all([store.refresh(), otherTab.refresh()]);
      expect(fetchMock).toHaveBeenCalledTimes(1);
      await expect(otherTab.token()).resolves.toBe('token-1');
      expect(otherTab.getSnapshot()).toMatchObject({ status: 'signed-in' });
    } finally {
      otherTab.stop();
    }
  });
});
