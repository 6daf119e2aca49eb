import { defineScenario } from '../scenario.ts';

// ListContent as the Journal's front page asks for it from a browser (which always offers gzip): the latest published
// pieces (summaries), answered from the editorial cache (dropped on publish across instances), the kept gzip form of
// the kept answer (12 kB of JSON, 2.6 kB on the wire). Issue #15: at least half the bare Fastify ceiling's req/s.
export default defineScenario({
  name: 'list-content',
  description: 'GET /api/v1/content?view=summary&maxResults=13 — the Journal’s latest pieces from the editorial cache, gzip',
  // The catalogue's search index is built before listening, not beside the warm-up on the same core.
  env: { DEMO_DATA: 'true', SEARCH_INDEX: 'wait' },
  request: {
    method: 'GET',
    path: '/api/v1/content?view=summary&maxResults=13',
    headers: { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br, zstd' },
  },
  expectStatus: 200,
  thresholds: [{ minRatio: 0.5, at: 4 }],
});
