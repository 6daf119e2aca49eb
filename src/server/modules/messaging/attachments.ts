/**
 * Attachments of messages: images (checked by their bytes and re-encoded by the media pipeline, which drops EXIF and
 * GPS) and PDFs (checked by their bytes). Stored privately and encrypted (AES-256-GCM) in the upload store, never under
 * the public /media path; served only through short-lived signed links handed to participants, with `nosniff`, a
 * sandboxing CSP and `Content-Disposition: attachment` for documents.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { openText, safeEqual, sealText } from '../../security/crypto.ts';
import type { Keys } from '../../security/keys.ts';
import { processUpload, sniffImage } from '../media/service.ts';
import { MAX_ATTACHMENTS, type Attachment } from './models.ts';
import { messageAttachments } from './schema.ts';

export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;
const LINK_TTL_SECONDS = 300;
const API = '/api/v1';

type Variant = 'full' | 'thumb' | 'file';

function seal(keys: Keys, bytes: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  return Buffer.concat([Buffer.from('A1'), iv, cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
}

function unseal(keys: Keys, stored: Buffer): Buffer {
  if (stored.toString('latin1', 0, 2) !== 'A1') throw new Error('Unreadable attachment');
  const iv = stored.subarray(2, 14);
  const tag = stored.subarray(stored.length - 16);
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(stored.subarray(14, stored.length - 16)), decipher.final()]);
}

const keyOf = (id: string, variant: Variant) => `private/attachments/${id}/${variant}`;
const isPdf = (bytes: Buffer) => bytes.length > 8 && bytes.toString('latin1', 0, 5) === '%PDF-';

function refuseFile(code: 'ValidationException' | 'UnsupportedMediaTypeException' | 'PayloadTooLargeException', message: string): never {
  throw new ApiError(code, message, { fieldErrors: { 'body.file': [message] } });
}

/** Stores one file for a conversation the caller is in; it joins a message when that message names it. */
export async function uploadAttachment(
  ctx: AppContext,
  uploaderId: string,
  conversationId: string,
  file: { bytes: Buffer; filename: string },
): Promise<Attachment> {
  const { bytes } = file;
  if (bytes.length === 0) refuseFile('ValidationException', 'The file is empty');
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    refuseFile('PayloadTooLargeException', `Attachments may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
  const id = uuidv7();
  const name = file.filename.replace(/[\\/\0\r\n"]/g, '_').slice(0, 200) || 'attachment';
  const store = ctx.adapters.uploads;
  let row: typeof messageAttachments.$inferInsert;
  if (sniffImage(bytes)) {
    const processed = await processUpload(bytes);
    const pick = (max: number) =>
      processed.renditions.filter((r) => r.format === 'jpg' && r.width <= max).at(-1) ??
      processed.renditions.find((r) => r.format === 'jpg')!;
    const full = pick(1280);
    const thumb = pick(320);
    await store.put(keyOf(id, 'full'), seal(ctx.keys, full.body), 'application/octet-stream');
    await store.put(keyOf(id, 'thumb'), seal(ctx.keys, thumb.body), 'application/octet-stream');
    row = {
      id,
      conversationId,
      uploaderId,
      kind: 'IMAGE',
      mimeType: 'image/jpeg',
      nameEnc: sealText(ctx.keys, name.replace(/\.[A-Za-z0-9]{1,5}$/, '') + '.jpg')!,
      size: full.body.length,
      width: processed.width,
      height: processed.height,
      storageKey: keyOf(id, 'full'),
    };
  } else if (isPdf(bytes)) {
    await store.put(keyOf(id, 'file'), seal(ctx.keys, bytes), 'application/octet-stream');
    row = {
      id,
      conversationId,
      uploaderId,
      kind: 'DOCUMENT',
      mimeType: 'application/pdf',
      nameEnc: sealText(ctx.keys, name.endsWith('.pdf') ? name : `${name}.pdf`)!,
      size: bytes.length,
      storageKey: keyOf(id, 'file'),
    };
  } else {
    // SVG, HTML or anything else dressed up as a picture: refused by what the bytes are, whatever the name says.
    refuseFile('UnsupportedMediaTypeException', 'Attach JPEG, PNG, WebP or AVIF pictures, or PDF documents');
  }
  await ctx.db.insert(messageAttachments).values(row);
  return (await attachmentsById(ctx, ctx.db, [id]))[0]!;
}

/** Joins uploaded files to a message: each must be the sender's, of this conversation, and not yet used. */
export async function claimAttachments(
  tx: Db,
  conversationId: string,
  messageId: string,
  uploaderId: string,
  ids: string[],
): Promise<void> {
  if (ids.length > MAX_ATTACHMENTS)
    throw new ApiError('ValidationException', `At most ${MAX_ATTACHMENTS} attachments`, {
      fieldErrors: { 'body.attachments': [`At most ${MAX_ATTACHMENTS} attachments`] },
    });
  const claimed = await tx
    .update(messageAttachments)
    .set({ messageId })
    .where(
      and(
        inArray(messageAttachments.id, ids),
        eq(messageAttachments.conversationId, conversationId),
        eq(messageAttachments.uploaderId, uploaderId),
        isNull(messageAttachments.messageId),
      ),
    )
    .returning({ id: messageAttachments.id });
  if (claimed.length !== ids.length) {
    throw new ApiError('ValidationException', 'Attach files you uploaded to this conversation, once each', {
      fieldErrors: { 'body.attachments': ['Unknown or already used attachment'] },
    });
  }
}

function signature(keys: Keys, id: string, variant: Variant, expires: number): string {
  return createHmac('sha256', keys.lookup).update(`attachment:${id}:${variant}:${expires}`).digest('base64url');
}

export function signedLink(keys: Keys, id: string, variant: Variant, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + LINK_TTL_SECONDS;
  return `${API}/attachments/${id}/${variant}?expires=${expires}&signature=${signature(keys, id, variant, expires)}`;
}

function present(ctx: AppContext, r: typeof messageAttachments.$inferSelect): Attachment {
  return {
    attachmentId: r.id,
    type: r.kind,
    url: signedLink(ctx.keys, r.id, r.kind === 'IMAGE' ? 'full' : 'file'),
    ...(r.kind === 'IMAGE' ? { thumbnailUrl: signedLink(ctx.keys, r.id, 'thumb') } : {}),
    name: openText(ctx.keys, r.nameEnc) ?? 'attachment',
    size: r.size,
    mimeType: r.mimeType,
    ...(r.width ? { width: r.width } : {}),
    ...(r.height ? { height: r.height } : {}),
  };
}

async function attachmentsById(ctx: AppContext, db: Db, ids: string[]) {
  const rows = await db.select().from(messageAttachments).where(inArray(messageAttachments.id, ids));
  return rows.map((r) => present(ctx, r));
}

/** The attachments of these messages, with fresh signed links, by message id. */
export async function attachmentsOf(ctx: AppContext, db: Db, messageIds: string[]): Promise<Map<string, Attachment[]>> {
  if (!messageIds.length) return new Map();
  const rows = await db
    .select()
    .from(messageAttachments)
    .where(inArray(messageAttachments.messageId, messageIds))
    .orderBy(messageAttachments.id);
  const out = new Map<string, Attachment[]>();
  for (const r of rows) {
    const list = out.get(r.messageId!) ?? [];
    list.push(present(ctx, r));
    out.set(r.messageId!, list);
  }
  return out;
}

/** Removes the files of deleted (or expired) messages from the store and the table. */
export async function removeAttachmentsOf(ctx: AppContext, tx: Db, messageIds: string[]): Promise<void> {
  if (!messageIds.length) return;
  const rows = await tx.delete(messageAttachments).where(inArray(messageAttachments.messageId, messageIds)).returning();
  for (const r of rows) {
    for (const v of ['full', 'thumb', 'file'] as const) await ctx.adapters.uploads.delete(keyOf(r.id, v)).catch(() => undefined);
  }
}

/** The bytes behind a signed link, or a 404 for a wrong, expired or tampered link (never which). */
export async function readSignedAttachment(
  ctx: AppContext,
  id: string,
  variant: string,
  expires: number,
  sig: string,
): Promise<{ body: Buffer; contentType: string; filename: string; inline: boolean }> {
  const notFound = () => {
    throw new ApiError('ResourceNotFoundException', 'This link has expired or is not valid; open the conversation again');
  };
  if (variant !== 'full' && variant !== 'thumb' && variant !== 'file') return notFound();
  if (!Number.isInteger(expires) || expires < Math.floor(Date.now() / 1000) || !safeEqual(sig, signature(ctx.keys, id, variant, expires)))
    return notFound();
  const [row] = await ctx.db.select().from(messageAttachments).where(eq(messageAttachments.id, id));
  if (!row) return notFound();
  const stored = await ctx.adapters.uploads.get(keyOf(id, variant));
  if (!stored) return notFound();
  return {
    body: unseal(ctx.keys, stored),
    contentType: row.mimeType,
    filename: openText(ctx.keys, row.nameEnc) ?? 'attachment',
    inline: row.kind === 'IMAGE',
  };
}
