import { randomUUID } from 'node:crypto';
import { defineScenario } from '../scenario.ts';

const PASSWORD = 'velvet-orchid-sunrise-47-atelier';

// Password sign-in: throttle check, one argon2id verification (19 MiB, 2 passes — deliberately slow),
// a new session and an EdDSA access token. Reported, not held to a ratio: its cost is the point of argon2.
export default defineScenario({
  name: 'login',
  description: 'POST /api/v1/auth/login — password sign-ins per second (argon2id bound)',
  env: { DEMO_DATA: 'false', SIGNUP_RATE_LIMIT_PER_HOUR: '1000000' },
  async setup({ baseUrl }) {
    const email = `bench.${randomUUID()}@example.com`;
    const res = await fetch(`${baseUrl}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD, firstName: 'Bench', lastName: 'Client' }),
    });
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
    return { requests: [{ method: 'POST', path: '/api/v1/auth/login', body: { email, password: PASSWORD } }] };
  },
  request: { method: 'POST', path: '/api/v1/auth/login', body: {} },
  expectStatus: 200,
  thresholds: [{ minRps: 10, at: 4 }],
});
