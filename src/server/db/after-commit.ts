/**
 * Work that must wait until a transaction has committed (decision 006: the jobs queue's wake-up). `db.transaction`
 * of every database opened by `openDatabase` gives its callback a transaction with a scope; `afterCommit(tx, fn)`
 * defers `fn` to just after that transaction commits, and drops it when the transaction rolls back. Given anything
 * else (the database itself, outside a transaction) it answers false and the caller does the work at once.
 *
 * Why the queue needs it: a transaction that runs NOTIFY takes a cluster-wide lock at commit and holds it through
 * the commit's WAL flush, so notifying transactions commit one at a time (about 250 a second on this machine's
 * disk, however many producers). A NOTIFY sent after the commit, in a statement that writes nothing, holds the
 * lock for microseconds and lets the producers' commits share their flushes again.
 *
 * The scope is found from the transaction object the caller already holds, not from an AsyncLocalStorage: once a
 * process has entered one, Node 20 runs async hooks on every promise of every request (a few percent of a cached
 * answer's CPU).
 */
import type { Db } from './client.ts';

interface Scope {
  db: Db;
  pending: ((db: Db) => void)[];
  ended: boolean;
}

const scopes = new WeakMap<object, Scope>();

/**
 * Runs `fn(db)` after the transaction `tx` commits, with `db` the database it ran on (not the transaction).
 * Returns false, and runs nothing, when `tx` is not an open transaction.
 */
export function afterCommit(tx: Db, fn: (db: Db) => void): boolean {
  const scope = scopes.get(tx);
  if (!scope || scope.ended) return false;
  scope.pending.push(fn);
  return true;
}

/**
 * Gives each `db.transaction` its own after-commit scope. Savepoints (`tx.transaction`) stay in the scope of their
 * transaction; a `db.transaction` started inside another is a transaction of its own, with its own scope.
 */
export function withAfterCommitScopes(db: Db): Db {
  const transaction = db.transaction.bind(db);
  const scoped: typeof transaction = async (run, config) => {
    const scope: Scope = { db, pending: [], ended: false };
    try {
      const result = await transaction((tx) => run(inScope(tx, scope)), config);
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

function inScope<T extends Pick<Db, 'transaction'>>(tx: T, scope: Scope): T {
  scopes.set(tx, scope);
  const savepoint = tx.transaction.bind(tx);
  tx.transaction = ((run, config) => savepoint((inner) => run(inScope(inner, scope)), config)) as typeof savepoint;
  return tx;
}
