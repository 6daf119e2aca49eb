import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { actorOf } from '../../http/auth.ts';
import {
  acceptRequest,
  cancelRequest,
  completeBooking,
  declineRequest,
  getRequest,
  listClientBookings,
  listStylistInbox,
  requestStylist,
  rescheduleRequest,
} from './booking.ts';
import { calendarFeedFor, renderCalendarFeed, rotateCalendarFeed } from './calendar-feed.ts';
import { introduceStylists, matchClientWithStylists } from './matching.ts';
import {
  AcceptClientRequestInput,
  AcceptClientRequestOutput,
  CalendarFeedOutput,
  CancelBookingInput,
  CompleteBookingInput,
  CreateReviewInput,
  DeclineClientRequestInput,
  DeclineClientRequestOutput,
  GetBookingRequestOutput,
  ListBookingsOutput,
  ListBookingsQuery,
  ListReviewsOutput,
  ListReviewsQuery,
  MatchClientWithStylistsOutput,
  IntroduceStylistsQuery,
  MatchClientWithStylistsQuery,
  ReplyReviewInput,
  RequestIdParams,
  RequestStylistInput,
  RequestStylistOutput,
  RescheduleBookingInput,
  ReviewIdParams,
  ReviewOutput,
  StylistIdParams,
} from './models.ts';
import { createReview, listReviews, replyToReview } from './reviews.ts';

const tags = ['Matching & bookings'];

