import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import type { ChildLoggerOptions } from 'fastify/types/logger.js';
import pino from 'pino';
import type { Config } from '../config.ts';

/** pino options: pretty lines in a terminal, JSON otherwise; secrets in headers never reach the log. */
export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  const pretty = config.LOG_FORMAT === 'pretty' || (config.LOG_FORMAT === 'auto' && process.stdout.isTTY);
  return {
    level: config.LOG_LEVEL,
    serializers: { err: serializeError as never },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.refreshToken'],
      censor: '[redacted]',
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
  };
}

/**
 * Errors as pino writes them, minus the values a failed statement carried: Drizzle puts the bound parameters
 * (emails, names, tokens…) into its message and `params`, and PostgreSQL echoes values in `detail` and in
 * messages such as `invalid input syntax for type uuid: "…"`. The statement text, codes and names stay.
 */
export function serializeError(err: unknown): unknown {
  const serialized = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  // pino folds the cause into the stack text; its SQLSTATE is what an operator searches for.
  const causeCode = (err as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return { ...scrub(serialized, 0), ...(typeof causeCode === 'string' ? { causeCode } : {}) };
}

function scrub(value: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'params' || key === 'detail' || key === 'parameters') continue;
    if ((key === 'message' || key === 'stack') && typeof v === 'string') out[key] = scrubText(v);
    else if (key === 'cause' && v && typeof v === 'object' && depth < 5) out[key] = scrub(v as Record<string, unknown>, depth + 1);
    else out[key] = v;
  }
  return out;
}

const scrubText = (text: string) =>
  text.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, '\nparams: [redacted]').replace(/(: )"(?:[^"\\]|\\.)*"/g, '$1"[redacted]"');

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
