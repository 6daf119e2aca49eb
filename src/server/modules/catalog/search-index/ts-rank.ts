/**
 * PostgreSQL's `ts_rank(weights, document, query)` (src/backend/utils/adt/tsrank.c, normalization 0), step for step and
 * in single precision where the C code is (`Math.fround` at every float store), so the index orders hits exactly as
 * the SQL path does and its page tokens carry the same real numbers.
 *
 * `operands` are the query's distinct lexemes in PostgreSQL's order (byte order, duplicates removed: SortAndUniqItems),
 * each with the document's entries for it: one for a plain lexeme, every matching lexeme (byte order) for a prefix.
 */
import { positionOf, weightOf } from './tsvector.ts';

/** One tsvector entry's packed positions: `pool[start..end)`. */
export interface PositionRun {
  pool: Uint16Array;
  start: number;
  end: number;
}

const f = Math.fround;
/** `'{0.1, 0.25, 0.5, 1.0}'` (D, C, B, A) as the float4[] search.ts passes. */
export const RANK_WEIGHTS: readonly number[] = [f(0.1), f(0.25), f(0.5), f(1.0)];
const TINY = f(1e-30);
const FLOOR = f(1e-20);

function wordDistance(w: number): number {
  if (w > 100) return TINY;
  return f(1.0 / (1.005 + 0.05 * Math.exp(f(w) / 1.5 - 2)));
}

/** One run's term of rankOr (before the division by π²/6): a function of the run's positions alone. */
export function orTerm(pool: Uint16Array, start: number, end: number, w: readonly number[] = RANK_WEIGHTS): number {
  let resj = 0;
  let wjm = -1;
  let jm = 0;
  for (let j = start; j < end; j++) {
    const wp = w[weightOf(pool[j]!)]!;
    const n = j - start + 1;
    resj = f(resj + f(wp / (n * n)));
    if (wp > wjm) {
      wjm = wp;
      jm = j - start;
    }
  }
  return f(f(wjm + resj) - f(wjm / ((jm + 1) * (jm + 1))));
}

/** rankOr's sum step: `res` plus one run's term, in single precision as tsrank.c adds it. */
export function addOrTerm(res: number, term: number): number {
  return f(res + term / 1.64493406685);
}

/** rankOr's last step over `operands` operands (an operand the document lacks still counts). */
export function finishOr(res: number, operands: number): number {
  const r = operands > 0 ? f(res / operands) : res;
  return r < 0 ? FLOOR : r;
}

function rankOr(w: readonly number[], operands: readonly PositionRun[][]): number {
  let res = 0;
  for (const runs of operands) for (const run of runs) res = addOrTerm(res, orTerm(run.pool, run.start, run.end, w));
  return operands.length > 0 ? f(res / operands.length) : res;
}

function rankAnd(w: readonly number[], operands: readonly PositionRun[][]): number {
  if (operands.length < 2) return rankOr(w, operands);
  let res = -1;
  const pos: (PositionRun | undefined)[] = new Array(operands.length);
  for (let i = 0; i < operands.length; i++) {
    for (const run of operands[i]!) {
      pos[i] = run;
      for (let k = 0; k < i; k++) {
        const other = pos[k];
        if (!other) continue;
        for (let l = run.start; l < run.end; l++) {
          const pl = run.pool[l]!;
          for (let p = other.start; p < other.end; p++) {
            const pp = other.pool[p]!;
            const dist = Math.abs(positionOf(pl) - positionOf(pp));
            if (dist === 0) continue;
            const curw = f(Math.sqrt(f(f(w[weightOf(pl)]! * w[weightOf(pp)]!) * wordDistance(dist))));
            res = res < 0 ? curw : f(1.0 - (1.0 - res) * (1.0 - curw));
          }
        }
      }
    }
  }
  return res;
}

/** `ts_rank` of a document for a query whose root is AND (`isAnd`) or anything else (a word, an OR). */
export function tsRank(isAnd: boolean, operands: readonly PositionRun[][], w: readonly number[] = RANK_WEIGHTS): number {
  const res = isAnd ? rankAnd(w, operands) : rankOr(w, operands);
  return res < 0 ? FLOOR : res;
}

/** PostgreSQL's `real::text` (shortest text that reads back as the same float4): the relevance page token's key. */
export function float4Text(x: number): string {
  // Nine significant digits always read back as the same float4; fewer may. The shortest is found by bisection
  // (if p digits read back, so do p + 1).
  let lo = 1;
  let hi = 9;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (f(Number(x.toPrecision(mid))) === x) hi = mid;
    else lo = mid + 1;
  }
  return String(Number(x.toPrecision(lo)));
}
