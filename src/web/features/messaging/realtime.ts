/**
 * The tab's realtime socket: opened on the same origin, authenticated with the access token in its first frame and
 * given a fresh token before it expires (so a refresh never drops it), reopened with backoff when it closes (and, while
 * the browser is offline, only once it is back). While it cannot open, `connected` stays false and pages poll over HTTP
 * instead. One socket per tab, shared by every component that listens (the header's bell, the messages page).
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useSession } from '../auth/session.tsx';

export type RealtimeEvent = { type: string; conversationId?: string; seq?: number; [key: string]: unknown };
type Listener = (event: RealtimeEvent) => void;

class RealtimeSocket {
  private ws: WebSocket | undefined;
  private readonly listeners = new Set<Listener>();
  private readonly watchers = new Set<() => void>();
  private retry = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refresher: ReturnType<typeof setInterval> | undefined;
  private users = 0;
  connected = false;

  constructor(private readonly token: () => Promise<string | null>) {}

  acquire(): () => void {
    this.users += 1;
    if (this.users === 1) this.open();
    return () => {
      this.users -= 1;
      if (this.users === 0) this.shut();
    };
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  watch = (fn: () => void): (() => void) => {
    this.watchers.add(fn);
    return () => void this.watchers.delete(fn);
  };

  send(frame: object): void {
    if (this.ws?.readyState === WebSocket.OPEN && this.connected) this.ws.send(JSON.stringify(frame));
  }

  private setConnected(value: boolean) {
    if (this.connected === value) return;
    this.connected = value;
    for (const fn of this.watchers) fn();
  }

  private open() {
    clearTimeout(this.timer);
    // Offline, a connection attempt can only fail (and the browser logs each failure): wait for the network instead.
    if (navigator.onLine === false) {
      window.addEventListener('online', this.onOnline, { once: true });
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    let ws: WebSocket;
    try {
      ws = new WebSocket(`${scheme}://${location.host}/api/v1/realtime`);
    } catch {
      this.reopenLater();
      return;
    }
    this.ws = ws;
    ws.onopen = async () => {
      const token = await this.token();
      if (!token) return ws.close();
      ws.send(JSON.stringify({ type: 'auth', token }));
    };
    ws.onmessage = (message) => {
      let event: RealtimeEvent;
      try {
        event = JSON.parse(String(message.data)) as RealtimeEvent;
      } catch {
        return;
      }
      if (event.type === 'ready') {
        this.retry = 0;
        this.setConnected(true);
        // Before the token expires, hand the server a fresh one (the session refreshes it when close to expiry).
        clearInterval(this.refresher);
        this.refresher = setInterval(async () => {
          const token = await this.token();
          if (token) this.send({ type: 'auth', token });
        }, 60_000);
      }
      for (const listener of this.listeners) listener(event);
    };
    ws.onclose = () => {
      clearInterval(this.refresher);
      this.setConnected(false);
      if (this.ws !== ws) return;
      this.ws = undefined;
      if (this.users > 0) this.reopenLater();
    };
  }

  private onOnline = () => {
    if (this.users > 0 && !this.ws) this.open();
  };

  private reopenLater() {
    this.retry += 1;
    this.timer = setTimeout(() => this.open(), Math.min(30_000, 500 * 2 ** Math.min(this.retry, 6)));
  }

  private shut() {
    clearTimeout(this.timer);
    window.removeEventListener('online', this.onOnline);
    clearInterval(this.refresher);
    const ws = this.ws;
    this.ws = undefined;
    // Closed while still connecting, a socket makes the browser log a failed connection: let it open, then close it.
    if (ws?.readyState === WebSocket.CONNECTING) {
      ws.onmessage = null;
      ws.onopen = () => ws.close(1000, 'page left');
    } else ws?.close(1000, 'page left');
    this.setConnected(false);
  }
}

let shared: RealtimeSocket | undefined;

/** The tab's socket while the calling component is mounted; `onEvent` hears every event. */
export function useRealtime(onEvent: Listener): { connected: boolean; send: (frame: object) => void } {
  const { token } = useSession();
  shared ??= new RealtimeSocket(token);
  const socket = shared;
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => socket.acquire(), [socket]);
  useEffect(() => socket.on((e) => handler.current(e)), [socket]);
  const connected = useSyncExternalStore(
    socket.watch,
    () => socket.connected,
    () => false,
  );
  return { connected, send: (frame) => socket.send(frame) };
}
