/**
 * VIP membership: a client applies with a note, an admin approves or declines. Approval raises the tier to VIP
 * and turns privacy mode on in the same transaction; from the next request on, the guard holds the new VIP at
 * MFA enrolment until a second factor is set up.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { AppContext, RequestMeta } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { decrypt, openText, sealText } from '../../security/crypto.ts';
import { cutPage, idAfter } from '../../http/pagination.ts';
import type { Actor } from '../../http/auth.ts';
import { users, vipApplications } from './schema.ts';
import { forgetActors } from './actor-cache.ts';
import { setTier } from './service.ts';
import { audit } from '../../audit/service.ts';

// ───────────────────────────── models ─────────────────────────────

/** Page tokens of the application list: newest first by UUIDv7 id. */
const VIP_SORT = 'vip-applications';

export const VipApplicationStatus = z.enum(['PENDING', 'APPROVED', 'DECLINED']).meta({ id: 'VipApplicationStatus' });
export type VipApplicationStatus = z.infer<typeof VipApplicationStatus>;

export const VipApplication = z
  .object({
    applicationId: z.string(),
    userId: z.string(),
    note: z.string(),
    status: VipApplicationStatus,
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().optional(),
    applicant: z
      .object({ firstName: z.string(), lastName: z.string(), email: z.string(), tier: z.enum(['STANDARD', 'VIP']) })
      .optional()
      .describe('Admins only.'),
    decidedBy: z.object({ userId: z.string(), name: z.string() }).optional().describe('Admins only.'),
    decisionNotes: z.string().optional().describe('Admins only: internal notes, never shown to the client.'),
  })
  .meta({ id: 'VipApplication' });
export type VipApplication = z.infer<typeof VipApplication>;

export const CreateVipApplicationInput = z
  .strictObject({
    note: z.string().trim().min(20, 'Tell us a little more: at least 20 characters').max(2000, 'At most 2000 characters'),
  })
  .meta({ id: 'CreateVipApplicationInput' });

export const ListVipApplicationsQuery = z.strictObject({
  status: VipApplicationStatus.optional(),
  maxResults: z.coerce.number().int().min(1).max(100).default(25),
  nextToken: z.string().max(200).optional(),
});
export type ListVipApplicationsQuery = z.infer<typeof ListVipApplicationsQuery>;

export const VipDecisionInput = z
  .strictObject({
    decision: z.enum(['APPROVE', 'DECLINE']),
    notes: z.string().trim().min(1, 'Required').max(2000, 'At most 2000 characters').describe('Internal; never shown to the client.'),
  })
  .meta({ id: 'VipDecisionInput' });
export type VipDecisionInput = z.infer<typeof VipDecisionInput>;

// ───────────────────────────── presentation ─────────────────────────────

type ApplicationRow = typeof vipApplications.$inferSelect;
type Applicant = Pick<typeof users.$inferSelect, 'firstName' | 'lastName' | 'emailEnc' | 'tier'>;
type Decider = { firstName: string; lastName: string } | null;

/** Clients see their application's state; the applicant's details, decider and notes are for admins. */
function presentApplication(
  ctx: AppContext,
  row: ApplicationRow,
  forAdmin: { applicant: Applicant; decider: Decider } | undefined,
): VipApplication {
  return {
    applicationId: row.id,
    userId: row.userId,
    note: openText(ctx.keys, row.note) ?? '',
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    ...(row.decidedAt ? { decidedAt: row.decidedAt.toISOString() } : {}),
    ...(forAdmin
      ? {
          applicant: {
            firstName: forAdmin.applicant.firstName,
            lastName: forAdmin.applicant.lastName,
            email: decrypt(ctx.keys, forAdmin.applicant.emailEnc),
            tier: forAdmin.applicant.tier,
          },
          ...(row.decidedBy && forAdmin.decider
            ? { decidedBy: { userId: row.decidedBy, name: `${forAdmin.decider.firstName} ${forAdmin.decider.lastName}`.trim() } }
            : {}),
          ...(row.decisionNotes !== null ? { decisionNotes: openText(ctx.keys, row.decisionNotes)! } : {}),
        }
      : {}),
  };
}

// ───────────────────────────── services ─────────────────────────────

/** A client applies for VIP; one pending application at a time, and not when already VIP. */
export async function applyForVip(ctx: AppContext, actor: Actor, input: { note: string }, meta: RequestMeta = {}): Promise<VipApplication> {
  if (actor.userType !== 'CLIENT') throw new ApiError('AccessDeniedException', 'Only clients can apply for VIP membership');
  if (actor.tier === 'VIP') throw new ApiError('ConflictException', 'You are already a VIP member');
  return ctx.db.transaction(async (tx) => {
    // The partial unique index (one PENDING per user) decides races; no check-then-insert window.
    const [row] = await tx
      .insert(vipApplications)
      .values({ id: uuidv7(), userId: actor.userId, note: sealText(ctx.keys, input.note)! })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ApiError('ConflictException', 'You already have an application under review');
    await audit(tx, { action: 'vip.applied', actorId: actor.userId, targetUserId: actor.userId, meta, details: { applicationId: row.id } });
    return presentApplication(ctx, row, undefined);
  });
}

