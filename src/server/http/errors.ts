import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isTransientDbError, isUnstorableText } from '../db/errors.ts';

/** The spec's error shapes and their HTTP statuses (stylebyzaga.smithy, @httpError). */
export const ERROR_STATUS = {
  ValidationException: 400,
  UnauthorizedException: 401,
  PaymentException: 402,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  PayloadTooLargeException: 413,
  UnsupportedMediaTypeException: 415,
  ThrottlingException: 429,
  InternalServerException: 500,
  ServiceUnavailableException: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export const ErrorBody = z
  .object({
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
    reason: z.string().optional(),
    retryAfterSeconds: z.number().int().optional(),
    declineCode: z.string().optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'ErrorBody', description: 'Every error: a Smithy error name as `code` and a human message.' });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Extra fields an error may carry beside code and message. */
export type ErrorExtra = Pick<ErrorBody, 'fieldErrors' | 'reason' | 'retryAfterSeconds' | 'declineCode'>;

/** The one error type services throw; the error handler maps it to the spec's status and body. */
export class ApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: ErrorExtra = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = ERROR_STATUS[code];
  }
}

/** Error responses for a route's `schema.response`, so the OpenAPI document lists them. */
export function errorResponses(...codes: ErrorCode[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries([...codes, 'InternalServerException' as const].map((c) => [ERROR_STATUS[c], ErrorBody]));
}

/** `{ "body.email": ["Invalid email"] }`-style map from Zod issues, keyed by the field path. */
export function fieldErrorsFrom(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, prefix?: string) {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const key = [prefix, path].filter(Boolean).join('.') || prefix || '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

function send(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, message: string, extra: ErrorExtra = {}) {
  if (extra.retryAfterSeconds !== undefined) reply.header('retry-after', String(extra.retryAfterSeconds));
  return reply.status(ERROR_STATUS[code]).send({ code, message, ...extra, requestId: request.id });
}

// Fastify's own errors (body too large, bad JSON, wrong content type …) by their codes.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PayloadTooLargeException',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UnsupportedMediaTypeException',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'ValidationException',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'ValidationException',
  FST_ERR_CTP_INVALID_JSON_BODY: 'ValidationException',
  FST_ERR_VALIDATION: 'ValidationException',
  FST_ERR_RATE_LIMIT_EXCEEDED: 'ThrottlingException',
};

/** One place that turns anything thrown into `{ code, message }`; 5xx details stay in the log. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      if (error.statusCode >= 500) request.log.error({ err: error }, error.message);
      return send(reply, request, error.code, error.message, error.extra);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const fieldErrors: Record<string, string[]> = {};
      for (const v of error.validation) {
        const path = [
          where,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.');
        (fieldErrors[path] ??= []).push(v.message ?? 'Invalid value');
      }
      const first = Object.entries(fieldErrors)[0];
      const message = first ? `Invalid ${first[0]}: ${first[1][0]}` : 'Invalid request';
      return send(reply, request, 'ValidationException', message, { fieldErrors });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return send(reply, request, 'InternalServerException', 'Something went wrong on our side. Please try again.');
    }
    if (isUnstorableText(error)) {
      // Text that slipped past validation (built by a service, say) and PostgreSQL refused to encode: the
      // caller's input, not our failure.
      return send(
        reply,
        request,
        'ValidationException',
        'The request holds text that cannot be stored (a NUL character or half of a Unicode surrogate pair)',
      );
    }
    if (isTransientDbError(error)) {
      // Overload or a deadlock's victim: the request was fine and nothing was written; the caller may simply retry.
      request.log.warn({ err: error }, 'database busy');
      return send(reply, request, 'ServiceUnavailableException', 'We are very busy for a moment. Please try again.', {
        retryAfterSeconds: 1,
      });
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped === 'ThrottlingException') {
      const retryAfterSeconds = Number(reply.getHeader('retry-after')) || 60;
      return send(reply, request, mapped, 'Too many requests. Please slow down.', { retryAfterSeconds });
    }
    if (mapped) return send(reply, request, mapped, error.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Other client errors from plugins: keep their status family with the closest spec code.
      const code: ErrorCode =
        error.statusCode === 404
          ? 'ResourceNotFoundException'
          : error.statusCode === 413
            ? 'PayloadTooLargeException'
            : 'ValidationException';
      return send(reply, request, code, error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 'InternalServerException', 'Something went wrong on our side. Please try again.');
  });
}
