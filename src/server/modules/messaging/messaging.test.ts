import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildTestApp, countRows, type TestApp } from '../../test/app.ts';
import { expectConverted, expectSealed } from '../../test/free-text.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { addProduct, setupCatalog, type CatalogFixture } from '../../test/catalog.ts';
import { approvedStylist, parisMorning, requestPayload, type TestStylist } from '../stylists/test-helpers.ts';

let app: TestApp;
let admin: TestAccount;
let client: TestAccount;
let vip: TestAccount;
let stranger: TestAccount;
let stylist: TestStylist;
let otherStylist: TestStylist;
let conversationId: string;

const send = (as: TestAccount, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/v1/messages', headers: as.auth, payload: { senderId: as.userId, ...payload } });
const conversation = (as: TestAccount, id: string, query = '') =>
  app.inject({ method: 'GET', url: `/api/v1/conversations/${id}${query}`, headers: as.auth });

beforeAll(async () => {
  app = await buildTestApp();
  admin = await accountOf(app, 'ADMIN');
  [client, stranger] = [await accountOf(app, 'CLIENT'), await accountOf(app, 'CLIENT')];
  vip = await accountOf(app, 'CLIENT', { vip: true });
  stylist = await approvedStylist(app, admin);
  otherStylist = await approvedStylist(app, admin);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/matching/request',
    headers: client.auth,
    payload: requestPayload(client, stylist, parisMorning(3), { message: 'Looking for a gala look in ivory' }),
  });
  expect(res.statusCode, res.body).toBe(201);
}, 120_000);
afterAll(async () => app?.shutdown());

describe('a booking request opens the conversation', () => {
  it('shows the request as a card with the note, to both sides', async () => {
    const inbox = await app.inject({ method: 'GET', url: '/api/v1/conversations', headers: client.auth });
    expect(inbox.statusCode, inbox.body).toBe(200);
    expect(inbox.json().conversations).toHaveLength(1);
    const c = inbox.json().conversations[0];
    conversationId = c.conversationId;
    expect(c).toMatchObject({
      kind: 'DIRECT',
      lastSeq: 1,
      unreadCount: 0,
      canWrite: true,
      lastMessage: 'Looking for a gala look in ivory',
    });
    expect(c.title).toContain('Ava');

    const studio = (await app.inject({ method: 'GET', url: '/api/v1/conversations', headers: stylist.auth })).json();
    expect(studio.totalUnread).toBe(1);
    expect(studio.conversations[0]).toMatchObject({ conversationId, unreadCount: 1, title: 'Ava L.' });

    const thread = await conversation(stylist, conversationId);
    expect(thread.statusCode, thread.body).toBe(200);
    const [first] = thread.json().messages;
    expect(first).toMatchObject({
      seq: 1,
      senderId: client.userId,
      recipientId: stylist.userId,
      content: 'Looking for a gala look in ivory',
      card: { type: 'BOOKING' },
      status: 'DELIVERED',
    });
  });

  it('stores the body encrypted and its words only as hashes', async () => {
    const rows = await queryRows<{ body_enc: string; search_terms: string[] }>(
      app.db,
      sql`select body_enc, search_terms from messages where conversation_id = ${conversationId}`,
    );
    expect(rows[0]!.body_enc).toMatch(/^v1\./);
    expect(rows[0]!.body_enc).not.toContain('ivory');
    expect(rows[0]!.search_terms.join(' ')).not.toContain('ivory');
    expect(rows[0]!.search_terms.length).toBeGreaterThan(3);
  });
});

