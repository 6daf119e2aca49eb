import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { actorOf, metaOf } from '../../http/auth.ts';
import { SuccessOutput } from './models.ts';
import {
  ContactShare,
  PrivacySettings,
  SetPrivacyModeInput,
  ShareContactInput,
  listContactShares,
  setPrivacyMode,
  shareContact,
  unshareContact,
} from './privacy.ts';
import {
  CreateVipApplicationInput,
  ListVipApplicationsQuery,
  VipApplication,
  VipDecisionInput,
  applyForVip,
  decideVipApplication,
  listVipApplications,
} from './vip.ts';

const tags = ['VIP'];

const ApplicationIdParams = z.strictObject({ applicationId: z.uuid('Not a valid application id') });
const ListVipApplicationsOutput = z
  .object({ applications: z.array(VipApplication), nextToken: z.string().optional() })
  .meta({ id: 'ListVipApplicationsOutput' });
const ListContactSharesOutput = z.object({ shares: z.array(ContactShare) }).meta({ id: 'ListContactSharesOutput' });
const SharedUserParams = z.strictObject({ userId: z.uuid('Not a valid user id') });

/** VIP membership: applications and decisions, and the privacy mode VIP clients control. */
export async function vipRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { ctx } = opts;

  app.post(
    '/vip/applications',
    {
      schema: {
        tags,
        summary: 'Apply for VIP membership (clients; one pending application at a time)',
        body: CreateVipApplicationInput,
        response: {
          201: VipApplication,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ConflictException'),
        },
      },
      config: { policy: 'vip.apply' },
    },
    async (request, reply) => reply.status(201).send(await applyForVip(ctx, actorOf(request), request.body, metaOf(request))),
  );

  app.get(
    '/vip/applications',
    {
      schema: {
        tags,
        summary: 'VIP applications: all of them for admins (filter by status), one’s own for a client',
        querystring: ListVipApplicationsQuery,
        response: {
          200: ListVipApplicationsOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException'),
        },
      },
      config: { policy: 'vip.read' },
    },
    async (request) => listVipApplications(ctx, actorOf(request), request.query),
  );

  app.post(
    '/vip/applications/:applicationId/decision',
    {
      schema: {
        tags,
        summary: 'Approve or decline a pending application (admin); approval makes the client VIP',
        params: ApplicationIdParams,
        body: VipDecisionInput,
        response: {
          200: VipApplication,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'vip.decide' },
    },
    async (request) => decideVipApplication(ctx, actorOf(request), request.params.applicationId, request.body, metaOf(request)),
  );

  app.put(
    '/me/privacy',
    {
      schema: {
        tags,
        summary: 'Turn privacy mode on or off (VIP clients)',
        body: SetPrivacyModeInput,
        response: { 200: PrivacySettings, ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'privacy.manage' },
    },
    async (request) => setPrivacyMode(ctx, actorOf(request), request.body.privacyMode, metaOf(request)),
  );

  app.get(
    '/me/privacy/shares',
    {
      schema: {
        tags,
        summary: 'Stylists and partners who see your name and contact details despite privacy mode',
        response: { 200: ListContactSharesOutput, ...errorResponses('UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'privacy.manage' },
    },
    async (request) => ({ shares: await listContactShares(ctx, actorOf(request)) }),
  );

  app.post(
    '/me/privacy/shares',
    {
      schema: {
        tags,
        summary: 'Share your name and contact details with a stylist or brand partner',
        body: ShareContactInput,
        response: {
          200: ContactShare,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'privacy.manage' },
    },
    async (request) => shareContact(ctx, actorOf(request), request.body.userId, metaOf(request)),
  );

  app.delete(
    '/me/privacy/shares/:userId',
    {
      schema: {
        tags,
        summary: 'Stop sharing your details with a stylist or brand partner',
        params: SharedUserParams,
        response: {
          200: SuccessOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'privacy.manage' },
    },
    async (request) => {
      await unshareContact(ctx, actorOf(request), request.params.userId, metaOf(request));
      return { success: true };
    },
  );
}
