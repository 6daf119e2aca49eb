import { desc } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../db/client.ts';
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
  /** `db` is the caller's (maybe a transaction), so a dev-mailbox row commits with the change that sent it. */
  send(db: Db, message: MailMessage): Promise<void>;
}

/** SMTP when SMTP_URL is set; otherwise mail lands, encrypted, in the dev mailbox that admins can read. */
export function createMailer(config: { SMTP_URL?: string; MAIL_FROM: string }, keys: Keys): Mailer {
  if (config.SMTP_URL) {
    const transport = createTransport(config.SMTP_URL);
    return {
      send: async (_db, message) => {
        await transport.sendMail({ from: config.MAIL_FROM, ...message });
      },
    };
  }
  return {
    send: async (db, message) => {
      await db.insert(devMailbox).values({
        id: uuidv7(),
        toEnc: encrypt(keys, message.to),
        subject: message.subject,
        textEnc: encrypt(keys, message.text),
        htmlEnc: message.html ? encrypt(keys, message.html) : null,
      });
    },
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
