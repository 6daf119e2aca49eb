import { defineScenario, type RequestSpec } from '../scenario.ts';
import { ensureBenchStylists } from './stylist-availability.ts';

const CLIENT_EMAIL = 'layla.rahman@demo.stylebyzaga.test';
const PASSWORD = 'velvet-orchid-sunrise-47';

// MatchClientWithStylists over 2,000 approved stylists: the in-memory projection scores every stylist on the static factors
// (specialties, style, converted budget, location, languages, Bayesian rating, experience, response rate) and keeps
// the best 30; one prepared statement reads their schedules, windows and bookings, availability in the next 14 days is
// computed best first until nobody further down could make the list, and a second reads the 10 profiles returned.
const QUERIES = [
  'specialties=red-carpet&languages=fr&maxRate=400&currency=EUR&locationPreference=Paris',
  'specialties=bridal,event-styling&maxRate=500&currency=USD&locationPreference=New%20York',
  'specialties=menswear&languages=en&locationPreference=virtual',
  'specialties=personal-shopping&maxRate=2000&currency=AED&locationPreference=Dubai&languages=ar',
  'stylePreferences=minimalist,tailored&maxRate=60000&currency=JPY&locationPreference=Tokyo',
  'specialties=capsule-wardrobe,sustainable-fashion&languages=de&locationPreference=Geneva',
  'specialties=haute-couture&maxRate=300&currency=GBP&locationPreference=London',
  '',
];

export default defineScenario({
  name: 'match-stylists',
  description: 'GET /api/v1/matching/stylists — score 2,000 stylists, availability of the best 30, top 10 with reasons',
  env: { DEMO_DATA: 'false' },
  async setup({ baseUrl, databaseUrl }) {
    await ensureBenchStylists(baseUrl, databaseUrl);
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: CLIENT_EMAIL, password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const { accessToken, user } = (await login.json()) as { accessToken: string; user: { userId: string } };
    const requests: RequestSpec[] = QUERIES.map((q) => ({ path: `/api/v1/matching/stylists?clientId=${user.userId}${q ? `&${q}` : ''}` }));
    return { headers: { authorization: `Bearer ${accessToken}` }, requests };
  },
  requests: [],
  expectStatus: 200,
  thresholds: [{ p95Ms: 40, at: 4 }],
});
