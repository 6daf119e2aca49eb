/**
 * The realtime socket at `GET /api/v1/realtime` (same port as the API). The browser authenticates with its access
 * token in the first frame (never in the URL, which lands in logs) and sends a fresh one before it expires, so a
 * refresh never drops the socket. The server pushes messages, receipts, typing, notifications and unread counts, each
 * with its conversation's sequence; on any doubt (a bus outage) it says `resync` and the browser fetches over HTTP.
 * A socket that sends garbage or floods is closed with a reason.
 */
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import type { Envelope } from '../../realtime/bus.ts';
import type { Actor } from '../../http/auth.ts';
import { actorFromAccessToken } from '../identity/service.ts';
import { accessConversation, audienceOf, markDelivered, unreadTotal } from './service.ts';

/** Close codes: 4401 authentication, 1008 policy (flooding), 1003 unsupported data (garbage), 1009 too big, 1013 too slow. */
export const CLOSE = { auth: 4401, policy: 1008, garbage: 1003, tooBig: 1009, slow: 1013 } as const;
const MAX_FRAME = 4096;
const AUTH_TIMEOUT_MS = 10_000;
const FLOOD_WINDOW_MS = 10_000;
const FLOOD_MAX = 60;
const TYPING_EVERY_MS = 2_000;
const TYPING_TTL_MS = 6_000;
const MAX_BUFFERED = 1 << 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Client {
  socket: WebSocket;
  actor?: Actor;
  expiresAt: number;
  expiryTimer?: NodeJS.Timeout;
  frames: number[];
  typingAt: Map<string, number>;
  allowed: Set<string>;
}

/** The sockets of this instance, by user; fed by the bus (whatever instance published). */
export class SocketHub {
  private readonly byUser = new Map<string, Set<Client>>();
  private stops: Array<() => void> = [];
  constructor(private readonly ctx: AppContext) {}

  /** Hears the bus until the returned function is called (a module listener: from ready to close). */
  async start(): Promise<() => Promise<void>> {
    const bus = this.ctx.adapters.realtime;
    this.stops = [bus.subscribe((e) => this.deliver(e)), bus.onGap((reason) => this.broadcast(JSON.stringify({ type: 'resync', reason })))];
    return async () => this.close();
  }

  get size(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  add(client: Client): void {
    const userId = client.actor!.userId;
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(client);
  }

  remove(client: Client): void {
    if (!client.actor) return;
    const set = this.byUser.get(client.actor.userId);
    set?.delete(client);
    if (set?.size === 0) this.byUser.delete(client.actor.userId);
  }

  deliver(envelope: Envelope): void {
    let frame: string | undefined;
    for (const userId of envelope.userIds) {
      const set = this.byUser.get(userId);
      if (!set) continue;
      frame ??= JSON.stringify(envelope.event);
      for (const client of set) send(client, frame);
    }
  }

  broadcast(frame: string): void {
    for (const set of this.byUser.values()) for (const client of set) send(client, frame);
  }

  close(): void {
    for (const stop of this.stops.splice(0)) stop();
    for (const set of this.byUser.values()) for (const c of set) c.socket.close(1001, 'server shutting down');
  }
}

function send(client: Client, frame: string): void {
  if (client.socket.readyState !== client.socket.OPEN) return;
  // A reader that cannot keep up would hold memory for everyone: it reconnects and repairs over HTTP.
  if (client.socket.bufferedAmount > MAX_BUFFERED) {
    client.socket.close(CLOSE.slow, 'too slow: reconnect and fetch what you missed');
    return;
  }
  client.socket.send(frame);
}

function tokenExpiry(token: string): number {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { exp?: number };
    return (payload.exp ?? 0) * 1000;
  } catch {
    return 0;
  }
}

type Frame =
  | { type: 'auth'; token: string }
  | { type: 'typing'; conversationId: string }
  | { type: 'delivered'; conversationId: string; seq: number }
  | { type: 'ping' };

function parseFrame(raw: string): Frame | undefined {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const f = v as Record<string, unknown>;
  switch (f.type) {
    case 'auth':
      return typeof f.token === 'string' && f.token.length < 2048 ? { type: 'auth', token: f.token } : undefined;
    case 'typing':
      return typeof f.conversationId === 'string' && UUID.test(f.conversationId)
        ? { type: 'typing', conversationId: f.conversationId }
        : undefined;
    case 'delivered':
      return typeof f.conversationId === 'string' && UUID.test(f.conversationId) && Number.isInteger(f.seq) && (f.seq as number) >= 0
        ? { type: 'delivered', conversationId: f.conversationId, seq: f.seq as number }
        : undefined;
    case 'ping':
      return { type: 'ping' };
    default:
      return undefined;
  }
}

const hubs = new WeakMap<AppContext, SocketHub>();
/** The one hub of an app (its context), shared by the socket route and the listener that feeds it. */
export function hubFor(ctx: AppContext): SocketHub {
  let hub = hubs.get(ctx);
  if (!hub) hubs.set(ctx, (hub = new SocketHub(ctx)));
  return hub;
}