/** Matching, booking requests and their life cycle, reviews and calendar feeds (spec: Matching). */
export async function stylistBookingRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { ctx } = opts;

  app.get(
    '/matching/stylists',
    {
      schema: {
        tags,
        summary: 'MatchClientWithStylists: approved stylists scored for the client, with reasons and next slots',
        querystring: MatchClientWithStylistsQuery,
        response: {
          200: MatchClientWithStylistsOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.match' },
    },
    async (request) => ({ matches: await matchClientWithStylists(ctx, actorOf(request), request.query) }),
  );

  app.get(
    '/matching/introductions',
    {
      schema: {
        tags,
        summary:
          'IntroduceStylists: the style quiz for a visitor — approved stylists scored from the answers alone, with reasons and next slots',
        querystring: IntroduceStylistsQuery,
        response: { 200: MatchClientWithStylistsOutput, ...errorResponses('ValidationException') },
      },
      config: { policy: 'public' },
    },
    async (request) => ({ matches: await introduceStylists(ctx, request.query) }),
  );

  app.post(
    '/matching/request',
    {
      schema: {
        tags,
        summary: 'RequestStylist: the client asks for a slot inside the stylist’s availability (→ PENDING)',
        body: RequestStylistInput,
        response: {
          201: RequestStylistOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'booking.request', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await requestStylist(ctx, actorOf(request), request.body)),
  );

  app.post(
    '/matching/accept',
    {
      schema: {
        tags,
        summary: 'AcceptClientRequest: the stylist confirms (409 when it would overlap a confirmed booking)',
        body: AcceptClientRequestInput,
        response: {
          200: AcceptClientRequestOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'booking.respond' },
    },
    async (request) => acceptRequest(ctx, actorOf(request), request.body),
  );

  app.post(
    '/matching/decline',
    {
      schema: {
        tags,
        summary: 'DeclineClientRequest: with a reason and alternative dates the client can take with one click',
        body: DeclineClientRequestInput,
        response: {
          200: DeclineClientRequestOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'booking.respond' },
    },
    async (request) => declineRequest(ctx, actorOf(request), request.body),
  );

  app.get(
    '/me/bookings',
    {
      schema: {
        tags,
        summary: "The signed-in client's requests and bookings, soonest first",
        querystring: ListBookingsQuery,
        response: { 200: ListBookingsOutput, ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'booking.request' },
    },
    async (request) => listClientBookings(ctx, actorOf(request), request.query),
  );

  app.get(
    '/me/stylist/requests',
    {
      schema: {
        tags,
        summary: "The signed-in stylist's inbox and calendar: requests and bookings, soonest first",
        querystring: ListBookingsQuery,
        response: {
          200: ListBookingsOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'stylist.self' },
    },
    async (request) => listStylistInbox(ctx, actorOf(request), request.query),
  );

  app.get(
    '/requests/:requestId',
    {
      schema: {
        tags,
        summary: 'One request with its booking and change history (its client, its stylist or an admin)',
        params: RequestIdParams,
        response: {
          200: GetBookingRequestOutput,
          ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'booking.read' },
    },
    async (request) => ({ request: await getRequest(ctx, actorOf(request), request.params.requestId) }),
  );

  app.post(
    '/requests/:requestId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a pending request or a confirmed booking (late when inside the cancellation policy)',
        params: RequestIdParams,
        body: CancelBookingInput,
        response: {
          200: GetBookingRequestOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'booking.change' },
    },
    async (request) => ({ request: await cancelRequest(ctx, actorOf(request), request.params.requestId, request.body) }),
  );

  app.post(
    '/requests/:requestId/reschedule',
    {
      schema: {
        tags,
        summary: 'Move a pending request or a confirmed booking (free until the policy’s notice; 409 on overlap)',
        params: RequestIdParams,
        body: RescheduleBookingInput,
        response: {
          200: GetBookingRequestOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'booking.change' },
    },
    async (request) => ({ request: await rescheduleRequest(ctx, actorOf(request), request.params.requestId, request.body) }),
  );

  app.post(
    '/requests/:requestId/complete',
    {
      schema: {
        tags,
        summary: 'The stylist marks a past booking COMPLETED or NO_SHOW',
        params: RequestIdParams,
        body: CompleteBookingInput,
        response: {
          200: GetBookingRequestOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'booking.respond' },
    },
    async (request) => ({ request: await completeBooking(ctx, actorOf(request), request.params.requestId, request.body.outcome) }),
  );

  app.post(
    '/requests/:requestId/review',
    {
      schema: {
        tags,
        summary: 'The client reviews a COMPLETED booking, once (1–5 stars and text)',
        params: RequestIdParams,
        body: CreateReviewInput,
        response: {
          201: ReviewOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'booking.review' },
    },
    async (request, reply) =>
      reply.status(201).send({ review: await createReview(ctx, actorOf(request), request.params.requestId, request.body) }),
  );

  app.post(
    '/reviews/:reviewId/reply',
    {
      schema: {
        tags,
        summary: 'The reviewed stylist replies, once',
        params: ReviewIdParams,
        body: ReplyReviewInput,
        response: {
          200: ReviewOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'review.reply' },
    },
    async (request) => ({ review: await replyToReview(ctx, actorOf(request), request.params.reviewId, request.body.reply) }),
  );

  app.get(
    '/stylists/:stylistId/reviews',
    {
      schema: {
        tags,
        summary: "An approved stylist's reviews, newest first",
        params: StylistIdParams,
        querystring: ListReviewsQuery,
        response: { 200: ListReviewsOutput, ...errorResponses('ValidationException', 'ResourceNotFoundException') },
      },
      config: { policy: 'public' },
    },
    async (request) => listReviews(ctx, request.actor, request.params.stylistId, request.query),
  );

  app.get(
    '/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'The private .ics URL of your bookings (created on first call)',
        response: { 200: CalendarFeedOutput, ...errorResponses('UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => calendarFeedFor(ctx, actorOf(request)),
  );

  app.post(
    '/me/calendar-feed/rotate',
    {
      schema: {
        tags,
        summary: 'A new secret feed URL; the old one stops working',
        response: { 200: CalendarFeedOutput, ...errorResponses('UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => rotateCalendarFeed(ctx, actorOf(request)),
  );

  app.get(
    '/calendar/:file',
    {
      schema: {
        tags,
        summary: 'A calendar feed (RFC 5545) by its secret token: /calendar/<token>.ics',
        params: z.strictObject({ file: z.string().max(100) }),
        response: { 200: z.string(), ...errorResponses('ResourceNotFoundException') },
      },
      config: { policy: 'public' },
    },
    async (request, reply) => {
      const body = await renderCalendarFeed(ctx, request.params.file);
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
    },
  );
}
