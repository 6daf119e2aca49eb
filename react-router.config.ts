import type { Config } from '@react-router/dev/config';

/**
 * The web app is server-rendered by the platform's own Fastify process
 * (src/server/web/ssr.ts imports build/server/index.js), so it lives beside the
 * API in one origin and one port.
 */
export default {
  appDirectory: 'src/web',
  buildDirectory: 'build',
  ssr: true,
} satisfies Config;
