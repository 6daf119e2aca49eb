import { randomUUID } from 'node:crypto';
import { defineScenario } from '../scenario.ts';

const PASSWORD = 'velvet-orchid-sunrise-47-atelier';

// An authenticated read: signature check, the session-and-account lookup every authenticated request makes
// (one indexed query), decrypting the email and phone, serializing the user.
export default defineScenario({
  name: 'me',
  description: 'GET /api/v1/me with a bearer token — the cost of an authenticated request',
  env: { DEMO_DATA: 'false', SIGNUP_RATE_LIMIT_PER_HOUR: '1000000' },
  async setup({ baseUrl }) {
    const email = `bench.${randomUUID()}@example.com`;
    const signUp = await fetch(`${baseUrl}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        acceptTerms: true,
        email,
        password: PASSWORD,
        firstName: 'Bench',
        lastName: 'Client',
        phoneNumber: '+33 6 12 34 56 78',
      }),
    });
    if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const { accessToken } = (await login.json()) as { accessToken: string };
    return { headers: { authorization: `Bearer ${accessToken}` } };
  },
  request: { method: 'GET', path: '/api/v1/me' },
  expectStatus: 200,
  thresholds: [{ minRatio: 0.5 }],
});
