/**
 * One search over the slot store, in one pass over the matching slots: the text match (posting lists intersected,
 * smallest first, by galloping), the audience, the five user filters as booleans, every disjunctive facet counted
 * with all filters but its own, and the page kept as a top-k of the sort. The same semantics as search.ts's statement.
 */
import { categoryKey, type Posting, type SlotStore } from './store.ts';
import { addOrTerm, finishOr, float4Text, tsRank, type PositionRun } from './ts-rank.ts';

export type EngineSort = 'relevance' | 'newest' | 'price_asc' | 'price_desc';

export interface TextQuery {
  /** Each clause is satisfied by any of its lexemes (a word OR its correction); all clauses must be. */
  clauses: { lexemes: string[]; prefix: boolean }[];
}

export interface EngineQuery {
  /** 'VIP' also sees VIP_ONLY; nobody sees DRAFT. */
  audience: 'PUBLIC' | 'VIP';
  /** Undefined: browse (every visible product the filters allow). */
  text?: TextQuery;
  /** Ids to filter on; undefined = no filter, empty = a filter that matches nothing. */
  categories?: readonly string[];
  brands?: readonly string[];
  colors?: readonly string[];
  sizes?: readonly string[];
  price?: { min: number; max?: number };
  /** The requested currency: the price filter and the price facet only count products priced in it. */
  currency: string;
  /** Lower bounds of the price bands in minor units (width_bucket's array). */
  bands: readonly number[];
  sort: EngineSort;
  /** Strictly after this (key, id) in the sort order. */
  after?: { key: number; id: Uint32Array };
  /** How many page rows to return (maxResults + 1, to know whether a next page exists). */
  limit: number;
}

export interface EngineResult {
  total: number;
  page: { id: string; k: string }[];
  categories: [string, number][];
  brands: [string, number][];
  /** width_bucket values (1-based) with counts; bucket 0 (below the first bound) is left out as SQL filters it. */
  bands: [number, number][];
  colors: [string, number][];
  sizes: [string, number][];
}

/** First index ≥ `from` whose doc is ≥ `target` (galloping, then binary search). */
function seek(docs: Uint32Array, length: number, from: number, target: number): number {
  if (from >= length || docs[from]! >= target) return from;
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < length && docs[hi]! < target) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  if (hi > length) hi = length;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < target) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Two ascending slot lists merged, duplicates once. */
function merge(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let w = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) {
      out[w++] = x;
      i++;
    } else if (y < x) {
      out[w++] = y;
      j++;
    } else {
      out[w++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[w++] = a[i++]!;
  while (j < b.length) out[w++] = b[j++]!;
  return out.subarray(0, w);
}

/** Slots in any of the postings, ascending: pairwise merges, never a sort. */
function union(postings: readonly Posting[]): Uint32Array {
  let lists: Uint32Array[] = postings.map((p) => p.docs.subarray(0, p.length));
  if (lists.length === 0) return new Uint32Array(0);
  while (lists.length > 1) {
    const next: Uint32Array[] = [];
    for (let i = 0; i < lists.length; i += 2) next.push(i + 1 < lists.length ? merge(lists[i]!, lists[i + 1]!) : lists[i]!);
    lists = next;
  }
  return lists[0]!;
}

/** Slots containing every clause (any lexeme of it), ascending. */
function matchText(clauses: readonly Posting[][]): Uint32Array {
  const sized = clauses.map((ps) => ({ ps, n: ps.reduce((s, p) => s + p.length, 0) })).sort((a, b) => a.n - b.n);
  let cands = union(sized[0]!.ps);
  for (let c = 1; c < sized.length && cands.length > 0; c++) {
    const ps = sized[c]!.ps;
    const at = new Array<number>(ps.length).fill(0);
    const out = new Uint32Array(cands.length);
    let w = 0;
    for (let i = 0; i < cands.length; i++) {
      const d = cands[i]!;
      for (let k = 0; k < ps.length; k++) {
        const p = ps[k]!;
        const j = (at[k] = seek(p.docs, p.length, at[k]!, d));
        if (j < p.length && p.docs[j] === d) {
          out[w++] = d;
          break;
        }
      }
    }
    cands = out.subarray(0, w);
  }
  return cands;
}

function selection(values: readonly string[] | undefined, find: (v: string) => number | undefined, size: number): Uint8Array | undefined {
  if (values === undefined) return undefined;
  const sel = new Uint8Array(size);
  for (const v of values) {
    const id = find(v);
    if (id !== undefined) sel[id] = 1;
  }
  return sel;
}

/** The document's runs for each ranking operand, for the slot the cursors are asked about (ascending slots only). */
class RankCursors {
  readonly #operands: { postings: Posting[]; at: number[]; runs: PositionRun[]; terms: Float32Array[] }[];
  readonly #view: PositionRun[][];

  constructor(operands: readonly Posting[][]) {
    this.#operands = operands.map((postings) => ({
      postings,
      at: postings.map(() => 0),
      runs: postings.map(() => ({ pool: new Uint16Array(0), start: 0, end: 0 })),
      terms: postings.map((p) => p.orTerms()),
    }));
    this.#view = operands.map(() => []);
  }

  rank(isAnd: boolean, slot: number): number {
    if (!isAnd) return this.#rankOr(slot);
    for (let o = 0; o < this.#operands.length; o++) {
      const op = this.#operands[o]!;
      const view = this.#view[o]!;
      view.length = 0;
      for (let k = 0; k < op.postings.length; k++) {
        const p = op.postings[k]!;
        const j = (op.at[k] = seek(p.docs, p.length, op.at[k]!, slot));
        if (j < p.length && p.docs[j] === slot) {
          const run = op.runs[k]!;
          run.pool = p.pool;
          run.start = p.start(j);
          run.end = p.ends[j]!;
          view.push(run);
        }
      }
    }
    return tsRank(isAnd, this.#view);
  }

  /** An OR-rooted rank from each entry's precomputed term (Posting.orTerms), in tsRank's order of summation. */
  #rankOr(slot: number): number {
    let res = 0;
    for (let o = 0; o < this.#operands.length; o++) {
      const op = this.#operands[o]!;
      for (let k = 0; k < op.postings.length; k++) {
        const p = op.postings[k]!;
        const j = (op.at[k] = seek(p.docs, p.length, op.at[k]!, slot));
        if (j < p.length && p.docs[j] === slot) res = addOrTerm(res, op.terms[k]![j]!);
      }
    }
    return finishOr(res, this.#operands.length);
  }
}

