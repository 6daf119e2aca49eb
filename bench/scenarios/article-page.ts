import { defineScenario } from '../scenario.ts';

// A Journal article as a browser asks for it: server-rendered by React Router (the API answer from the editorial
// cache, pieces live from the catalogue's), with the CSP's fresh nonces, compressed. Issue #15: p99 < 50 ms at 4
// connections on the warm cache. Needs the production web build (build/) and the demo Journal (DEMO_DATA).
export default defineScenario({
  name: 'article-page',
  description: 'GET /journal/the-quiet-season — a server-rendered Journal article with its shoppable row, compressed',
  env: { DEMO_DATA: 'true' },
  request: {
    method: 'GET',
    path: '/journal/the-quiet-season',
    headers: {
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br, zstd',
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) StyleByZaga-bench',
    },
  },
  expectStatus: 200,
  thresholds: [{ p99Ms: 50, at: 4 }],
});