describe('sending, reading and unread counts', () => {
  it('sends both ways with consecutive sequence numbers and derived unread counts', async () => {
    const reply = await send(stylist, { recipientId: client.userId, content: 'Bonjour! Ivory silk it is.' });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json()).toMatchObject({ conversationId, seq: 2 });
    // Replying is reading: the stylist has nothing unread.
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/unread', headers: stylist.auth })).json().total).toBe(0);
    const more = await send(stylist, { recipientId: client.userId, conversationId, content: 'Shall we say Thursday?' });
    expect(more.json().seq).toBe(3);
    const unread = (await app.inject({ method: 'GET', url: '/api/v1/me/unread', headers: client.auth })).json();
    expect(unread).toEqual({ total: 2, conversations: [{ conversationId, unreadCount: 2, lastSeq: 3 }] });

    // Read up to message 2: one left; reading never goes backwards.
    const read = await app.inject({
      method: 'PUT',
      url: `/api/v1/messages/${reply.json().messageId}/read`,
      headers: client.auth,
      payload: { userId: client.userId },
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ success: true, readUpTo: 2, unreadCount: 1 });
    const again = await app.inject({
      method: 'PUT',
      url: `/api/v1/conversations/${conversationId}/read`,
      headers: client.auth,
      payload: { seq: 1 },
    });
    expect(again.json()).toEqual({ readUpTo: 2, unreadCount: 1 });

    const thread = (await conversation(stylist, conversationId)).json();
    expect(thread.messages.map((m: { seq: number; status: string }) => [m.seq, m.status])).toEqual([
      [1, 'READ'],
      [2, 'READ'],
      [3, 'SENT'],
    ]);
    // The client's device fetched it: delivered.
    await conversation(client, conversationId);
    expect((await conversation(stylist, conversationId)).json().messages.at(-1).status).toBe('DELIVERED');
  });

  it('pages back through a long conversation and fetches what was missed after a sequence', async () => {
    for (let i = 0; i < 7; i++) expect((await send(client, { recipientId: stylist.userId, content: `note ${i}` })).statusCode).toBe(201);
    const page = (await conversation(client, conversationId, '?maxResults=4')).json();
    expect(page.messages.map((m: { seq: number }) => m.seq)).toEqual([7, 8, 9, 10]);
    const older = (await conversation(client, conversationId, `?maxResults=4&nextToken=${page.nextToken}`)).json();
    expect(older.messages.map((m: { seq: number }) => m.seq)).toEqual([3, 4, 5, 6]);
    const missed = await app.inject({
      method: 'GET',
      url: `/api/v1/messages?userId=${stylist.userId}&conversationId=${conversationId}&afterSeq=8`,
      headers: stylist.auth,
    });
    expect(missed.statusCode, missed.body).toBe(200);
    expect(missed.json().messages.map((m: { seq: number; content: string }) => [m.seq, m.content])).toEqual([
      [9, 'note 5'],
      [10, 'note 6'],
    ]);
  });

  it('edits within the window, deletes for everyone as a tombstone, and replies to a message', async () => {
    const sent = (await send(client, { recipientId: stylist.userId, content: 'Tursday at 10?' })).json();
    const edited = await app.inject({
      method: 'PATCH',
      url: `/api/v1/messages/${sent.messageId}`,
      headers: client.auth,
      payload: { content: 'Thursday at 10?' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ content: 'Thursday at 10?', seq: sent.seq });
    expect(edited.json().editedAt).toBeDefined();
    const notMine = await app.inject({
      method: 'PATCH',
      url: `/api/v1/messages/${sent.messageId}`,
      headers: stylist.auth,
      payload: { content: 'hijacked' },
    });
    expect(notMine.statusCode).toBe(403);
    const reply = await send(stylist, { recipientId: client.userId, content: 'Perfect.', replyToId: sent.messageId });
    expect(reply.json().message.replyTo).toMatchObject({ messageId: sent.messageId, excerpt: 'Thursday at 10?' });
    const deleted = await app.inject({ method: 'DELETE', url: `/api/v1/messages/${sent.messageId}`, headers: client.auth });
    expect(deleted.json()).toMatchObject({ deleted: true, content: '', seq: sent.seq });
    const [row] = await queryRows<{ body_enc: string | null }>(app.db, sql`select body_enc from messages where id = ${sent.messageId}`);
    expect(row!.body_enc).toBeNull();
  });

  it('searches one’s own conversations by words, never another’s', async () => {
    const found = await app.inject({ method: 'GET', url: `/api/v1/messages?userId=${client.userId}&search=IVORY`, headers: client.auth });
    expect(found.statusCode, found.body).toBe(200);
    expect(
      found
        .json()
        .messages.map((m: { content: string }) => m.content)
        .sort(),
    ).toEqual(['Bonjour! Ivory silk it is.', 'Looking for a gala look in ivory']);
    const byName = (await app.inject({ method: 'GET', url: '/api/v1/conversations?search=gala', headers: stylist.auth })).json();
    expect(byName.conversations).toHaveLength(1);
    const none = (
      await app.inject({ method: 'GET', url: `/api/v1/messages?userId=${stranger.userId}&search=ivory`, headers: stranger.auth })
    ).json();
    expect(none.messages).toEqual([]);
  });
});

