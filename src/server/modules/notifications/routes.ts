import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { actorOf } from '../../http/auth.ts';
import { vapidKeys } from './push.ts';
import {
  deletePushSubscription,
  getNotificationSettings,
  listNotifications,
  markNotificationsRead,
  Notification,
  NotificationSettings,
  publishUnreadCount,
  PushSubscriptionInput,
  savePushSubscription,
  updateNotificationSettings,
  UpdateNotificationSettingsInput,
} from './service.ts';

const bearer = [{ bearerAuth: [] }];
const tags = ['Notifications'];

/** The notification centre, preferences and quiet hours, and Web Push subscriptions per device. */
export async function notificationRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { ctx } = opts;

  app.get(
    '/me/notifications',
    {
      schema: {
        tags,
        summary: 'Your notification centre, newest first, with the unread count',
        security: bearer,
        querystring: z.strictObject({
          maxResults: z.coerce.number().int().min(1).max(100).default(30),
          nextToken: z.string().max(200).optional(),
        }),
        response: {
          200: z.object({ notifications: z.array(Notification), unread: z.number().int(), nextToken: z.string().optional() }),
          ...errorResponses('ValidationException', 'UnauthorizedException'),
        },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => listNotifications(ctx, actorOf(request).userId, request.query),
  );

  app.put(
    '/me/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark every notification read',
        security: bearer,
        response: { 200: z.object({ unread: z.number().int() }), ...errorResponses('UnauthorizedException') },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => markNotificationsRead(ctx, actorOf(request).userId),
  );

  app.put(
    '/me/notifications/:notificationId/read',
    {
      schema: {
        tags,
        summary: 'Mark one notification read',
        security: bearer,
        params: z.strictObject({ notificationId: z.uuid('Not a valid notification id') }),
        response: {
          200: z.object({ unread: z.number().int() }),
          ...errorResponses('ValidationException', 'UnauthorizedException', 'ResourceNotFoundException'),
        },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => markNotificationsRead(ctx, actorOf(request).userId, request.params.notificationId),
  );

  app.get(
    '/me/notification-settings',
    {
      schema: {
        tags,
        summary: 'Notification preferences per kind and channel, your time zone and quiet hours',
        security: bearer,
        response: { 200: NotificationSettings, ...errorResponses('UnauthorizedException') },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => getNotificationSettings(ctx.db, actorOf(request).userId),
  );

  app.put(
    '/me/notification-settings',
    {
      schema: {
        tags,
        summary: 'Change preferences and quiet hours (security and payment notices cannot be switched off)',
        security: bearer,
        body: UpdateNotificationSettingsInput,
        response: { 200: NotificationSettings, ...errorResponses('ValidationException', 'UnauthorizedException') },
      },
      config: { policy: 'authenticated' },
    },
    async (request) => {
      const { userId } = actorOf(request);
      const settings = await updateNotificationSettings(ctx.db, userId, request.body);
      // A kind shown or hidden in the app changes the bell in every open tab.
      if (request.body.preferences?.some((p) => p.channel === 'IN_APP')) await publishUnreadCount(ctx, userId);
      return settings;
    },
  );

  app.get(
    '/push/public-key',
    {
      schema: { tags, summary: 'The VAPID public key a browser subscribes with', response: { 200: z.object({ publicKey: z.string() }) } },
      config: { policy: 'public', identifyCaller: false },
    },
    async () => ({ publicKey: vapidKeys(ctx.config).publicKey }),
  );

  app.post(
    '/me/push-subscriptions',
    {
      schema: {
        tags,
        summary: 'Register this device for Web Push (the browser’s PushSubscription as JSON)',
        security: bearer,
        body: PushSubscriptionInput,
        response: { 201: z.object({ subscribed: z.literal(true) }), ...errorResponses('ValidationException', 'UnauthorizedException') },
      },
      config: { policy: 'authenticated' },
    },
    async (request, reply) =>
      reply.status(201).send(await savePushSubscription(ctx, actorOf(request).userId, request.body, request.headers['user-agent'])),
  );

  app.delete(
    '/me/push-subscriptions',
    {
      schema: {
        tags,
        summary: 'Stop Web Push on this device',
        security: bearer,
        body: z.strictObject({ endpoint: z.url().max(2000) }),
        response: { 200: z.object({ subscribed: z.literal(false) }), ...errorResponses('ValidationException', 'UnauthorizedException') },
      },
      config: { policy: 'authenticated' },
    },
    async (request, reply) => {
      await deletePushSubscription(ctx, actorOf(request).userId, request.body.endpoint);
      return reply.send({ subscribed: false as const });
    },
  );
}
