import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { actorOf } from '../../http/auth.ts';
import {
  AdminListStylistsQuery,
  CancellationPolicy,
  CreateStylistInput,
  CreateStylistOutput,
  DeleteStylistOutput,
  GetStylistAvailabilityOutput,
  GetStylistAvailabilityQuery,
  GetStylistOutput,
  ListStylistsOutput,
  ListStylistsQuery,
  PortfolioItemInput,
  PortfolioItemOutput,
  PortfolioItemParams,
  ReviewStylistInput,
  ScheduleOutput,
  ServiceIdParams,
  StylistIdParams,
  StylistServiceInput,
  StylistServiceOutput,
  SuccessOutput,
  UpdateScheduleInput,
  UpdateStylistAvailabilityInput,
  UpdateStylistAvailabilityOutput,
  UpdateStylistInput,
  UpdateStylistOutput,
} from './models.ts';
import {
  addPortfolioItem,
  addService,
  adminListStylists,
  createStylist,
  deletePortfolioItem,
  deleteService,
  deleteStylist,
  getAvailability,
  getMyStylist,
  getSchedule,
  getStylist,
  listStylists,
  reviewStylist,
  setCancellationPolicy,
  updateAvailabilityWindows,
  updateSchedule,
  updateService,
  updateStylist,
} from './service.ts';

const tags = ['Stylists'];