export async function realtimeRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const hub = hubFor(ctx);
  app.route({
    method: 'GET',
    url: '/realtime',
    schema: { hide: true },
    config: { policy: 'public', identifyCaller: false },
    // A plain GET (no Upgrade) gets the usual error shape, not an empty 404.
    handler: async () => {
      throw new ApiError(
        'ValidationException',
        'This address speaks WebSocket: connect with an Upgrade request, then send {"type":"auth","token":…}',
      );
    },
    wsHandler: (socket) => {
      const client: Client = { socket, expiresAt: 0, frames: [], typingAt: new Map(), allowed: new Set() };
      const authTimer = setTimeout(
        () => socket.close(CLOSE.auth, 'authentication required: send {"type":"auth","token":…} first'),
        AUTH_TIMEOUT_MS,
      );
      const close = (code: number, reason: string) => {
        if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(code, reason);
      };

      const authenticate = async (token: string) => {
        const actor = await actorFromAccessToken(ctx, token);
        if (!actor) return close(CLOSE.auth, 'the access token is not valid or has expired');
        if (client.actor && client.actor.userId !== actor.userId) return close(CLOSE.auth, 'a socket belongs to one account');
        const first = !client.actor;
        client.actor = actor;
        client.expiresAt = tokenExpiry(token);
        clearTimeout(client.expiryTimer);
        // The browser refreshes before this; a socket whose session lapsed is closed, never kept on an old token.
        client.expiryTimer = setTimeout(
          () => close(CLOSE.auth, 'the access token expired: reconnect with a fresh one'),
          Math.max(1_000, client.expiresAt - Date.now()),
        );
        client.expiryTimer.unref();
        if (first) {
          clearTimeout(authTimer);
          hub.add(client);
          send(client, JSON.stringify({ type: 'ready', userId: actor.userId, unread: await unreadTotal(ctx.db, actor.userId) }));
        } else {
          send(client, JSON.stringify({ type: 'auth.ok', expiresAt: new Date(client.expiresAt).toISOString() }));
        }
      };

      const mayUse = async (conversationId: string): Promise<boolean> => {
        if (client.allowed.has(conversationId)) return true;
        const ok = await accessConversation(ctx.db, client.actor!, conversationId).then(
          () => true,
          () => false,
        );
        if (ok) client.allowed.add(conversationId);
        return ok;
      };

      const handle = async (frame: Frame) => {
        if (frame.type === 'auth') return authenticate(frame.token);
        if (!client.actor) return close(CLOSE.auth, 'authentication required: send {"type":"auth","token":…} first');
        if (frame.type === 'ping') return send(client, JSON.stringify({ type: 'pong', at: new Date().toISOString() }));
        if (!(await mayUse(frame.conversationId)))
          return send(client, JSON.stringify({ type: 'error', message: 'No such conversation', conversationId: frame.conversationId }));
        if (frame.type === 'delivered') return markDelivered(ctx, client.actor, frame.conversationId, frame.seq);
        // Typing: at most one event per conversation every two seconds, each expiring on its own after six.
        const now = Date.now();
        if (now - (client.typingAt.get(frame.conversationId) ?? 0) < TYPING_EVERY_MS) return;
        client.typingAt.set(frame.conversationId, now);
        const { conv } = await accessConversation(ctx.db, client.actor, frame.conversationId);
        const others = (await audienceOf(ctx.db, conv.id)).filter((id) => id !== client.actor!.userId);
        await ctx.adapters.realtime.publish({
          userIds: others,
          event: {
            type: 'typing',
            conversationId: conv.id,
            seq: conv.lastSeq,
            userId: client.actor.userId,
            expiresAt: new Date(now + TYPING_TTL_MS).toISOString(),
          },
        });
      };

      socket.on('message', (data, isBinary) => {
        const now = Date.now();
        client.frames.push(now);
        while (client.frames.length && client.frames[0]! < now - FLOOD_WINDOW_MS) client.frames.shift();
        if (client.frames.length > FLOOD_MAX)
          return close(CLOSE.policy, `flooding: at most ${FLOOD_MAX} frames in ${FLOOD_WINDOW_MS / 1000} s`);
        const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength;
        if (isBinary) return close(CLOSE.garbage, 'garbage: frames are JSON text');
        if (size > MAX_FRAME) return close(CLOSE.tooBig, `garbage: frames are at most ${MAX_FRAME} bytes`);
        const frame = parseFrame(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
        if (!frame) return close(CLOSE.garbage, 'garbage: not a frame this server understands');
        handle(frame).catch((err: unknown) => {
          app.log.warn({ err }, 'realtime frame failed');
          send(client, JSON.stringify({ type: 'error', message: 'That did not work; try again' }));
        });
      });
      socket.on('close', () => {
        clearTimeout(authTimer);
        clearTimeout(client.expiryTimer);
        hub.remove(client);
      });
      socket.on('error', () => undefined);
    },
  });
}
