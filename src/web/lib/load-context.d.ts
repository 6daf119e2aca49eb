// What src/server/web/ssr.ts passes to every loader, action and the server entry.
export {};

declare module 'react-router' {
  interface AppLoadContext {
    /** Nonce that @fastify/helmet put into this response's Content-Security-Policy header. */
    cspNonce?: string;
    /** This process's own API origin (loopback), for server-side loaders and actions. */
    apiOrigin: string;
    /** The visitor's address, forwarded on server-side API calls so per-IP limits stay per visitor. */
    clientIp: string;
  }
}
