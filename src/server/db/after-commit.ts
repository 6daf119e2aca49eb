/**
 * Work that must wait until a transaction has committed (decision 006: the jobs queue's wake-up). `db.transaction`
 * of every database opened by `openDatabase` runs its callback in a scope; `afterCommit` inside that scope defers
 * its function to just after that transaction commits, and drops it when the transaction rolls back.
 * Outside a transaction (or after its scope ended) it answers false and the caller does the work at once.
 *
 * Why the queue needs it: a transaction that runs NOTIFY takes a cluster-wide lock at commit and holds it through
 * the commit's WAL flush, so notifying transactions commit one at a time (about 250 a second on this machine's
 * disk, however many producers). A NOTIFY sent after the commit, in a statement that writes nothing, holds the
 * lock for microseconds and lets the producers' commits share their flushes again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './client.ts';

interface Scope {
  db: Db;
  pending: ((db: Db) => void)[];
  ended: boolean;
}

const scopes = new AsyncLocalStorage<Scope>();

/**
 * Runs `fn(db)` after the current transaction commits, with `db` the database it ran on (not the
 * transaction). Returns false, and runs nothing, when there is no open transaction scope.
 */
export function afterCommit(fn: (db: Db) => void): boolean {
  const scope = scopes.getStore();
  if (!scope || scope.ended) return false;
  scope.pending.push(fn);
  return true;
}

/**
 * Makes each `db.transaction` open its own after-commit scope. Savepoints (`tx.transaction`) stay in the scope of
 * their transaction; a `db.transaction` started inside another is a transaction of its own, with its own scope.
 */
export function withAfterCommitScopes(db: Db): Db {
  const transaction = db.transaction.bind(db);
  const scoped: typeof transaction = async (run, config) => {
    const scope: Scope = { db, pending: [], ended: false };
    try {
      const result = await scopes.run(scope, () => transaction(run, config));
      scope.ended = true;
      for (const fn of scope.pending) fn(db);
      return result;
    } finally {
      scope.ended = true;
    }
  };
  db.transaction = scoped;
  return db;
}
