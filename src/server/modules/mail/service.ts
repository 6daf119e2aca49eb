import { desc, sql, type SQL } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../db/client.ts';
import { enqueue, enqueueStatementAlone } from '../../jobs/queue.ts';
import { decrypt, encrypt } from '../../security/crypto.ts';
import type { Keys } from '../../security/keys.ts';
import { devMailbox } from './schema.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /**
   * `db` is the caller's transaction: the mail leaves if and only if the change that sends it commits. With SMTP it
   * becomes a `mail.send` job (the outbox, decision 006); without, a dev-mailbox row in the same transaction.
   */
  send(db: Db, message: MailMessage): Promise<void>;
  /**
   * `send` as a statement for the caller to run inside its own (a data-modifying CTE), only where `when` holds; the
   * caller calls `after` once its statement committed (SMTP: the workers are woken for the outbox job). Absent from
   * mailers that send nothing (seeds).
   */
  statement?(db: Db, message: MailMessage, when: SQL): { statement: SQL; after: () => void };
}

/** Talks to the outside world; created once (composition root) and only ever called outside a transaction. */
export interface MailTransport {
  readonly kind: 'smtp' | 'dev-mailbox';
  /** `messageId` lets receivers drop a redelivery (a job can run twice after a crash). */
  deliver(db: Db, message: MailMessage & { messageId?: string }): Promise<void>;
  close(): Promise<void>;
}

export const MAIL_SEND_JOB = 'mail.send';

/** What a `mail.send` job carries: addresses and bodies encrypted like any personal data at rest (decision 003). */
export interface MailJobPayload {
  toEnc: string;
  subject: string;
  textEnc: string;
  htmlEnc?: string;
}

/** SMTP when SMTP_URL is set; otherwise the dev mailbox that admins read. */
export function createMailTransport(config: { SMTP_URL?: string; MAIL_FROM: string }, keys: Keys): MailTransport {
  if (config.SMTP_URL) {
    const transport = createTransport(config.SMTP_URL);
    return {
      kind: 'smtp',
      deliver: async (_db, { messageId, ...message }) => {
        await transport.sendMail({ from: config.MAIL_FROM, ...message, ...(messageId ? { messageId } : {}) });
      },
      close: async () => transport.close(),
    };
  }
  return {
    kind: 'dev-mailbox',
    deliver: async (db, message) => {
      await db.insert(devMailbox).values(devMailboxRow(keys, message));
    },
    close: async () => undefined,
  };
}

/** A message as the dev mailbox keeps it: addresses and bodies encrypted like any personal data at rest. */
function devMailboxRow(keys: Keys, message: MailMessage) {
  return {
    id: uuidv7(),
    toEnc: encrypt(keys, message.to),
    subject: message.subject,
    textEnc: encrypt(keys, message.text),
    htmlEnc: message.html ? encrypt(keys, message.html) : null,
  };
}

/**
 * The sender every module uses. SMTP is never called here (never inside the writer's transaction): the message is
 * enqueued and the `mail.send` job delivers it. The dev mailbox is a row in our own database, so it is written in
 * the writer's transaction directly: it commits or rolls back with the change, which is all the outbox would give.
 */
export function createMailer(transport: MailTransport, keys: Keys): Mailer {
  if (transport.kind === 'dev-mailbox')
    return {
      send: (db, message) => transport.deliver(db, message),
      statement: (_db, message, when) => {
        const row = devMailboxRow(keys, message);
        return {
          statement: sql`insert into dev_mailbox (id, to_enc, subject, text_enc, html_enc)
            select ${row.id}::uuid, ${row.toEnc}, ${row.subject}, ${row.textEnc}, ${row.htmlEnc}::text where ${when}`,
          after: () => undefined,
        };
      },
    };
  const payloadOf = (message: MailMessage): MailJobPayload => ({
    toEnc: encrypt(keys, message.to),
    subject: message.subject,
    textEnc: encrypt(keys, message.text),
    ...(message.html ? { htmlEnc: encrypt(keys, message.html) } : {}),
  });
  return {
    send: async (db, message) => {
      await enqueue(db, MAIL_SEND_JOB, payloadOf(message));
    },
    statement: (db, message, when) => {
      const { statement, wake } = enqueueStatementAlone(db, MAIL_SEND_JOB, payloadOf(message), when);
      return { statement, after: wake };
    },
  };
}

/** The message a `mail.send` job carries, decrypted for delivery. */
export function mailFromJob(keys: Keys, payload: MailJobPayload): MailMessage {
  return {
    to: decrypt(keys, payload.toEnc),
    subject: payload.subject,
    text: decrypt(keys, payload.textEnc),
    ...(payload.htmlEnc ? { html: decrypt(keys, payload.htmlEnc) } : {}),
  };
}

/** The newest dev-mailbox messages first, decrypted for the admin reading them. */
export async function listDevMail(db: Db, keys: Keys, limit = 50): Promise<Array<MailMessage & { id: string; createdAt: string }>> {
  const rows = await db.select().from(devMailbox).orderBy(desc(devMailbox.createdAt), desc(devMailbox.id)).limit(limit);
  return rows.map((r) => ({
    id: r.id,
    to: decrypt(keys, r.toEnc),
    subject: r.subject,
    text: decrypt(keys, r.textEnc),
    ...(r.htmlEnc ? { html: decrypt(keys, r.htmlEnc) } : {}),
    createdAt: r.createdAt.toISOString(),
  }));
}
