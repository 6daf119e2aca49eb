// What src/server/web/ssr.ts passes to every loader, action and the server entry.
export {};

declare module 'react-router' {
  interface AppLoadContext {
    /** Nonce that @fastify/helmet put into this response's Content-Security-Policy header. */
    cspNonce?: string;
  }
}
