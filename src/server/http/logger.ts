import type { FastifyServerOptions } from 'fastify';
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
