/**
 * The unread digest sends each reader to their own inbox: a house's enquiry is answered by its partner (partner area)
 * or by house-office staff (the house office), and both are HOUSE members of the conversation, so the link follows the
 * reader's account, never their role in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import type { TestAccount } from '../../test/identity.ts';
import { addProduct, setupCatalog, type CatalogFixture } from '../../test/catalog.ts';
import { messagingJobs } from './jobs.ts';
import { DIGEST_JOB } from './service.ts';

let app: TestApp;
let f: CatalogFixture;
beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_URL: 'https://stylebyzaga.test' });
  f = await setupCatalog(app);
}, 90_000);
afterAll(() => app.shutdown());

const digest = messagingJobs.find((j) => j.name === DIGEST_JOB)!;

/** The texts of the dev mailbox's messages to `email`, as the house office reads them. */
async function mailTo(email: string): Promise<string[]> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/admin/dev-mailbox', headers: f.admin.auth });
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json()
    .messages.filter((m: { to: string; subject: string }) => m.to === email && /unread message/.test(m.subject))
    .map((m: { text: string }) => m.text);
}

describe('the unread digest', () => {
  it('links the house office to /admin/messages, a partner to /partner/messages and the client to /account/messages', async () => {
    const { productId } = await addProduct(app, f.admin, { name: 'Digest Flap Bag', brand: 'chanel', category: 'bags' });
    const asked = await app.inject({
      method: 'POST',
      url: `/api/v1/products/${productId}/inquiries`,
      headers: f.client.auth,
      payload: { message: 'Is it available in navy?', preferredContact: 'EMAIL' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const inquiryId = asked.json().inquiryId;
    // The house office answers first, then the partner: both are now the house's voices in the conversation.
    for (const [who, answer] of [
      [f.admin, 'Yes, in navy lambskin.'],
      [f.partner, 'Shall we reserve it for you?'],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/inquiries/${inquiryId}/answer`,
        headers: who.auth,
        payload: { answer },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const conversationId = (await app.inject({ method: 'GET', url: '/api/v1/conversations', headers: f.client.auth })).json()
      .conversations[0].conversationId;
    const sent = await app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: f.client.auth,
      payload: { senderId: f.client.userId, recipientId: `house:${f.brands.chanel}`, conversationId, content: 'Yes please, until Friday.' },
    });
    expect(sent.statusCode, sent.body).toBeLessThan(300);

    const digestLink = async (who: TestAccount): Promise<string> => {
      await digest.handle(app.ctx, { userId: who.userId }, { id: 'test', attempt: 1, db: app.db });
      const texts = await mailTo(who.email);
      expect(texts, who.email).toHaveLength(1);
      return /Read (?:it|them): (\S+)/.exec(texts[0]!)?.[1] ?? texts[0]!;
    };
    expect(await digestLink(f.admin)).toBe('https://stylebyzaga.test/admin/messages');
    expect(await digestLink(f.partner)).toBe('https://stylebyzaga.test/partner/messages');
    // The client has read everything she answered; the house writes again.
    const reply = await app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: f.partner.auth,
      payload: { senderId: f.partner.userId, recipientId: f.client.userId, conversationId, content: 'Reserved until Friday.' },
    });
    expect(reply.statusCode, reply.body).toBeLessThan(300);
    expect(await digestLink(f.client)).toBe('https://stylebyzaga.test/account/messages');
  });
});
