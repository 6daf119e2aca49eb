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
// pino loggers answer isLevelEnabled; Fastify's null logger (logging off) does not.
type Logger = FastifyBaseLogger & { isLevelEnabled?: (level: string) => boolean };
type LogFn = (...args: unknown[]) => void;

/**
 * Fastify makes a child logger for every request. Most requests never log (probes, reads at `warn`), so this
 * hands out a stand-in that builds the real child on first use, and not even then for a level the parent
 * would drop: the same output, without paying for a pino child on every request (bench/RESULTS.md). A class
 * with prototype methods, because closures made per request cost more than the child they avoid.
 */
class LazyChildLogger {
  #child: Logger | undefined;
  readonly #parent: Logger;
  readonly #bindings: Bindings;
  readonly #options: ChildLoggerOptions;

  constructor(parent: Logger, bindings: Bindings, options: ChildLoggerOptions) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
  }

  #real(): Logger {
    return (this.#child ??= this.#parent.child(this.#bindings, this.#options));
  }

  // A request's child keeps the parent's level unless options set its own; then the child must decide.
  #log(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', args: unknown[]): void {
    if (!this.#child && !this.#options.level && !this.#parent.isLevelEnabled!(level)) return;
    (this.#real()[level] as LogFn)(...args);
  }

  get level(): string {
    return this.#real().level;
  }
  set level(value: string) {
    this.#real().level = value;
  }
  isLevelEnabled(level: string): boolean {
    return (this.#child || this.#options.level ? this.#real() : this.#parent).isLevelEnabled!(level);
  }
  fatal(...args: unknown[]): void {
    this.#log('fatal', args);
  }
  error(...args: unknown[]): void {
    this.#log('error', args);
  }
  warn(...args: unknown[]): void {
    this.#log('warn', args);
  }
  info(...args: unknown[]): void {
    this.#log('info', args);
  }
  debug(...args: unknown[]): void {
    this.#log('debug', args);
  }
  trace(...args: unknown[]): void {
    this.#log('trace', args);
  }
  silent(): void {}
  child(more: Bindings, opts?: ChildLoggerOptions): Logger {
    return this.#real().child(more, opts);
  }
}

export function lazyChildLogger(logger: Logger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  // Fastify's null logger (logging off) has no levels to ask; its child is itself and costs nothing.
  if (typeof logger.isLevelEnabled !== 'function') return logger.child(bindings, options);
  return new LazyChildLogger(logger, bindings, options) as unknown as FastifyBaseLogger;
}
