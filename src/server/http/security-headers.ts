import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Security headers, computed once at start instead of per request (helmet rebuilt them on every request and
 * cost more than the rest of the stack together; see bench/RESULTS.md). app.ts stamps them in the one onRequest
 * hook every request passes. JSON answers get a CSP that allows nothing; HTML pages get the page policy with a fresh script nonce (`pageSecurityHeaders`).
 */
export function apiSecurityHeaders(opts: { production: boolean }): {
  api: (request: FastifyRequest, reply: FastifyReply) => void;
  probe: (request: FastifyRequest, reply: FastifyReply) => void;
  asset: (request: FastifyRequest, reply: FastifyReply) => void;
} {
  // What a JSON API needs (OWASP REST Security): no sniffing, nothing may load or frame it, HSTS. The
  // document-only headers (referrer, opener, XSS auditor…) go on pages only: each header costs on every answer.
  const api: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    'cross-origin-resource-policy': 'same-origin',
    // API answers carry tokens (sign-in, refresh) and personal data (profiles, bookings): no browser or proxy
    // may keep a copy. A route whose answer is public and may be cached sets its own cache-control over this.
    'cache-control': 'no-store',
    'permissions-policy': PERMISSIONS_POLICY,
    ...(opts.production ? { 'strict-transport-security': HSTS } : {}),
  };
  return {
    api: (request, reply) => {
      reply.headers(api);
      reply.header('x-request-id', request.id);
    },
    // Liveness and readiness probes and the metrics scrape are read by balancers, orchestrators and Prometheus,
    // never loaded or framed by a browser, and carry no personal data: the browser policies (CSP, CORP, HSTS) add
    // nothing there, and a probe answers every few seconds from every balancer. They keep nosniff and the request id.
    probe: (request, reply) => {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('x-request-id', request.id);
    },
    // The web build's hashed files (scripts, the stylesheet, fonts) under /assets/. A policy (CSP, Permissions-Policy)
    // governs a document or a worker, never a script or font it loads, and HSTS is learnt from the page; the other
    // ~600 bytes of headers rode on each of the two dozen files a page loads, about 15 KB of a phone's first visit
    // (#12). Scripts keep nosniff (a script must be served as one) and all stay same-origin only.
    asset: (request, reply) => {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cross-origin-resource-policy', 'same-origin');
      reply.header('x-request-id', request.id);
    },
  };
}

const PAGE_POLICY = (nonce: string, production: boolean) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Components may set style attributes; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(production ? ['upgrade-insecure-requests'] : []),
  ].join('; ');

const HSTS = 'max-age=31536000; includeSubDomains';

/** Powerful browser features the platform never uses, off for it and anything it embeds; passkeys stay on for itself. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'browsing-topics=()',
  'publickey-credentials-create=(self)',
  'publickey-credentials-get=(self)',
].join(', ');

const DOCUMENT_HEADERS: Record<string, string> = {
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'x-dns-prefetch-control': 'off',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
  'permissions-policy': PERMISSIONS_POLICY,
};

/** Sets the page headers and the HTML policy with a new nonce on `reply`; returns the nonce for the page's scripts. */
export function pageSecurityHeaders(reply: FastifyReply, production: boolean): string {
  const nonce = randomBytes(16).toString('hex');
  reply.headers(DOCUMENT_HEADERS);
  reply.header('content-security-policy', PAGE_POLICY(nonce, production));
  return nonce;
}
