import { defineScenario } from '../scenario.ts';

// ListContent as the Journal's front page asks for it: the latest published pieces (summaries), answered from the
// editorial cache (dropped on publish across instances). Issue #15: at least half the bare Fastify ceiling's req/s.
export default defineScenario({
  name: 'list-content',
  description: 'GET /api/v1/content?view=summary&maxResults=13 — the Journal’s latest pieces from the editorial cache',
  env: { DEMO_DATA: 'true' },
  request: { method: 'GET', path: '/api/v1/content?view=summary&maxResults=13', headers: { accept: 'application/json' } },
  expectStatus: 200,
  thresholds: [{ minRatio: 0.5, at: 4 }],
});