/** Admins: every application (optionally by status), newest first. Clients: their own. */
export async function listVipApplications(
  ctx: AppContext,
  actor: Actor,
  query: ListVipApplicationsQuery,
): Promise<{ applications: VipApplication[]; nextToken?: string }> {
  const forAdmin = actor.userType === 'ADMIN';
  if (!forAdmin && actor.userType !== 'CLIENT') throw new ApiError('AccessDeniedException', 'You are not allowed to do this');
  const decider = alias(users, 'decider');
  const conditions = [
    ...(forAdmin ? [] : [eq(vipApplications.userId, actor.userId)]),
    ...(query.status ? [eq(vipApplications.status, query.status)] : []),
    ...(query.nextToken ? [lt(vipApplications.id, idAfter(query.nextToken, VIP_SORT))] : []),
  ];
  const rows = await ctx.db
    .select({
      application: vipApplications,
      applicant: { firstName: users.firstName, lastName: users.lastName, emailEnc: users.emailEnc, tier: users.tier },
      decider: { firstName: decider.firstName, lastName: decider.lastName },
    })
    .from(vipApplications)
    .innerJoin(users, eq(users.id, vipApplications.userId))
    .leftJoin(decider, eq(decider.id, vipApplications.decidedBy))
    .where(and(...conditions))
    .orderBy(desc(vipApplications.id))
    .limit(query.maxResults + 1);
  const { items, nextToken } = cutPage(rows, query.maxResults, VIP_SORT, (r) => ({ id: r.application.id }));
  return {
    applications: items.map((r) =>
      presentApplication(ctx, r.application, forAdmin ? { applicant: r.applicant, decider: r.decider } : undefined),
    ),
    ...(nextToken ? { nextToken } : {}),
  };
}

/**
 * An admin approves or declines a pending application. Approval makes the client VIP and turns privacy mode
 * on (a safe default for people whose names are news); the decision is audited and the client is told by email,
 * all in one transaction.
 */
export async function decideVipApplication(
  ctx: AppContext,
  actor: Actor,
  applicationId: string,
  input: VipDecisionInput,
  meta: RequestMeta = {},
): Promise<VipApplication> {
  if (actor.userType !== 'ADMIN') throw new ApiError('AccessDeniedException', 'You are not allowed to do this');
  const decided = await ctx.db.transaction(async (tx) => {
    const db = tx;
    const [application] = await tx.select().from(vipApplications).where(eq(vipApplications.id, applicationId)).for('update');
    if (!application) throw new ApiError('ResourceNotFoundException', 'No such application');
    if (application.status !== 'PENDING')
      throw new ApiError(
        'ConflictException',
        `This application was already ${application.status === 'APPROVED' ? 'approved' : 'declined'}`,
      );
    const [applicant] = await tx.select().from(users).where(eq(users.id, application.userId)).for('update');
    if (!applicant || applicant.deletedAt || applicant.status !== 'ACTIVE')
      throw new ApiError('ConflictException', "The applicant's account is no longer active");
    const approve = input.decision === 'APPROVE';
    if (approve && applicant.userType !== 'CLIENT') throw new ApiError('ConflictException', 'Only client accounts can become VIP');

    const [decided] = await tx
      .update(vipApplications)
      .set({
        status: approve ? 'APPROVED' : 'DECLINED',
        decidedBy: actor.userId,
        decisionNotes: sealText(ctx.keys, input.notes),
        decidedAt: new Date(),
      })
      .where(eq(vipApplications.id, applicationId))
      .returning();
    if (approve) {
      await setTier(db, applicant.id, 'VIP');
      await tx.update(users).set({ privacyMode: true }).where(eq(users.id, applicant.id));
    }
    await audit(db, {
      action: approve ? 'vip.approved' : 'vip.declined',
      actorId: actor.userId,
      targetUserId: applicant.id,
      meta,
      details: { applicationId, from: applicant.tier, to: approve ? 'VIP' : applicant.tier },
    });
    await ctx.mailer.send(db, decisionMail(decrypt(ctx.keys, applicant.emailEnc), applicant.firstName, approve));
    const [admin] = await tx.select({ firstName: users.firstName, lastName: users.lastName }).from(users).where(eq(users.id, actor.userId));
    return presentApplication(ctx, decided!, {
      applicant: { ...applicant, tier: approve ? 'VIP' : applicant.tier },
      decider: admin ?? null,
    });
  });
  // The new tier applies to the client's very next request, on this instance and (by NOTIFY) on the others.
  forgetActors(ctx.db, decided.userId);
  return decided;
}

// The admin's notes stay internal: the client hears the outcome, not the deliberation.
function decisionMail(to: string, firstName: string, approved: boolean) {
  const text = approved
    ? `Dear ${firstName},\n\nWe are delighted to welcome you as a StyleByZaga VIP member.\n\nYour privacy comes first: privacy mode is on, so stylists and brand partners see an alias instead of your name and contact details until you choose to share them. You can change this in your account settings.\n\nBefore you continue, we will ask you to set up two-factor authentication to protect your account.\n\nWith our compliments,\nThe StyleByZaga concierge`
    : `Dear ${firstName},\n\nThank you for your interest in StyleByZaga VIP membership. After careful consideration we are unable to offer membership at this time. You are welcome to apply again in the future.\n\nWith our compliments,\nThe StyleByZaga concierge`;
  return { to, subject: approved ? 'Welcome to StyleByZaga VIP' : 'Your StyleByZaga VIP application', text };
}
