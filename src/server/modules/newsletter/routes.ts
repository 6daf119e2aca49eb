import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { subscribe } from './service.ts';

const SubscribeInput = z
  .strictObject({ email: z.string().trim().max(254, 'At most 254 characters').pipe(z.email('Enter a valid email address')) })
  .meta({ id: 'NewsletterSubscribeInput' });

/** The Letter, the monthly newsletter signed up for from the site footer. */
export async function newsletterRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/newsletter/subscriptions',
    {
      schema: {
        tags: ['Content'],
        summary: 'Subscribe an address to The Letter (idempotent)',
        body: SubscribeInput,
        response: { 202: z.object({ success: z.literal(true) }), ...errorResponses('ValidationException', 'ThrottlingException') },
      },
      config: { policy: 'public', rateLimit: { max: 10, timeWindow: 3_600_000 } },
    },
    async (request, reply) => {
      await subscribe(opts.ctx, request.body.email);
      return reply.status(202).send({ success: true as const });
    },
  );
}
