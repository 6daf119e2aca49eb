import type { FastifyInstance, RouteHandlerMethod } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Resolves once no route handler is running (true), or after `timeoutMs` (false). Shutdown waits for it between
     * closing the server and closing the database: the server's close waits for open connections only, so a handler
     * whose caller hung up would otherwise lose its database halfway through its work.
     */
    whenIdle(timeoutMs: number): Promise<boolean>;
  }
}

/** Counts running route handlers (register before the routes). */
export function trackInFlight(app: FastifyInstance): void {
  let running = 0;
  const waiters: (() => void)[] = [];
  const settle = () => {
    running--;
    if (running === 0) for (const wake of waiters.splice(0)) wake();
  };
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    const tracked = function (this: FastifyInstance, ...args: Parameters<RouteHandlerMethod>) {
      running++;
      let result: unknown;
      try {
        result = handler.apply(this, args);
      } catch (err) {
        settle();
        throw err;
      }
      // Async handlers, and handlers returning the reply (a thenable settled when the answer is sent or dropped).
      if (result !== null && typeof result === 'object' && typeof (result as PromiseLike<unknown>).then === 'function') {
        (result as PromiseLike<unknown>).then(settle, settle);
      } else {
        settle();
      }
      return result;
    } as RouteHandlerMethod;
    route.handler = tracked;
  });
  app.decorate('whenIdle', (timeoutMs: number) => {
    if (running === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  });
}
