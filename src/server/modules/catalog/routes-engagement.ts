import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { actorOf } from '../../http/auth.ts';
import { answerInquiry, createInquiry, getWishlist, listInquiries, removeFromWishlist, saveToWishlist } from './engagement.ts';
import {
  AnswerInquiryInput,
  CreateInquiryInput,
  Inquiry,
  InquiryIdParams,
  ListInquiriesInput,
  ListInquiriesOutput,
  ProductIdParams,
  WishlistChangeOutput,
  WishlistOutput,
} from './models.ts';

/** Inquiries about products (client → brand inbox) and the client's wishlist. */
export async function engagementRoutes(parent: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  let tags = ['Inquiries'];
  app.post(
    '/products/:productId/inquiries',
    {
      schema: {
        tags,
        summary: 'Request a private viewing or ask about a product (signed-in clients)',
        params: ProductIdParams,
        body: CreateInquiryInput,
        response: {
          201: Inquiry,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ThrottlingException',
          ),
        },
      },
      config: { policy: 'inquiry.create' },
    },
    async (request, reply) =>
      reply.status(201).send(await createInquiry(db, actorOf(request), request.params.productId, request.body, opts.ctx)),
  );
  app.get(
    '/inquiries',
    {
      schema: {
        tags,
        summary: 'Inquiry inbox: all for admins, the brand’s for a partner, one’s own for a client (newest first)',
        querystring: ListInquiriesInput,
        response: { 200: ListInquiriesOutput, ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'inquiry.read' },
    },
    async (request) => listInquiries(db, opts.ctx.keys, actorOf(request), request.query),
  );
  app.post(
    '/inquiries/:inquiryId/answer',
    {
      schema: {
        tags,
        summary: 'Answer an inquiry (the brand’s partner or an admin); `close: true` closes it',
        params: InquiryIdParams,
        body: AnswerInquiryInput,
        response: {
          200: Inquiry,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'inquiry.answer' },
    },
    async (request) => answerInquiry(db, actorOf(request), request.params.inquiryId, request.body, opts.ctx),
  );

  tags = ['Wishlist'];
  app.get(
    '/me/wishlist',
    {
      schema: {
        tags,
        summary: 'The client’s saved products, newest first',
        response: { 200: WishlistOutput, ...errorResponses('UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'wishlist.manage' },
    },
    async (request) => getWishlist(db, actorOf(request)),
  );
  app.put(
    '/me/wishlist/:productId',
    {
      schema: {
        tags,
        summary: 'Save a product (idempotent)',
        params: ProductIdParams,
        response: {
          200: WishlistChangeOutput,
          ...errorResponses(
            'ValidationException',
            'UnauthorizedException',
            'AccessDeniedException',
            'ResourceNotFoundException',
            'ConflictException',
          ),
        },
      },
      config: { policy: 'wishlist.manage' },
    },
    async (request) => saveToWishlist(db, actorOf(request), request.params.productId),
  );
  app.delete(
    '/me/wishlist/:productId',
    {
      schema: {
        tags,
        summary: 'Remove a product (idempotent)',
        params: ProductIdParams,
        response: { 200: WishlistChangeOutput, ...errorResponses('ValidationException', 'UnauthorizedException', 'AccessDeniedException') },
      },
      config: { policy: 'wishlist.manage' },
    },
    async (request) => removeFromWishlist(db, actorOf(request), request.params.productId),
  );
}
