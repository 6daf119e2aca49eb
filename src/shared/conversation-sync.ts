/**
 * The browser's half of "nothing is lost" (decision 009), shared with the tests that prove it: live events carry
 * their conversation's sequence number; a message right after the last one seen is shown at once, anything else
 * (a jump, an event about a later sequence, a `resync` from the server, a reconnect) fetches what was missed over
 * HTTP, oldest first, and shows each message once, in order.
 */
export interface Sequenced {
  seq: number;
}

export interface SyncEvent<M extends Sequenced> {
  type: string;
  conversationId?: string;
  seq?: number;
  message?: M;
}

export class ConversationSync<M extends Sequenced> {
  private readonly last = new Map<string, number>();
  private readonly repairing = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();

  constructor(
    /** Messages after `afterSeq`, oldest first (all of them: page inside). */
    private readonly fetchAfter: (conversationId: string, afterSeq: number) => Promise<M[]>,
    /** Called with messages in sequence order, each once. */
    private readonly deliver: (conversationId: string, messages: M[]) => void,
  ) {}

  /** Start following a conversation from what the page already shows. */
  follow(conversationId: string, lastSeq: number): void {
    const known = this.last.get(conversationId);
    if (known === undefined || lastSeq > known) this.last.set(conversationId, lastSeq);
  }

  lastSeen(conversationId: string): number | undefined {
    return this.last.get(conversationId);
  }

  onEvent(event: SyncEvent<M>): void {
    if (event.type === 'resync' || event.type === 'ready') {
      for (const id of this.last.keys()) void this.repair(id);
      return;
    }
    const id = event.conversationId;
    if (!id || event.seq === undefined) return;
    const last = this.last.get(id);
    if (last === undefined) return;
    if (event.type === 'message' && event.message) {
      if (event.seq <= last) return;
      if (event.seq === last + 1 && !this.repairing.has(id)) {
        this.last.set(id, event.seq);
        this.deliver(id, [event.message]);
        return;
      }
      void this.repair(id);
      return;
    }
    // A receipt, typing or count about a later point than we have: something was missed.
    if (event.seq > last) void this.repair(id);
  }

  /** Fetches everything after the last sequence seen; one repair per conversation at a time, rerun if asked meanwhile. */
  repair(conversationId: string): Promise<void> {
    const running = this.repairing.get(conversationId);
    if (running) {
      this.again.add(conversationId);
      return running;
    }
    const run = (async () => {
      try {
        do {
          this.again.delete(conversationId);
          const from = this.last.get(conversationId) ?? 0;
          const missed = (await this.fetchAfter(conversationId, from))
            .filter((m) => m.seq > (this.last.get(conversationId) ?? 0))
            .sort((a, b) => a.seq - b.seq);
          const fresh: M[] = [];
          for (const m of missed) {
            if (m.seq !== (this.last.get(conversationId) ?? 0) + 1) break;
            this.last.set(conversationId, m.seq);
            fresh.push(m);
          }
          if (fresh.length) this.deliver(conversationId, fresh);
        } while (this.again.has(conversationId));
      } finally {
        this.repairing.delete(conversationId);
      }
    })();
    this.repairing.set(conversationId, run);
    return run;
  }
}
