import type { onRequestHookHandler, onResponseHookHandler, RouteOptions } from 'fastify';

interface Steps {
  onRequest: onRequestHookHandler;
  onResponse: onResponseHookHandler;
}

/**
 * Adds `step` after a route's own steps of that kind, from an onRoute hook: a per-route step costs only the routes
 * that need it, where a global hook runs (and re-derives the route) on every request.
 */
export function appendRouteStep<K extends keyof Steps>(route: RouteOptions, name: K, step: Steps[K]): void {
  const existing = route[name] as Steps[K] | Steps[K][] | undefined;
  (route as { [P in K]?: Steps[K][] })[name] =
    existing === undefined ? [step] : [...(Array.isArray(existing) ? existing : [existing]), step];
}

/** Puts `step` before a route's own steps of that kind (registered ones, and those of onRoute hooks that ran earlier). */
export function prependRouteStep<K extends keyof Steps>(route: RouteOptions, name: K, step: Steps[K]): void {
  const existing = route[name] as Steps[K] | Steps[K][] | undefined;
  (route as { [P in K]?: Steps[K][] })[name] =
    existing === undefined ? [step] : [step, ...(Array.isArray(existing) ? existing : [existing])];
}