/** Stylist profiles, vetting, services, portfolio, schedule and availability (spec: Stylist Management). */
export async function stylistRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { ctx } = opts;

  app.post(
    '/stylists',
    {
      schema: {
        tags,
        summary: 'CreateStylist: a STYLIST creates its profile (PENDING_REVIEW until an admin approves it)',
        body: CreateStylistInput,
        response: {
          201: CreateStylistOutput,
          ...errorResponses(
            'ValidationException',
            'ConflictException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
          ),
        },
      },
      config: { policy: 'stylist.create' },
    },
    async (request, reply) => {
      const stylist = await createStylist(ctx, actorOf(request), request.body);
      return reply.status(201).send({ stylistId: stylist.stylistId, stylist });
    },
  );

  app.get(
    '/stylists',
    {
      schema: {
        tags,
        summary: 'ListStylists: approved stylists, filtered, cursor-paginated',
        querystring: ListStylistsQuery,
        response: { 200: ListStylistsOutput, ...errorResponses('ValidationException') },
      },
      config: { policy: 'public' },
    },
    async (request) => listStylists(ctx, request.query),
  );

  app.get(
    '/admin/stylists',
    {
      schema: {
        tags,
        summary: 'Vetting queue: stylists by status (PENDING_REVIEW by default), oldest first (admin)',
        querystring: AdminListStylistsQuery,
        response: { 200: ListStylistsOutput, ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'stylist.vet' },
    },
    async (request) => adminListStylists(ctx, request.query),
  );

  app.get(
    '/me/stylist',
    {
      schema: {
        tags,
        summary: "The signed-in stylist's own profile, whatever its status",
        response: {
          200: GetStylistOutput,
          ...errorResponses('UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.self' },
    },
    async (request) => ({ stylist: await getMyStylist(ctx, actorOf(request)) }),
  );

  app.get(
    '/stylists/:stylistId',
    {
      schema: {
        tags,
        summary: 'GetStylist: approved stylists for everyone; others only for their owner and admins (else 404)',
        params: StylistIdParams,
        response: { 200: GetStylistOutput, ...errorResponses('ValidationException', 'ResourceNotFoundException') },
      },
      config: { policy: 'public' },
    },
    async (request) => ({ stylist: await getStylist(ctx, request.actor, request.params.stylistId) }),
  );

  app.put(
    '/stylists/:stylistId',
    {
      schema: {
        tags,
        summary: 'UpdateStylist: the owner or an admin',
        params: StylistIdParams,
        body: UpdateStylistInput,
        response: {
          200: UpdateStylistOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.manage' },
    },
    async (request) => ({ stylist: await updateStylist(ctx, actorOf(request), request.params.stylistId, request.body) }),
  );

  app.delete(
    '/stylists/:stylistId',
    {
      schema: {
        tags,
        summary: 'DeleteStylist: the owner or an admin; upcoming bookings are cancelled',
        params: StylistIdParams,
        response: {
          200: DeleteStylistOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.manage' },
    },
    async (request) => {
      await deleteStylist(ctx, actorOf(request), request.params.stylistId);
      return { success: true };
    },
  );

  app.post(
    '/stylists/:stylistId/review',
    {
      schema: {
        tags,
        summary: 'Vetting decision (admin): APPROVE, REJECT or SUSPEND, with notes',
        params: StylistIdParams,
        body: ReviewStylistInput,
        response: {
          200: GetStylistOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.vet' },
    },
    async (request) => ({ stylist: await reviewStylist(ctx, actorOf(request), request.params.stylistId, request.body) }),
  );

  app.post(
    '/stylists/:stylistId/services',
    {
      schema: {
        tags,
        summary: 'Add a service (kind, duration, price)',
        params: StylistIdParams,
        body: StylistServiceInput,
        response: {
          201: StylistServiceOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.manage' },
    },
    async (request, reply) =>
      reply.status(201).send({ service: await addService(ctx, actorOf(request), request.params.stylistId, request.body) }),
  );

  app.put(
    '/stylists/:stylistId/services/:serviceId',
    {
      schema: {
        tags,
        summary: 'Change a service',
        params: ServiceIdParams,
        body: StylistServiceInput,
        response: {
          200: StylistServiceOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.manage' },
    },
    async (request) => ({
      service: await updateService(ctx, actorOf(request), request.params.stylistId, request.params.serviceId, request.body),
    }),
  );

  app.delete(
    '/stylists/:stylistId/services/:serviceId',
    {
      schema: {
        tags,
        summary: 'Withdraw a service (kept for past bookings, no longer offered)',
        params: ServiceIdParams,
        response: {
          200: SuccessOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.manage' },
    },
    async (request) => {
      await deleteService(ctx, actorOf(request), request.params.stylistId, request.params.serviceId);
      return { success: true };
    },
  );

  app.post(
    '/stylists/:stylistId/portfolio',
    {
      schema: {
        tags,
        summary: 'Add a portfolio item (an image uploaded through POST /api/v1/media)',
        params: StylistIdParams,
        body: PortfolioItemInput,
        response: {
          201: PortfolioItemOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.manage' },
    },
    async (request, reply) =>
      reply.status(201).send({ item: await addPortfolioItem(ctx, actorOf(request), request.params.stylistId, request.body) }),
  );

  app.delete(
    '/stylists/:stylistId/portfolio/:itemId',
    {
      schema: {
        tags,
        summary: 'Remove a portfolio item',
        params: PortfolioItemParams,
        response: {
          200: SuccessOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.manage' },
    },
    async (request) => {
      await deletePortfolioItem(ctx, actorOf(request), request.params.stylistId, request.params.itemId);
      return { success: true };
    },
  );

  app.get(
    '/stylists/:stylistId/schedule',
    {
      schema: {
        tags,
        summary: 'The weekly schedule, upcoming date-specific windows and cancellation policy (owner or admin)',
        params: StylistIdParams,
        response: {
          200: ScheduleOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.manage' },
    },
    async (request) => getSchedule(ctx, actorOf(request), request.params.stylistId),
  );

  app.put(
    '/stylists/:stylistId/schedule',
    {
      schema: {
        tags,
        summary: "Set the weekly schedule in the stylist's IANA zone, buffer, minimum notice and horizon",
        params: StylistIdParams,
        body: UpdateScheduleInput,
        response: {
          200: ScheduleOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.manage' },
    },
    async (request) => updateSchedule(ctx, actorOf(request), request.params.stylistId, request.body),
  );

  app.put(
    '/stylists/:stylistId/cancellation-policy',
    {
      schema: {
        tags,
        summary: 'Set the cancellation policy: free until N hours before the start',
        params: StylistIdParams,
        body: CancellationPolicy.strict(),
        response: {
          200: CancellationPolicy,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.manage' },
    },
    async (request) => setCancellationPolicy(ctx, actorOf(request), request.params.stylistId, request.body),
  );

  app.get(
    '/stylists/:stylistId/availability',
    {
      schema: {
        tags,
        summary: 'GetStylistAvailability: slots AVAILABLE / BOOKED / BLOCKED between two instants (at most 62 days)',
        params: StylistIdParams,
        querystring: GetStylistAvailabilityQuery,
        response: { 200: GetStylistAvailabilityOutput, ...errorResponses('ValidationException', 'ResourceNotFoundException') },
      },
      config: { policy: 'public' },
    },
    async (request) => getAvailability(ctx, request.actor, request.params.stylistId, request.query),
  );

  app.put(
    '/stylists/:stylistId/availability',
    {
      schema: {
        tags,
        summary: 'UpdateStylistAvailability: replace the upcoming date-specific windows (AVAILABLE adds, BLOCKED removes)',
        params: StylistIdParams,
        body: UpdateStylistAvailabilityInput,
        response: {
          200: UpdateStylistAvailabilityOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.manage' },
    },
    async (request) => ({ availability: await updateAvailabilityWindows(ctx, actorOf(request), request.params.stylistId, request.body) }),
  );
}
