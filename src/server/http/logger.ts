import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import type { ChildLoggerOptions } from 'fastify/types/logger.js';
import type { Config } from '../config.ts';

/** pino options: pretty lines in a terminal, JSON otherwise; secrets in headers never reach the log. */
export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  const pretty = config.LOG_FORMAT === 'pretty' || (config.LOG_FORMAT === 'auto' && process.stdout.isTTY);
  return {
    level: config.LOG_LEVEL,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.refreshToken'],
      censor: '[redacted]',
    },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } } }
      : {}),
  };
}

type Bindings = Record<string, unknown>;
type Logger = FastifyBaseLogger;

/**
 * Fastify makes a child logger for every request. Most requests never log (probes, reads at `warn`), so
 * this hands out a stand-in that builds the real child on first use: the same output, without paying for a
 * pino child on every request (measured in bench/RESULTS.md).
 */
export function lazyChildLogger(logger: Logger, bindings: Bindings, options: ChildLoggerOptions): Logger {
  let child: Logger | undefined;
  const real = () => (child ??= logger.child(bindings, options));
  const lazy = {
    get level() {
      return real().level;
    },
    set level(value: string) {
      real().level = value;
    },
    fatal: (...args: unknown[]) => (real().fatal as (...a: unknown[]) => void)(...args),
    error: (...args: unknown[]) => (real().error as (...a: unknown[]) => void)(...args),
    warn: (...args: unknown[]) => (real().warn as (...a: unknown[]) => void)(...args),
    info: (...args: unknown[]) => (real().info as (...a: unknown[]) => void)(...args),
    debug: (...args: unknown[]) => (real().debug as (...a: unknown[]) => void)(...args),
    trace: (...args: unknown[]) => (real().trace as (...a: unknown[]) => void)(...args),
    silent: () => undefined,
    child: (more: Bindings, opts?: ChildLoggerOptions) => real().child(more, opts),
  };
  return lazy as unknown as Logger;
}
