import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { runSeeders } from '../../seed/runner.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { signIn } from '../../test/identity.ts';
import { CLIENTS, HEADLINES, REVIEW_TEXTS } from './seed-data.ts';
import { DEMO_PASSWORD, demoClientEmail, stylistClientsSeeder, stylistsSeeder } from './seed.ts';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ BOOKING_SWEEP_INTERVAL_SECONDS: '0' });
  // The seeders read the configuration like `npm run seed` does: point them at this app's keys.
  process.env.DATA_DIR = app.config.DATA_DIR;
  await runSeeders(app.db, { seed: 2026, seeders: [stylistClientsSeeder, stylistsSeeder] });
}, 240_000);
afterAll(() => app.shutdown());

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(app.db, query))[0]!;

describe('demo stylists', () => {
  it('writes ≥ 40 approved stylists across cities and zones, a few pending review', async () => {
    const counts = await one<{ approved: number; pending: number; zones: number; cities: number }>(
      sql`select count(*) filter (where status = 'APPROVED')::int as approved, count(*) filter (where status = 'PENDING_REVIEW')::int as pending,
                 count(distinct time_zone)::int as zones, count(distinct city)::int as cities from stylists`,
    );
    expect(counts.approved).toBeGreaterThanOrEqual(40);
    expect(counts.pending).toBeGreaterThanOrEqual(3);
    expect(counts.zones).toBeGreaterThanOrEqual(10);
    expect(counts.cities).toBeGreaterThanOrEqual(10);
  });

  it('has services, portfolios, bookings, completed ones with reviews, and consistent rating aggregates', async () => {
    const r = await one<{ services: number; portfolio: number; completed: number; upcoming: number; reviews: number; pending: number }>(
      sql`select (select count(*)::int from stylist_services) as services, (select count(*)::int from stylist_portfolio_items) as portfolio,
                 (select count(*)::int from stylist_bookings where status = 'COMPLETED') as completed,
                 (select count(*)::int from stylist_bookings where status = 'CONFIRMED' and start_at > now()) as upcoming,
                 (select count(*)::int from stylist_reviews) as reviews,
                 (select count(*)::int from booking_requests where status = 'PENDING') as pending`,
    );
    expect(r.services).toBeGreaterThan(80);
    expect(r.portfolio).toBeGreaterThan(120);
    expect(r.completed).toBeGreaterThan(200);
    expect(r.upcoming).toBeGreaterThan(100);
    expect(r.reviews).toBeGreaterThan(50);
    expect(r.pending).toBeGreaterThan(10);
    const mismatch = await one<{ n: number }>(
      sql`select count(*)::int as n from stylists s where s.review_count <> (select count(*) from stylist_reviews r where r.stylist_id = s.id)
            or s.rating_sum <> (select coalesce(sum(rating), 0) from stylist_reviews r where r.stylist_id = s.id)`,
    );
    expect(mismatch.n).toBe(0);
  });

  it('the demo accounts sign in, and the directory, availability and matching work on the data', async () => {
    const stylist = await signIn(app, 'camille.laurent@demo.stylebyzaga.test', DEMO_PASSWORD);
    expect(stylist.userId).toBeDefined();
    const client = await signIn(app, demoClientEmail(CLIENTS[2]), DEMO_PASSWORD);
    const list = (await app.inject({ method: 'GET', url: '/api/v1/stylists?maxResults=50' })).json().stylists;
    expect(list.length).toBeGreaterThanOrEqual(40);
    const paris = list.find((s: { firstName: string }) => s.firstName === 'Camille');
    expect(paris.portraitUrl).toMatch(/^\/media\/generated\/portrait\//);
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const slots = (
      await app.inject({ method: 'GET', url: `/api/v1/stylists/${paris.stylistId}/availability?startDate=${from}&endDate=${to}` })
    ).json().availability;
    expect(slots.some((s: { status: string }) => s.status === 'AVAILABLE')).toBe(true);
    const matches = await app.inject({
      method: 'GET',
      url: `/api/v1/matching/stylists?clientId=${client.userId}&specialties=red-carpet&languages=fr&maxRate=400&currency=EUR`,
      headers: client.auth,
    });
    expect(matches.statusCode, matches.body).toBe(200);
    const top = matches.json().matches;
    expect(top.length).toBeGreaterThan(3);
    expect(top[0].reasons.length).toBeGreaterThan(1);
    expect(top[0].matchScore).toBeGreaterThanOrEqual(top.at(-1).matchScore);
  });

  it('gives the featured clients conversations with their stylists, in order, sealed, with what is new unread', async () => {
    const client = await signIn(app, demoClientEmail(CLIENTS[2]), DEMO_PASSWORD);
    const inbox = await app.inject({ method: 'GET', url: '/api/v1/conversations', headers: client.auth });
    expect(inbox.statusCode, inbox.body).toBe(200);
    const list = inbox.json().conversations as {
      conversationId: string;
      lastMessage: string;
      lastMessageTimestamp: string;
      unreadCount: number;
    }[];
    expect(list.length).toBeGreaterThanOrEqual(3);
    // Latest first, every time in the past, and something new from a stylist waiting.
    const times = list.map((c) => Date.parse(c.lastMessageTimestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Math.max(...times)).toBeLessThan(Date.now());
    expect(list.some((c) => c.unreadCount > 0)).toBe(true);
    const thread = await app.inject({
      method: 'GET',
      url: `/api/v1/messages?userId=${client.userId}&conversationId=${list[0]!.conversationId}`,
      headers: client.auth,
    });
    expect(thread.statusCode, thread.body).toBe(200);
    const messages = thread.json().messages as { seq: number; content: string; card?: { type: string } }[];
    expect(messages.some((m) => m.card?.type === 'BOOKING')).toBe(true);
    expect(messages.some((m) => m.content.length > 20)).toBe(true);
    // At rest: ciphertext only, sequences without gaps, and no reader ahead of the conversation.
    const rest = await one<{ clear: number; gaps: number; ahead: number }>(
      sql`select (select count(*)::int from messages where body_enc ilike '%atelier%' or body_enc ilike '%shoulder%') as clear,
                 (select count(*)::int from conversations c where c.last_seq <> (select count(*) from messages m where m.conversation_id = c.id)) as gaps,
                 (select count(*)::int from conversation_members cm join conversations c on c.id = cm.conversation_id where cm.last_read_seq > c.last_seq) as ahead`,
    );
    expect(rest).toEqual({ clear: 0, gaps: 0, ahead: 0 });
    // A stylist with a request awaiting an answer has it unread.
    const asked = await one<{ unread: number }>(
      sql`select count(*)::int as unread from conversation_members cm join conversations c on c.id = cm.conversation_id
           where cm.role = 'STYLIST' and cm.last_read_seq < c.last_seq`,
    );
    expect(asked.unread).toBeGreaterThan(0);
  });

  it('writes copy that agrees with the data: taglines with specialties, review text with stars', async () => {
    const profiles = await queryRows<{ headline: string; specialties: string[] }>(app.db, sql`select headline, specialties from stylists`);
    const offTopic = profiles.filter(
      (p) => !p.specialties.some((s) => (HEADLINES[s as keyof typeof HEADLINES] ?? []).includes(p.headline)),
    );
    expect(offTopic).toEqual([]);
    // Each specialty has its own taglines, so directory cards do not all read alike.
    expect(new Set(profiles.map((p) => p.headline)).size).toBeGreaterThan(12);
    const reviews = await queryRows<{ rating: 1 | 2 | 3 | 4 | 5; text: string; reply: string | null }>(
      app.db,
      sql`select rating, text, reply from stylist_reviews`,
    );
    expect(new Set(reviews.map((r) => r.rating)).size).toBeGreaterThanOrEqual(3);
    for (const r of reviews) {
      expect(REVIEW_TEXTS[r.rating], r.text).toContain(r.text);
      // Praise without reservation is for five stars; a complaint never comes with four or five.
      if (r.rating < 5) expect(r.text, `${r.rating}★`).toMatch(/though|but|not|slow|late|missed|again/i);
      if (r.rating >= 4) expect(r.text, `${r.rating}★`).not.toMatch(/disappoint|ignored|rushed|slow/i);
      if (r.reply && r.rating <= 3) expect(r.reply).not.toMatch(/pleasure/);
    }
  });
});
