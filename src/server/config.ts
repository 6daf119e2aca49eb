import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
/**
 * How far X-Forwarded-For is believed. A client writes whatever it likes at the left of that header; only the
 * entries appended by our own proxies are true. So the setting is a hop count (`1`: one balancer in front) or
 * the proxies' address ranges (`10.0.0.0/8,fd00::/8`), never "trust everyone": `true` is refused with a hint.
 */
const trustProxy = z.string().transform((raw, ctx): false | number | string[] => {
  const v = raw.trim().toLowerCase();
  if (v === 'false' || v === 'no' || v === '0') return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops <= 10) return hops;
  }
  if (v === 'true' || v === 'yes') {
    ctx.addIssue({
      code: 'custom',
      message:
        'must say which proxies to trust: the number in front (e.g. 1) or their address ranges (e.g. 10.0.0.0/8); "true" would believe any address a client writes',
    });
    return z.NEVER;
  }
  const ranges = v
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const bad = ranges.find((r) => {
    const [address, bits, ...rest] = r.split('/');
    const family = isIP(address ?? '');
    if (!family || rest.length) return true;
    return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
  if (!ranges.length || bad !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a hop count (1-10) or comma-separated addresses or CIDR ranges${bad ? `; "${bad}" is not one` : ''}`,
    });
    return z.NEVER;
  }
  return ranges;
});
const DOMAIN = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Every setting the platform reads, with its default. `.env.example` documents the same list. */
const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATABASE_POOL_MAX: positiveInt.max(500).default(10),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
    TRUST_PROXY: trustProxy.default(false),
    BODY_LIMIT_BYTES: positiveInt.max(50 * 1024 * 1024).default(1024 * 1024),
    RATE_LIMIT_MAX: positiveInt.default(300),
    RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(60),
    SIGNUP_RATE_LIMIT_PER_HOUR: positiveInt.default(20),
    CORS_ORIGINS: z
      .string()
      .optional()
      .transform((v) =>
        v
          ? v
              .split(',')
              .map((o) => o.trim())
              .filter(Boolean)
          : [],
      ),
    METRICS_TOKEN: z.string().min(16).optional(),
    DATA_KEY: z.string().optional(),
    JWT_PRIVATE_KEY: z.string().optional(),
    ACCESS_TOKEN_TTL_SECONDS: positiveInt.min(60).max(3600).default(900),
    REFRESH_TOKEN_TTL_DAYS: positiveInt.max(365).default(30),
    BOOTSTRAP_ADMIN_EMAIL: z.email().optional(),
    BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12).optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).default('StyleByZaga <concierge@stylebyzaga.local>'),
    // Defaults to true, except with NODE_ENV=production: a deployment never fills itself with demo accounts by omission.
    DEMO_DATA: bool.optional(),
    // The in-memory search index: built in the background at start (PostgreSQL answers meanwhile), built before the
    // server listens ('wait': benchmarks, deployments that prefer a slower start to a slower first minute), or off.
    SEARCH_INDEX: z.enum(['background', 'wait', 'off']).default('background'),
    DEMO_SEED: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(2026),
    // Stylist bookings: unanswered requests expire after this; the sweep (expiry, 24 h reminders) runs this often (0 = off).
    BOOKING_REQUEST_TTL_HOURS: positiveInt.max(24 * 30).default(48),
    BOOKING_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
    // Orders: high value needs a second-factor check from the last 10 minutes; above approval, funds are held until an
    // admin approves (both in US dollars, compared at the platform's reference rates). Unpaid orders release their
    // pieces after the payment window.
    HIGH_VALUE_THRESHOLD: positiveInt.max(10 ** 9).default(10_000),
    APPROVAL_THRESHOLD: positiveInt.max(10 ** 9).default(250_000),
    ORDER_PAYMENT_WINDOW_MINUTES: positiveInt
      .min(1)
      .max(24 * 60)
      .default(30),
    // Durable jobs (decision 006): handlers running at once per instance, and how long a claim holds without a heartbeat.
    // Browser journeys move the editorial clock forward instead of waiting for a scheduled minute; refused in production.
    EDITORIAL_TEST_CLOCK: bool.default(false),
    // Browser journeys move the checkout's clock (the step-up window of high-value orders) instead of waiting ten minutes.
    CHECKOUT_TEST_CLOCK: bool.default(false),
    JOBS_CONCURRENCY: positiveInt.max(200).default(10),
    JOBS_LEASE_SECONDS: positiveInt.min(2).max(3_600).default(60),
    // Uploaded media in an S3-compatible bucket (all of bucket + keys, or none: local disk under DATA_DIR/media).
    S3_BUCKET: z.string().min(3).max(63).optional(),
    S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    S3_REGION: z
      .string()
      .regex(/^[a-z0-9-]{2,30}$/, 'must be a region name such as eu-west-3')
      .optional(),
    S3_ACCESS_KEY_ID: z.string().min(3).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(8).optional(),
    S3_VIRTUAL_HOSTED: bool.optional(),
    // Payments (decision 010): the card provider, Stripe's keys (and API address, for a local fake in tests), limits in USD.
    PAYMENT_PROVIDER: z.enum(['sandbox', 'stripe']).default('sandbox'),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe secret key such as sk_test_…')
      .optional(),
    STRIPE_PUBLISHABLE_KEY: z
      .string()
      .regex(/^pk_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe publishable key such as pk_test_…')
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_[A-Za-z0-9]+$/, 'must be a webhook signing secret such as whsec_…')
      .optional(),
    STRIPE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
    CARD_LIMIT: positiveInt.default(100_000),
    REFUND_APPROVAL_THRESHOLD: positiveInt.default(10_000),
    BANK_TRANSFER_BENEFICIARY: z.string().min(2).max(140).default('StyleByZaga SAS (client funds)'),
    BANK_TRANSFER_IBAN: z
      .string()
      .regex(/^[A-Z]{2}\d{2}[A-Z0-9 ]{10,32}$/, 'must be an IBAN such as FR76 3000 6000 0112 3456 7890 189')
      .default('FR76 3000 6000 0112 3456 7890 189'),
    BANK_TRANSFER_BIC: z
      .string()
      .regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/, 'must be a BIC such as AGRIFRPP')
      .default('AGRIFRPPXXX'),
    PAYMENTS_RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
    // Web Push (VAPID): both keys from `npx web-push generate-vapid-keys`, or generated into DATA_DIR/keys when unset.
    VAPID_PUBLIC_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{80,100}$/, 'must be a base64url P-256 public key (npx web-push generate-vapid-keys)')
      .optional(),
    VAPID_PRIVATE_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{40,50}$/, 'must be a base64url P-256 private key (npx web-push generate-vapid-keys)')
      .optional(),
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:\/\/)/, 'must be a mailto: or https: URL')
      .default('mailto:concierge@stylebyzaga.local'),
    // Messaging: unread messages are e-mailed as one digest after this many minutes unread.
    MESSAGE_DIGEST_MINUTES: positiveInt.max(24 * 60).default(15),
    WEBAUTHN_RP_ID: z
      .string()
      .toLowerCase()
      .regex(DOMAIN, 'must be a domain name without scheme, port or path, e.g. stylebyzaga.com')
      .optional(),
    WEBAUTHN_ORIGINS: z
      .string()
      .optional()
      .transform((v) =>
        v
          ? v
              .split(',')
              .map((o) => o.trim())
              .filter(Boolean)
          : undefined,
      ),
  })
  .superRefine((c, ctx) => {
    if (c.EDITORIAL_TEST_CLOCK && c.NODE_ENV === 'production')
      ctx.addIssue({ code: 'custom', path: ['EDITORIAL_TEST_CLOCK'], message: 'is for tests and cannot be on in production' });
    if (c.CHECKOUT_TEST_CLOCK && c.NODE_ENV === 'production')
      ctx.addIssue({ code: 'custom', path: ['CHECKOUT_TEST_CLOCK'], message: 'is for tests and cannot be on in production' });
  })
  .transform(withWebAuthnDefaults)
  .transform((c) => ({ ...c, DEMO_DATA: c.DEMO_DATA ?? c.NODE_ENV !== 'production' }))
  .superRefine((c, ctx) => {
    if (c.PAYMENT_PROVIDER !== 'stripe') return;
    for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_PUBLISHABLE_KEY', 'STRIPE_WEBHOOK_SECRET'] as const) {
      if (!c[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when PAYMENT_PROVIDER=stripe' });
    }
  });

/** The address people use: PUBLIC_URL, else localhost (where passkeys work; browsers refuse them on 127.0.0.1). */
export function publicOrigin(config: { PUBLIC_URL?: string; PORT: number }, port = config.PORT): string {
  return config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : `http://localhost:${port}`;
}

const LOCAL_BINDS = new Set(['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost']);

/** What the ready line prints: the public origin, or for a server bound to one other address, that address. */
export function readyAddress(config: { PUBLIC_URL?: string; HOST: string; PORT: number }, port = config.PORT): string {
  if (config.PUBLIC_URL || LOCAL_BINDS.has(config.HOST)) return publicOrigin(config, port);
  return `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
}

/**
 * Passkeys are bound to an RP ID (a domain) and the origins a browser may use them on. Both default from
 * PUBLIC_URL, and every origin must sit on the RP ID or a subdomain of it, or no browser would ever accept it.
 */
function withWebAuthnDefaults<T extends { PUBLIC_URL?: string; PORT: number; WEBAUTHN_RP_ID?: string; WEBAUTHN_ORIGINS?: string[] }>(
  c: T,
  ctx: z.RefinementCtx,
): Omit<T, 'WEBAUTHN_RP_ID' | 'WEBAUTHN_ORIGINS'> & { WEBAUTHN_RP_ID: string; WEBAUTHN_ORIGINS: string[] } {
  const rpId = c.WEBAUTHN_RP_ID ?? (c.PUBLIC_URL ? new URL(c.PUBLIC_URL).hostname : 'localhost');
  const origins = c.WEBAUTHN_ORIGINS ?? [c.PUBLIC_URL ? new URL(c.PUBLIC_URL).origin : `http://localhost:${c.PORT}`];
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      // reported below
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== origin) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBAUTHN_ORIGINS'],
        message: `needs origins like https://stylebyzaga.com (scheme, host and optional port, no path); "${origin}" is not one`,
      });
    } else if (url.hostname !== rpId && !url.hostname.endsWith(`.${rpId}`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBAUTHN_ORIGINS'],
        message: `origin ${origin} is not on the WebAuthn RP ID "${rpId}" (set WEBAUTHN_RP_ID and WEBAUTHN_ORIGINS together)`,
      });
    }
  }
  return { ...c, WEBAUTHN_RP_ID: rpId, WEBAUTHN_ORIGINS: origins };
}

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string };

/** Reads the environment once; a wrong value throws one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "unset", as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name} ${describe(issue, name, present[name])}`);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.DATA_DIR) };
}

// Values that may carry credentials are never echoed back.
const SECRET_NAMES = new Set([
  'DATABASE_URL',
  'REDIS_URL',
  'METRICS_TOKEN',
  'DATA_KEY',
  'JWT_PRIVATE_KEY',
  'BOOTSTRAP_ADMIN_PASSWORD',
  'SMTP_URL',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'VAPID_PRIVATE_KEY',
]);

function describe(issue: z.core.$ZodIssue, name: string, value: string | undefined): string {
  const shown = value === undefined || SECRET_NAMES.has(name) ? '' : ` (got "${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
  return `${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}${shown}`;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
