import { defineScenario } from '../scenario.ts';

// The cheapest real route: it measures what every request pays in the platform's shared plumbing
// (request id, helmet headers, compression check, metrics histogram, Zod serializer) against bare Fastify.
export default defineScenario({
  name: 'healthz',
  description: 'GET /api/v1/healthz — the per-request overhead of the platform stack',
  // Demo data plays no part here; skipping the seed keeps start-up quick on a fresh bench database.
  env: { DEMO_DATA: 'false' },
  request: { method: 'GET', path: '/api/v1/healthz' },
  expectStatus: 200,
  thresholds: [{ minRatio: 0.8 }],
});