describe('who may write to whom, and bad input', () => {
  async function nothingWritten<T>(fn: () => Promise<T>): Promise<T> {
    const before = [
      await countRows(app.db, 'messages'),
      await countRows(app.db, 'conversations'),
      await countRows(app.db, 'conversation_members'),
    ];
    const out = await fn();
    expect([
      await countRows(app.db, 'messages'),
      await countRows(app.db, 'conversations'),
      await countRows(app.db, 'conversation_members'),
    ]).toEqual(before);
    return out;
  }

  it('refuses a cold message to a stylist, and a stylist writing to a client who never engaged', async () => {
    const cold = await nothingWritten(() => send(client, { recipientId: otherStylist.userId, content: 'Hello there' }));
    expect(cold.statusCode).toBe(403);
    expect(cold.json().fieldErrors['body.recipientId']).toBeDefined();
    const pitch = await nothingWritten(() => send(otherStylist, { recipientId: stranger.userId, content: 'Book me' }));
    expect(pitch.statusCode).toBe(403);
    const peer = await nothingWritten(() => send(client, { recipientId: stranger.userId, content: 'hi' }));
    expect(peer.statusCode).toBe(403);
  });

  it('answers 4xx naming the field for unknown recipients, impersonation, empty, oversized and too many attachments', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ recipientId: '01900000-0000-7000-8000-000000000000', content: 'hi' }, 404, 'body.recipientId'],
      [{ recipientId: stylist.userId, content: 'hi', senderId: stylist.userId }, 403, 'body.senderId'],
      [{ recipientId: stylist.userId, content: '   ' }, 400, 'body.content'],
      [{ recipientId: stylist.userId, content: 'x'.repeat(60_000) }, 400, 'body.content'],
      [
        {
          recipientId: stylist.userId,
          content: 'hi',
          attachments: Array.from({ length: 11 }, () => ({ attachmentId: '01900000-0000-7000-8000-000000000001' })),
        },
        400,
        'body.attachments',
      ],
      [
        { recipientId: stylist.userId, content: 'hi', attachments: [{ attachmentId: '01900000-0000-7000-8000-000000000001' }] },
        400,
        'body.attachments',
      ],
      // Naming the conversation takes the send's fast path (the append statement's guard): the same answers.
      [{ recipientId: otherStylist.userId, conversationId, content: 'wrong side' }, 400, 'body.recipientId'],
      [{ recipientId: client.userId, conversationId, content: 'to myself' }, 400, 'body.recipientId'],
      [{ recipientId: `house:${otherStylist.userId}`, conversationId, content: 'not a house' }, 400, 'body.recipientId'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await nothingWritten(() => send(client, payload));
      expect(res.statusCode, `${JSON.stringify(payload).slice(0, 80)} → ${res.body}`).toBe(status);
      expect(Object.keys(res.json().fieldErrors ?? {}), res.body).toContain(field);
    }
  });

  it('hides a conversation of others and refuses marking others’ messages read', async () => {
    expect((await conversation(stranger, conversationId)).statusCode).toBe(404);
    const intrude = await nothingWritten(() => send(stranger, { recipientId: stylist.userId, conversationId, content: 'let me in' }));
    expect(intrude.statusCode).toBe(404);
    const [m] = await queryRows<{ id: string }>(app.db, sql`select id from messages where conversation_id = ${conversationId} and seq = 3`);
    const before = await queryRows<{ r: number }>(
      app.db,
      sql`select last_read_seq as r from conversation_members where conversation_id = ${conversationId} and user_id = ${client.userId}`,
    );
    const asOther = await app.inject({
      method: 'PUT',
      url: `/api/v1/messages/${m!.id}/read`,
      headers: stylist.auth,
      payload: { userId: client.userId },
    });
    expect(asOther.statusCode).toBe(403);
    expect(asOther.json().fieldErrors['body.userId']).toBeDefined();
    const byStranger = await app.inject({
      method: 'PUT',
      url: `/api/v1/messages/${m!.id}/read`,
      headers: stranger.auth,
      payload: { userId: stranger.userId },
    });
    expect(byStranger.statusCode).toBe(404);
    expect(
      await queryRows(
        app.db,
        sql`select last_read_seq as r from conversation_members where conversation_id = ${conversationId} and user_id = ${client.userId}`,
      ),
    ).toEqual(before);
    const readOthers = await app.inject({ method: 'GET', url: `/api/v1/messages?userId=${client.userId}`, headers: stranger.auth });
    expect(readOthers.statusCode).toBe(403);
  });

  it('refuses an SVG or HTML file dressed up as a picture, by its bytes', async () => {
    for (const [name, body] of [
      ['look.jpg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'],
      ['look.png', '<!doctype html><script>alert(1)</script>'],
    ]) {
      const boundary = '----sbz';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n${body}\r\n--${boundary}--\r\n`;
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/attachments`,
        headers: { ...client.auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      expect(res.statusCode, res.body).toBe(415);
      expect(res.json().fieldErrors['body.file']).toBeDefined();
    }
    expect(await countRows(app.db, 'message_attachments')).toBe(0);
  });

  it('sends a photo with a small preview, found again by has-attachment and date', async () => {
    const photo = await sharp({ create: { width: 1200, height: 800, background: { r: 236, g: 226, b: 208 }, channels: 3 } })
      .jpeg()
      .toBuffer();
    const boundary = '----sbzphoto';
    const upload = await app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/attachments`,
      headers: { ...client.auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gown.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        photo,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const sent = await send(client, {
      recipientId: stylist.userId,
      conversationId,
      content: 'The gown from the fitting',
      attachments: [{ attachmentId: upload.json().attachmentId }],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const [attachment] = sent.json().message.attachments;
    expect(attachment).toMatchObject({ type: 'IMAGE', thumbnailUrl: expect.stringContaining('/thumb?') });
    const thumb = await app.inject({ method: 'GET', url: attachment.thumbnailUrl });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(thumb.rawPayload).metadata()).width).toBeLessThanOrEqual(320);

    const search = (query: string) =>
      app.inject({ method: 'GET', url: `/api/v1/messages?userId=${stylist.userId}&${query}`, headers: stylist.auth }).then((r) => r.json());
    const withFiles = await search('hasAttachment=true');
    expect(withFiles.messages.map((m: { messageId: string }) => m.messageId)).toEqual([sent.json().messageId]);
    const today = new Date(Date.now() - 60_000).toISOString();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect((await search(`hasAttachment=true&startDate=${today}&endDate=${tomorrow}`)).messages).toHaveLength(1);
    expect((await search(`hasAttachment=true&startDate=${tomorrow}`)).messages).toHaveLength(0);
    expect((await search(`hasAttachment=true&search=gown&conversationId=${conversationId}`)).messages).toHaveLength(1);
  });

  it('lets a client block the stylist, who can then no longer write', async () => {
    const block = await app.inject({
      method: 'PUT',
      url: `/api/v1/conversations/${conversationId}/block`,
      headers: client.auth,
      payload: { blocked: true },
    });
    expect(block.statusCode, block.body).toBe(200);
    const refused = await nothingWritten(() => send(stylist, { recipientId: client.userId, content: 'Still there?' }));
    expect(refused.statusCode).toBe(403);
    // Naming the conversation takes the fast path: its guard refuses alike, and nothing is written.
    const named = await nothingWritten(() => send(stylist, { recipientId: client.userId, conversationId, content: 'Still there?' }));
    expect(named.statusCode, named.body).toBe(403);
    expect(named.json().message).toBe('You can no longer write in this conversation');
    expect((await conversation(stylist, conversationId)).json().conversation.canWrite).toBe(false);
    await app.inject({
      method: 'PUT',
      url: `/api/v1/conversations/${conversationId}/block`,
      headers: client.auth,
      payload: { blocked: false },
    });
    expect((await send(stylist, { recipientId: client.userId, content: 'Still there?' })).statusCode).toBe(201);
    expect((await send(stylist, { recipientId: client.userId, conversationId, content: 'Hello again' })).statusCode).toBe(201);
  });

  it('refuses writing into a conversation archived under the retention policy, on both paths', async () => {
    await app.db.execute(sql`update conversations set purged_at = now() where id = ${conversationId}`);
    try {
      for (const payload of [{ recipientId: stylist.userId }, { recipientId: stylist.userId, conversationId }]) {
        const res = await nothingWritten(() => send(client, { ...payload, content: 'Anyone?' }));
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().message).toBe('This conversation was archived under the retention policy');
      }
    } finally {
      await app.db.execute(sql`update conversations set purged_at = null where id = ${conversationId}`);
    }
  });
});

describe('privacy', () => {
  it('shows a VIP client in privacy mode to the stylist by alias only, until they share', async () => {
    const on = await app.inject({ method: 'PUT', url: '/api/v1/me/privacy', headers: vip.auth, payload: { privacyMode: true } });
    expect(on.statusCode, on.body).toBe(200);
    const alias = on.json().alias as string;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/matching/request',
      headers: vip.auth,
      payload: requestPayload(vip, stylist, parisMorning(4)),
    });
    expect(res.statusCode, res.body).toBe(201);
    const inbox = (await app.inject({ method: 'GET', url: '/api/v1/conversations', headers: stylist.auth })).json();
    const vipConv = inbox.conversations.find((c: { title: string }) => c.title === alias);
    expect(vipConv).toBeDefined();
    const seenClient = vipConv.members.find((m: { role: string }) => m.role === 'CLIENT');
    expect(seenClient).toMatchObject({ displayName: alias, isAlias: true });
    const thread = await app.inject({ method: 'GET', url: `/api/v1/conversations/${vipConv.conversationId}`, headers: stylist.auth });
    expect(JSON.stringify(thread.json().conversation.members.filter((m: { role: string }) => m.role === 'CLIENT'))).not.toContain(
      'Laurent',
    );
    const share = await app.inject({
      method: 'POST',
      url: '/api/v1/me/privacy/shares',
      headers: vip.auth,
      payload: { userId: stylist.userId },
    });
    expect(share.statusCode, share.body).toBeLessThan(300);
    const after = (
      await app.inject({ method: 'GET', url: `/api/v1/conversations/${vipConv.conversationId}`, headers: stylist.auth })
    ).json();
    expect(after.conversation.title).toBe('Ava Laurent');
  });
});

describe('houses: every enquiry is a conversation', () => {
  let f: CatalogFixture;
  let productId: string;
  it('opens a conversation with the house, answered by its partner, and notifies the client', async () => {
    f = await setupCatalog(app);
    ({ productId } = await addProduct(app, f.admin, { name: 'Classic Flap Bag', brand: 'chanel', category: 'bags' }));
    const asked = await app.inject({
      method: 'POST',
      url: `/api/v1/products/${productId}/inquiries`,
      headers: f.client.auth,
      payload: { message: 'Is it available in navy?', preferredContact: 'EMAIL' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const mine = (await app.inject({ method: 'GET', url: '/api/v1/conversations', headers: f.client.auth })).json();
    expect(mine.conversations[0]).toMatchObject({
      kind: 'HOUSE',
      title: 'Chanel · Classic Flap Bag',
      lastMessage: 'Is it available in navy?',
    });
    const convId = mine.conversations[0].conversationId;
    const house = (await app.inject({ method: 'GET', url: '/api/v1/conversations', headers: f.partner.auth })).json();
    expect(house.conversations.map((c: { conversationId: string }) => c.conversationId)).toEqual([convId]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/conversations', headers: f.otherPartner.auth })).json().conversations).toEqual(
      [],
    );
    expect((await conversation(f.otherPartner, convId)).statusCode).toBe(404);

    const answer = await app.inject({
      method: 'POST',
      url: `/api/v1/inquiries/${asked.json().inquiryId}/answer`,
      headers: f.partner.auth,
      payload: { answer: 'Yes, in navy lambskin; shall we reserve it?' },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const thread = (await conversation(f.client, convId)).json();
    expect(thread.messages.map((m: { content: string; senderId: string }) => [m.senderId, m.content])).toEqual([
      [f.client.userId, 'Is it available in navy?'],
      [f.partner.userId, 'Yes, in navy lambskin; shall we reserve it?'],
    ]);
    expect(thread.messages[0].card).toMatchObject({ type: 'PRODUCT', productId, name: 'Classic Flap Bag' });
    const centre = (await app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: f.client.auth })).json();
    // The enquiry's confirmation (#12, 'enquiry.received') and the answer, newest first.
    expect(centre.unread).toBe(2);
    expect(centre.notifications.map((n: { kind: string }) => n.kind)).toEqual(['enquiry.answered', 'enquiry.received']);
    expect(centre.notifications[0]).toMatchObject({
      kind: 'enquiry.answered',
      title: 'Chanel answered your enquiry',
      link: `/account/messages/${convId}`,
    });

    // The client writes back to the house; the house office sees it too.
    const back = await send(f.client, {
      recipientId: `house:${f.brands.chanel}`,
      conversationId: convId,
      content: 'Yes please, until Saturday.',
    });
    expect(back.statusCode, back.body).toBe(201);
    const office = (await app.inject({ method: 'GET', url: '/api/v1/conversations', headers: f.admin.auth })).json();
    expect(office.conversations.map((c: { conversationId: string }) => c.conversationId)).toContain(convId);
  });

  it('answers the enquiry when the house writes in its conversation, shown answered in the inquiry inbox', async () => {
    const asked = await app.inject({
      method: 'POST',
      url: `/api/v1/products/${productId}/inquiries`,
      headers: f.client.auth,
      payload: { message: 'Could I see it in person?', preferredContact: 'MESSAGE' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const inquiryId = asked.json().inquiryId;
    const convId = (await app.inject({ method: 'GET', url: '/api/v1/conversations', headers: f.admin.auth }))
      .json()
      .conversations.find((c: { inquiryId?: string }) => c.inquiryId === inquiryId).conversationId;
    const answered = await send(f.admin, {
      recipientId: f.client.userId,
      conversationId: convId,
      content: 'The salon can receive you on Tuesday at eleven.',
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const inbox = (await app.inject({ method: 'GET', url: '/api/v1/inquiries?status=ANSWERED', headers: f.partner.auth })).json();
    expect(inbox.inquiries.find((i: { inquiryId: string }) => i.inquiryId === inquiryId)).toMatchObject({
      status: 'ANSWERED',
      answer: 'The salon can receive you on Tuesday at eleven.',
    });
    // Stored sealed like an answer from the inbox (#11.11).
    await expectSealed(app, { table: 'product_inquiries', column: 'answer' }, inquiryId, 'Tuesday');
  });

  it('shares a catalogue piece as a card', async () => {
    const shared = await send(stylist, { recipientId: client.userId, content: '', card: { type: 'PRODUCT', productId } });
    expect(shared.statusCode, shared.body).toBe(201);
    expect(shared.json().message.card).toMatchObject({
      type: 'PRODUCT',
      name: 'Classic Flap Bag',
      brandName: 'Chanel',
      href: expect.stringContaining('/products/'),
    });
  });
});

describe('reports', () => {
  const NOTE = 'Called the client, Mrs Harrow, on +44 20 7946 0958: she confirmed the stylist pressed her on prices.';
  it('lets a participant report a message and the house office review it', async () => {
    const [m] = await queryRows<{ id: string }>(
      app.db,
      sql`select id from messages where conversation_id = ${conversationId} and sender_id = ${stylist.userId} order by seq desc limit 1`,
    );
    const report = await app.inject({
      method: 'POST',
      url: `/api/v1/messages/${m!.id}/report`,
      headers: client.auth,
      payload: { reason: 'Pushy about prices' },
    });
    expect(report.statusCode, report.body).toBe(201);
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/messages/${m!.id}/report`, headers: stranger.auth, payload: { reason: 'nosy' } }))
        .statusCode,
    ).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/message-reports', headers: client.auth })).statusCode).toBe(403);
    const list = (await app.inject({ method: 'GET', url: '/api/v1/admin/message-reports?status=OPEN', headers: admin.auth })).json();
    expect(list.reports[0]).toMatchObject({
      messageId: m!.id,
      reason: 'Pushy about prices',
      status: 'OPEN',
      reporterName: 'Ava Laurent',
      senderName: expect.stringContaining(' '),
    });
    const reviewed = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/message-reports/${report.json().reportId}/review`,
      headers: admin.auth,
      payload: { status: 'ACTIONED', deleteMessage: true, note: NOTE },
    });
    expect(reviewed.json()).toMatchObject({ status: 'ACTIONED', content: '', reviewNote: NOTE });
    const closed = (await app.inject({ method: 'GET', url: '/api/v1/admin/message-reports?status=ACTIONED', headers: admin.auth })).json();
    expect(closed.reports[0]).toMatchObject({ reportId: report.json().reportId, reviewNote: NOTE });
    const thread = (await conversation(client, conversationId)).json();
    expect(thread.messages.find((x: { messageId: string }) => x.messageId === m!.id)).toMatchObject({ deleted: true, content: '' });
    // The review note is stored encrypted (#11.11), old clear rows are converted, and it reads the same.
    const reportId = report.json().reportId as string;
    await expectSealed(app, { table: 'message_reports', column: 'review_note' }, reportId, 'Harrow');
    await expectConverted(app, { table: 'message_reports', column: 'review_note' }, reportId, NOTE);
    const listed = (await app.inject({ method: 'GET', url: '/api/v1/admin/message-reports', headers: admin.auth })).json();
    expect(listed.reports.find((r: { reportId: string }) => r.reportId === reportId).reviewNote).toBe(NOTE);
  });
});

describe('retries', () => {
  it('answers a retried send with the same Idempotency-Key once, without a second message', async () => {
    const before = await countRows(app.db, 'messages');
    const headers = { ...client.auth, 'idempotency-key': 'msg-retry-0001-abcdef' };
    const payload = { senderId: client.userId, recipientId: stylist.userId, conversationId, content: 'Sent twice, stored once' };
    const first = await app.inject({ method: 'POST', url: '/api/v1/messages', headers, payload });
    const again = await app.inject({ method: 'POST', url: '/api/v1/messages', headers, payload });
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().messageId).toBe(first.json().messageId);
    expect(await countRows(app.db, 'messages')).toBe(before + 1);
  });
});