/** Postings of a clause's lexemes; a prefix clause takes every lexeme starting with it, in byte order. */
function postingsOf(store: SlotStore, lexeme: string, prefix: boolean): Posting[] {
  if (!prefix) {
    const p = store.postings.get(lexeme);
    return p && p.length > 0 ? [p] : [];
  }
  const sorted = store.sortedLexemes();
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < lexeme) lo = mid + 1;
    else hi = mid;
  }
  const out: Posting[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.startsWith(lexeme); i++) {
    const p = store.postings.get(sorted[i]!)!;
    if (p.length > 0) out.push(p);
  }
  return out;
}

function timeKey(micros: number): string {
  const seconds = Math.floor(micros / 1e6);
  const us = micros - seconds * 1e6;
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}.${String(us).padStart(6, '0')}Z`;
}

/** A newest-sort page key back to microseconds. */
export function parseTimeKey(key: string): number {
  return Date.parse(`${key.slice(0, 19)}Z`) * 1000 + Number(key.slice(20, 26));
}

/** The best `q.limit` hits after the cursor, in sort order: a heap with the worst row at its root. */
function selectPage(
  store: SlotStore,
  hits: Uint32Array,
  q: EngineQuery,
  ranker: RankCursors | undefined,
  isAnd: boolean,
): EngineResult['page'] {
  const sort = q.sort;
  const desc = sort !== 'price_asc';
  const keys = sort === 'newest' ? store.created : store.price;
  const ids = store.ids;
  const limit = q.limit;
  const topSlot = new Int32Array(limit);
  const topKey = new Float64Array(limit);
  let topN = 0;
  const after = q.after;
  const afterKey = after ? after.key : 0;
  const afterId = after ? after.id : new Uint32Array(4);
  /** uuid order of slot a against slot b (b < 0: the cursor's id). */
  const cmpIds = (a: number, b: number): number => {
    for (let i = 0; i < 4; i++) {
      const x = ids[a * 4 + i]!;
      const y = b < 0 ? afterId[i]! : ids[b * 4 + i]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
  // a before b in the sort order?
  const before = (ka: number, sa: number, kb: number, sb: number): boolean => {
    if (ka !== kb) return desc ? ka > kb : ka < kb;
    const c = cmpIds(sa, sb);
    return desc ? c > 0 : c < 0;
  };
  // Slots are appended as products are written, so for the newest sort the best rows come last: walking backwards
  // fills the heap with them first and most later rows are refused by one comparison. Ranking walks forwards (its
  // posting cursors only advance).
  const backwards = !ranker && sort === 'newest';
  const n = hits.length;
  for (let i = 0; i < n; i++) {
    const s = hits[backwards ? n - 1 - i : i]!;
    const key = ranker ? ranker.rank(isAnd, s) : keys[s]!;
    if (topN === limit && (desc ? key < topKey[0]! : key > topKey[0]!)) continue;
    if (after) {
      const isAfter = key !== afterKey ? (desc ? key < afterKey : key > afterKey) : desc ? cmpIds(s, -1) < 0 : cmpIds(s, -1) > 0;
      if (!isAfter) continue;
    }
    if (topN < limit) {
      let j = topN++;
      while (j > 0) {
        const parent = (j - 1) >> 1;
        if (!before(topKey[parent]!, topSlot[parent]!, key, s)) break;
        topKey[j] = topKey[parent]!;
        topSlot[j] = topSlot[parent]!;
        j = parent;
      }
      topKey[j] = key;
      topSlot[j] = s;
    } else if (before(key, s, topKey[0]!, topSlot[0]!)) {
      let j = 0;
      for (;;) {
        const l = 2 * j + 1;
        if (l >= limit) break;
        const r = l + 1;
        const worse = r < limit && before(topKey[l]!, topSlot[l]!, topKey[r]!, topSlot[r]!) ? r : l;
        if (!before(key, s, topKey[worse]!, topSlot[worse]!)) break;
        topKey[j] = topKey[worse]!;
        topSlot[j] = topSlot[worse]!;
        j = worse;
      }
      topKey[j] = key;
      topSlot[j] = s;
    }
  }
  const order = Array.from({ length: topN }, (_, j) => j).sort((a, b) =>
    before(topKey[a]!, topSlot[a]!, topKey[b]!, topSlot[b]!) ? -1 : 1,
  );
  return order.map((j) => {
    const key = topKey[j]!;
    return { id: store.idOf(topSlot[j]!), k: sort === 'relevance' ? float4Text(key) : sort === 'newest' ? timeKey(key) : String(key) };
  });
}

const visibleCounts = new WeakMap<SlotStore, Map<string, { version: number; counts: Int32Array }>>();

/** Products per category among everything `audience` sees, recounted when the store has changed. */
function visibleCategoryCounts(store: SlotStore, audience: 'PUBLIC' | 'VIP'): Int32Array {
  let byAudience = visibleCounts.get(store);
  if (!byAudience) visibleCounts.set(store, (byAudience = new Map()));
  const kept = byAudience.get(audience);
  if (kept && kept.version === store.version) return kept.counts;
  const counts = new Int32Array(store.categories.size);
  const vip = audience === 'VIP';
  for (let s = 0; s < store.slots; s++) {
    const v = store.vis[s]!;
    if (!(v === 1 || (vip && v === 2))) continue;
    const at = store.multiAt[s]!;
    for (let k = 0; k < store.catCount[s]!; k++) counts[store.multi[at + k]!]!++;
  }
  byAudience.set(audience, { version: store.version, counts });
  return counts;
}

const EMPTY: EngineResult = { total: 0, page: [], categories: [], brands: [], bands: [], colors: [], sizes: [] };

export function runQuery(store: SlotStore, q: EngineQuery): EngineResult {
  // Text: no clause left (every word a stop word) matches nothing, as an empty tsquery does.
  let cands: Uint32Array | undefined;
  let ranker: RankCursors | undefined;
  let isAnd = false;
  if (q.text) {
    if (q.text.clauses.length === 0) return EMPTY;
    const clausePostings = q.text.clauses.map((c) => c.lexemes.flatMap((l) => postingsOf(store, l, c.prefix)));
    if (clausePostings.some((ps) => ps.length === 0)) return EMPTY;
    cands = matchText(clausePostings);
    if (q.sort === 'relevance') {
      // ts_rank's operands: every lexeme of the query once, in byte order; its root is AND when two clauses remain.
      const seen = new Map<string, boolean>();
      for (const c of q.text.clauses) for (const l of c.lexemes) if (!seen.has(l)) seen.set(l, c.prefix);
      const ordered = [...seen.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      ranker = new RankCursors(ordered.map((l) => postingsOf(store, l, seen.get(l)!)));
      isAnd = q.text.clauses.length >= 2;
    }
  }

  // A department page (browse, categories the only filter): its hits and counts depend on nothing but the store, the
  // audience and the categories, so they are computed once per store version (`departmentOf`); only the price bands
  // (which depend on the requested currency) and the page are taken from them per request.
  if (!q.text && q.categories !== undefined && !q.brands && !q.colors && !q.sizes && !q.price) return departmentPage(store, q);
  const fcSel = selection(q.categories, (v) => store.categories.find(v), store.categories.size);
  const fbSel = selection(q.brands, (v) => store.brands.find(v), store.brands.size);
  const fcolSel = selection(q.colors, (v) => store.colors.find(v), store.colors.size);
  const fsSel = selection(q.sizes, (v) => store.sizes.find(v), store.sizes.size);
  const cur = store.currencies.find(q.currency) ?? -1;
  const pmin = q.price?.min ?? 0;
  const pmax = q.price?.max ?? Infinity;
  const hasPrice = q.price !== undefined;
  const bands = q.bands;
  const nb = bands.length;

  const catN = new Int32Array(store.categories.size);
  const brandN = new Int32Array(store.brands.size);
  const colorN = new Int32Array(store.colors.size);
  const sizeN = new Int32Array(store.sizes.size);
  const bandN = new Int32Array(nb + 1);
  let total = 0;

  // Phase 1, one tight loop with no calls: visibility, the five filters, every facet's counts, and the hits.
  const vis = store.vis;
  const vip = q.audience === 'VIP';
  const multi = store.multi;
  const multiAt = store.multiAt;
  const catCount = store.catCount;
  const colorCount = store.colorCount;
  const sizeCount = store.sizeCount;
  const brandOf = store.brand;
  const priceOf = store.price;
  const currencyOf = store.currency;
  const bandBounds = Float64Array.from(bands);
  const n = cands ? cands.length : store.slots;
  const hits = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const s = cands ? cands[i]! : i;
    const v = vis[s]!;
    if (!(v === 1 || (vip && v === 2))) continue;
    const at = multiAt[s]!;
    const nc = catCount[s]!;
    const ncol = colorCount[s]!;
    const ns = sizeCount[s]!;
    let fc = true;
    if (fcSel) {
      fc = false;
      for (let k = 0; k < nc; k++)
        if (fcSel[multi[at + k]!]) {
          fc = true;
          break;
        }
    }
    const brand = brandOf[s]!;
    const fb = fbSel ? fbSel[brand] === 1 : true;
    const price = priceOf[s]!;
    const inCur = currencyOf[s] === cur;
    const fp = hasPrice ? inCur && price >= pmin && price < pmax : true;
    let fcol = true;
    if (fcolSel) {
      fcol = false;
      for (let k = nc; k < nc + ncol; k++)
        if (fcolSel[multi[at + k]!]) {
          fcol = true;
          break;
        }
    }
    let fs = true;
    if (fsSel) {
      fs = false;
      for (let k = nc + ncol; k < nc + ncol + ns; k++)
        if (fsSel[multi[at + k]!]) {
          fs = true;
          break;
        }
    }
    if (fb && fp && fcol && fs) for (let k = 0; k < nc; k++) catN[multi[at + k]!]!++;
    if (fc && fp && fcol && fs) brandN[brand]!++;
    if (fc && fb && fcol && fs && inCur) {
      let b = 0;
      while (b < nb && price >= bandBounds[b]!) b++;
      bandN[b]!++;
    }
    if (fc && fb && fp && fs) for (let k = nc; k < nc + ncol; k++) colorN[multi[at + k]!]!++;
    if (fc && fb && fp && fcol) for (let k = nc + ncol; k < nc + ncol + ns; k++) sizeN[multi[at + k]!]!++;
    if (fc && fb && fp && fcol && fs) hits[total++] = s;
  }

  // Phase 2: the page, from the hits only.
  const page = selectPage(store, hits.subarray(0, total), q, ranker, isAnd);
  return resultOf(store, total, page, { catN, brandN, colorN, sizeN }, bandN);
}

interface FacetCounts {
  catN: Int32Array;
  brandN: Int32Array;
  colorN: Int32Array;
  sizeN: Int32Array;
}

function resultOf(store: SlotStore, total: number, page: EngineResult['page'], c: FacetCounts, bandN: Int32Array): EngineResult {
  const counted = (counts: Int32Array, values: readonly string[]): [string, number][] => {
    const out: [string, number][] = [];
    for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) out.push([values[i]!, counts[i]!]);
    return out;
  };
  const bandsOut: [number, number][] = [];
  for (let b = 1; b < bandN.length; b++) if (bandN[b]! > 0) bandsOut.push([b, bandN[b]!]);
  return {
    total,
    page,
    categories: counted(c.catN, store.categories.values),
    brands: counted(c.brandN, store.brands.values),
    bands: bandsOut,
    colors: counted(c.colorN, store.colors.values),
    sizes: counted(c.sizeN, store.sizes.values),
  };
}

/** What a department page's answer takes from the store, whatever the currency, page size or cursor. */
interface Department extends FacetCounts {
  /** The department's visible products, ascending. */
  hits: Uint32Array;
  /** Price-band counts per requested currency, filled as currencies are asked for. */
  bands: Map<string, Int32Array>;
}

/** At most this many departments (audience × category set) are kept per store version. */
const MAX_DEPARTMENTS = 64;
const departments = new WeakMap<SlotStore, { version: number; byKey: Map<string, Department> }>();

/** A department's hits and currency-independent counts, computed once per store version and audience. */
function departmentOf(store: SlotStore, audience: 'PUBLIC' | 'VIP', categoryIds: readonly string[]): Department {
  let kept = departments.get(store);
  if (!kept || kept.version !== store.version) departments.set(store, (kept = { version: store.version, byKey: new Map() }));
  const key = `${audience}:${[...new Set(categoryIds)].sort().join(',')}`;
  let d = kept.byKey.get(key);
  if (d) return d;
  // Every visible product counts in the category facet (its own filter is the only one); the rest count the
  // department's products only.
  const catN = visibleCategoryCounts(store, audience);
  const cands = union(
    categoryIds.flatMap((id) => {
      const p = store.postings.get(categoryKey(id));
      return p && p.length > 0 ? [p] : [];
    }),
  );
  const brandN = new Int32Array(store.brands.size);
  const colorN = new Int32Array(store.colors.size);
  const sizeN = new Int32Array(store.sizes.size);
  const hits = new Uint32Array(cands.length);
  const { vis, multi, multiAt, catCount, colorCount, sizeCount } = store;
  const vip = audience === 'VIP';
  let total = 0;
  for (let i = 0; i < cands.length; i++) {
    const s = cands[i]!;
    const v = vis[s]!;
    if (!(v === 1 || (vip && v === 2))) continue;
    brandN[store.brand[s]!]!++;
    const at = multiAt[s]! + catCount[s]!;
    const ncol = colorCount[s]!;
    for (let k = at; k < at + ncol; k++) colorN[multi[k]!]!++;
    for (let k = at + ncol; k < at + ncol + sizeCount[s]!; k++) sizeN[multi[k]!]!++;
    hits[total++] = s;
  }
  d = { catN, brandN, colorN, sizeN, hits: hits.slice(0, total), bands: new Map() };
  if (kept.byKey.size >= MAX_DEPARTMENTS) kept.byKey.clear();
  kept.byKey.set(key, d);
  return d;
}

function departmentPage(store: SlotStore, q: EngineQuery): EngineResult {
  const d = departmentOf(store, q.audience, q.categories!);
  let bandN = d.bands.get(q.currency);
  if (!bandN) {
    const cur = store.currencies.find(q.currency) ?? -1;
    const bounds = Float64Array.from(q.bands);
    const nb = bounds.length;
    bandN = new Int32Array(nb + 1);
    for (let i = 0; i < d.hits.length; i++) {
      const s = d.hits[i]!;
      if (store.currency[s] !== cur) continue;
      const price = store.price[s]!;
      let b = 0;
      while (b < nb && price >= bounds[b]!) b++;
      bandN[b]!++;
    }
    d.bands.set(q.currency, bandN);
  }
  return resultOf(store, d.hits.length, selectPage(store, d.hits, q, undefined, false), d, bandN);
}
