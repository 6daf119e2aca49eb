import { spawnSync } from 'node:child_process';
import { defineScenario, type RequestSpec } from '../scenario.ts';

// GetStylistAvailability for 30 days on the bench dataset (2,000 stylists with a year of bookings each):
// one primary-key read of the stylist, two range queries (windows, booking blocks) on (stylist_id, start_at)
// indexes, then the pure schedule expansion in the stylist's zone. Requests cycle over 300 stylists.
export default defineScenario({
  name: 'stylist-availability',
  description: 'GET /api/v1/stylists/{id}/availability — 30 days, 2,000 stylists with a year of bookings',
  env: { DEMO_DATA: 'false' },
  async setup({ baseUrl, databaseUrl }) {
    await ensureBenchStylists(baseUrl, databaseUrl);
    const ids = await stylistIds(baseUrl, 300);
    const start = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    const end = new Date(start.getTime() + 30 * 86_400_000);
    const requests: RequestSpec[] = ids.map((id) => ({
      path: `/api/v1/stylists/${id}/availability?startDate=${start.toISOString()}&endDate=${end.toISOString()}`,
    }));
    return { requests };
  },
  requests: [],
  expectStatus: 200,
  thresholds: [{ p95Ms: 15, at: 4 }],
});

/** The bench dataset: `npm run seed -- --only stylists --stylists 2000` into the bench database, once. */
export async function ensureBenchStylists(baseUrl: string, databaseUrl: string): Promise<void> {
  const ids = await stylistIds(baseUrl, 100);
  if (ids.length >= 100) return;
  console.log('Seeding the stylist bench dataset (2,000 stylists, a year of bookings each; a few minutes)…');
  const run = spawnSync('npx', ['tsx', 'scripts/seed-demo.ts', '--only', 'stylists', '--stylists', '2000'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: 'data/bench', LOG_LEVEL: 'warn' },
  });
  if (run.status !== 0) throw new Error('seeding the stylist bench dataset failed');
}

export async function stylistIds(baseUrl: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  while (ids.length < count) {
    const res = await fetch(`${baseUrl}/api/v1/stylists?maxResults=100${token ? `&nextToken=${token}` : ''}`);
    if (res.status !== 200) throw new Error(`listing stylists failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { stylists: { stylistId: string }[]; nextToken?: string };
    ids.push(...body.stylists.map((s) => s.stylistId));
    if (!body.nextToken) break;
    token = body.nextToken;
  }
  return ids.slice(0, count);
}
