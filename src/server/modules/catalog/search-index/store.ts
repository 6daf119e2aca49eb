/**
 * The searchable side of every product (a copy of `product_search`) in typed arrays: one slot per product version,
 * an inverted index from lexeme to the slots holding it (with PostgreSQL's packed positions, for ranking), and small
 * dictionaries for brands, categories, colours, sizes and currencies so a facet value is an integer.
 *
 * Slots are append-only: a changed product gets a new slot and its old one is marked dead, so every posting list
 * stays sorted by slot without ever being rewritten in place. When a quarter of the slots are dead, `compact()`
 * renumbers the live ones (the mapping is monotonic, so postings are filtered, never re-sorted).
 */
import { orTerm } from './ts-rank.ts';
import type { VectorEntry } from './tsvector.ts';

export type Visibility = 'PUBLIC' | 'VIP_ONLY' | 'DRAFT';
/** Slot states: 0 is a dead slot (replaced or removed). */
export const VIS_CODE: Record<Visibility, number> = { PUBLIC: 1, VIP_ONLY: 2, DRAFT: 3 };

export interface IndexedProduct {
  id: string;
  visibility: Visibility;
  brandId: string;
  categoryIds: readonly string[];
  priceMinor: number;
  currency: string;
  colors: readonly string[];
  sizes: readonly string[];
  /** created_at in microseconds since the epoch (PostgreSQL's precision; the newest sort and its page keys use it). */
  createdMicros: number;
  document: readonly VectorEntry[];
}

/** Strings ↔ small integers. */
export class Dictionary {
  readonly values: string[] = [];
  readonly #ids = new Map<string, number>();

  id(value: string): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.#ids.set(value, id);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.#ids.get(value);
  }

  get size(): number {
    return this.values.length;
  }
}

/** A lexeme's slots, ascending, with each slot's packed positions at `pool[ends[j-1] .. ends[j])`. */
export class Posting {
  docs = new Uint32Array(4);
  ends = new Uint32Array(4);
  pool = new Uint16Array(8);
  length = 0;

  get poolLength(): number {
    return this.length === 0 ? 0 : this.ends[this.length - 1]!;
  }

  start(j: number): number {
    return j === 0 ? 0 : this.ends[j - 1]!;
  }

  add(doc: number, positions: readonly number[]): void {
    if (this.length === this.docs.length) {
      this.docs = grow32(this.docs, this.length * 2);
      this.ends = grow32(this.ends, this.length * 2);
    }
    let at = this.poolLength;
    if (at + positions.length > this.pool.length) {
      const next = new Uint16Array(Math.max(this.pool.length * 2, at + positions.length));
      next.set(this.pool.subarray(0, at));
      this.pool = next;
    }
    for (const p of positions) this.pool[at++] = p;
    this.docs[this.length] = doc;
    this.ends[this.length] = at;
    this.length++;
  }

  bytes(): number {
    return this.docs.byteLength + this.ends.byteLength + this.pool.byteLength + this.#orTerms.byteLength + 64;
  }

  #orTerms = new Float32Array(0);
  #orTermsLength = 0;

  /**
   * Each entry's share of an OR-rooted `ts_rank` (rankOr's per-run term in ts-rank.ts, before the division by π²/6),
   * computed once per entry the first time this lexeme is ranked: a broad match is then ranked without reading
   * positions. Entries only ever append, so the cached prefix stays valid; `forgetOrTerms()` after a renumbering.
   */
  orTerms(): Float32Array {
    if (this.#orTermsLength < this.length) {
      if (this.#orTerms.length < this.length) {
        const next = new Float32Array(this.docs.length);
        next.set(this.#orTerms.subarray(0, this.#orTermsLength));
        this.#orTerms = next;
      }
      for (let j = this.#orTermsLength; j < this.length; j++) this.#orTerms[j] = orTerm(this.pool, this.start(j), this.ends[j]!);
      this.#orTermsLength = this.length;
    }
    return this.#orTerms;
  }

  forgetOrTerms(): void {
    this.#orTermsLength = 0;
  }
}

function grow32(a: Uint32Array, size: number): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(Math.max(size, 4));
  next.set(a.subarray(0, Math.min(a.length, size)));
  return next;
}
function grow64(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(size);
  next.set(a.subarray(0, Math.min(a.length, size)));
  return next;
}
function grow8(a: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(size);
  next.set(a.subarray(0, Math.min(a.length, size)));
  return next;
}

const HEX = /^[0-9a-f]{32}$/;

export class SlotStore {
  /** Slots in use (live or dead). */
  slots = 0;
  dead = 0;
  /** Each slot's product id as four big-endian 32-bit words (compares like PostgreSQL's uuid order). */
  ids = new Uint32Array(16);
  vis = new Uint8Array(4);
  brand = new Uint32Array(4);
  currency = new Uint8Array(4);
  price = new Float64Array(4);
  created = new Float64Array(4);
  /** Categories, then colours, then sizes of a slot: `multi[multiAt[s] ..]`, with their counts. */
  multiAt = new Uint32Array(4);
  catCount = new Uint8Array(4);
  colorCount = new Uint8Array(4);
  sizeCount = new Uint8Array(4);
  multi = new Uint32Array(16);
  multiLength = 0;

  readonly brands = new Dictionary();
  readonly categories = new Dictionary();
  readonly colors = new Dictionary();
  readonly sizes = new Dictionary();
  readonly currencies = new Dictionary();
  readonly postings = new Map<string, Posting>();
  /** Bumped by every change, so figures derived from the whole store know when they are out of date. */
  version = 0;
  #sortedLexemes: string[] | undefined;

  /** Open addressing from product id to its live slot: -1 empty, -2 deleted. */
  #table = new Int32Array(16).fill(-1);
  #tableUsed = 0;
  live = 0;

  /** Adds or replaces a product. */
  upsert(p: IndexedProduct): void {
    const words = parseUuid(p.id);
    this.#removeWords(words);
    const s = this.slots;
    this.#ensure(s + 1);
    this.ids.set(words, s * 4);
    this.vis[s] = VIS_CODE[p.visibility];
    this.brand[s] = this.brands.id(p.brandId);
    this.currency[s] = this.currencies.id(p.currency);
    this.price[s] = p.priceMinor;
    this.created[s] = p.createdMicros;
    const need = this.multiLength + p.categoryIds.length + p.colors.length + p.sizes.length;
    if (need > this.multi.length) this.multi = grow32(this.multi, Math.max(need, this.multi.length * 2));
    this.multiAt[s] = this.multiLength;
    for (const c of p.categoryIds) this.multi[this.multiLength++] = this.categories.id(c);
    for (const c of p.colors) this.multi[this.multiLength++] = this.colors.id(c);
    for (const c of p.sizes) this.multi[this.multiLength++] = this.sizes.id(c);
    this.catCount[s] = Math.min(p.categoryIds.length, 255);
    this.colorCount[s] = Math.min(p.colors.length, 255);
    this.sizeCount[s] = Math.min(p.sizes.length, 255);
    // Each category also has a posting list (no positions; no lexeme starts with NUL), so a department page walks
    // only its own products.
    for (const c of p.categoryIds) this.#posting(categoryKey(c)).add(s, []);
    for (const e of p.document) {
      let posting = this.postings.get(e.lexeme);
      if (!posting) {
        this.postings.set(e.lexeme, (posting = new Posting()));
        this.#sortedLexemes = undefined;
      }
      posting.add(s, e.positions);
    }
    this.#insert(words, s);
    this.slots++;
    this.live++;
    this.version++;
  }

  /** Removes a product (deleted, or no longer in product_search). */
  remove(id: string): void {
    this.#removeWords(parseUuid(id));
  }

  has(id: string): boolean {
    return this.#find(parseUuid(id)) >= 0;
  }

  /** The id of slot `s`, as text. */
  idOf(s: number): string {
    const h = (i: number) => this.ids[s * 4 + i]!.toString(16).padStart(8, '0');
    const a = h(0);
    const b = h(1);
    const c = h(2);
    const d = h(3);
    return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  }

  /** uuid order of two slots' ids: negative, zero or positive. */
  compareIds(a: number, b: number): number {
    for (let i = 0; i < 4; i++) {
      const x = this.ids[a * 4 + i]!;
      const y = this.ids[b * 4 + i]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  }

  /** Lexemes in byte order (for prefix matching), rebuilt after new lexemes arrive. */
  sortedLexemes(): string[] {
    return (this.#sortedLexemes ??= [...this.postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** Whether enough slots are dead that renumbering pays off. */
  get wantsCompaction(): boolean {
    return this.dead > 1_000 && this.dead * 4 > this.slots;
  }

  /** Drops dead slots: live ones are renumbered in order, postings filtered and renumbered in place. */
  compact(): void {
    const map = new Int32Array(this.slots).fill(-1);
    let n = 0;
    for (let s = 0; s < this.slots; s++) if (this.vis[s] !== 0) map[s] = n++;
    const multi = new Uint32Array(Math.max(16, this.multiLength));
    let m = 0;
    for (let s = 0; s < this.slots; s++) {
      const t = map[s]!;
      if (t < 0) continue;
      for (let i = 0; i < 4; i++) this.ids[t * 4 + i] = this.ids[s * 4 + i]!;
      this.vis[t] = this.vis[s]!;
      this.brand[t] = this.brand[s]!;
      this.currency[t] = this.currency[s]!;
      this.price[t] = this.price[s]!;
      this.created[t] = this.created[s]!;
      const count = this.catCount[s]! + this.colorCount[s]! + this.sizeCount[s]!;
      const from = this.multiAt[s]!;
      this.multiAt[t] = m;
      for (let i = 0; i < count; i++) multi[m++] = this.multi[from + i]!;
      this.catCount[t] = this.catCount[s]!;
      this.colorCount[t] = this.colorCount[s]!;
      this.sizeCount[t] = this.sizeCount[s]!;
    }
    this.multi = multi;
    this.multiLength = m;
    for (const [lexeme, posting] of this.postings) {
      let w = 0;
      let poolAt = 0;
      for (let j = 0; j < posting.length; j++) {
        const t = map[posting.docs[j]!]!;
        const start = posting.start(j);
        const end = posting.ends[j]!;
        if (t < 0) continue;
        posting.pool.copyWithin(poolAt, start, end);
        poolAt += end - start;
        posting.docs[w] = t;
        posting.ends[w] = poolAt;
        w++;
      }
      posting.length = w;
      posting.forgetOrTerms();
      if (w === 0) {
        this.postings.delete(lexeme);
        this.#sortedLexemes = undefined;
      }
    }
    this.slots = n;
    this.dead = 0;
    this.version++;
    this.#rehash(Math.max(16, nextPow2(n * 2)));
  }

  /** Bytes held by the typed arrays and an estimate for the maps, for the memory report. */
  bytes(): number {
    let n =
      this.ids.byteLength +
      this.vis.byteLength +
      this.brand.byteLength +
      this.currency.byteLength +
      this.price.byteLength +
      this.created.byteLength +
      this.multiAt.byteLength +
      this.catCount.byteLength +
      this.colorCount.byteLength +
      this.sizeCount.byteLength +
      this.multi.byteLength +
      this.#table.byteLength;
    for (const [lexeme, posting] of this.postings) n += posting.bytes() + 2 * lexeme.length + 80;
    return n;
  }

  #posting(key: string): Posting {
    let posting = this.postings.get(key);
    if (!posting) {
      this.postings.set(key, (posting = new Posting()));
      this.#sortedLexemes = undefined;
    }
    return posting;
  }

  #ensure(size: number): void {
    if (size <= this.vis.length) return;
    const cap = Math.max(size, this.vis.length * 2);
    this.ids = grow32(this.ids, cap * 4);
    this.vis = grow8(this.vis, cap);
    this.brand = grow32(this.brand, cap);
    this.currency = grow8(this.currency, cap);
    this.price = grow64(this.price, cap);
    this.created = grow64(this.created, cap);
    this.multiAt = grow32(this.multiAt, cap);
    this.catCount = grow8(this.catCount, cap);
    this.colorCount = grow8(this.colorCount, cap);
    this.sizeCount = grow8(this.sizeCount, cap);
  }

  #removeWords(words: Uint32Array): void {
    const at = this.#find(words);
    if (at < 0) return;
    const s = this.#table[at]!;
    this.vis[s] = 0;
    this.version++;
    this.dead++;
    this.live--;
    this.#table[at] = -2;
  }

  #hash(words: ArrayLike<number>, offset = 0): number {
    return Math.imul(words[offset + 3]! ^ Math.imul(words[offset + 1]!, 0x9e3779b1), 0x85ebca6b) >>> 0;
  }

  #find(words: Uint32Array): number {
    const mask = this.#table.length - 1;
    for (let i = this.#hash(words) & mask; ; i = (i + 1) & mask) {
      const s = this.#table[i]!;
      if (s === -1) return -1;
      if (
        s >= 0 &&
        this.ids[s * 4] === words[0] &&
        this.ids[s * 4 + 1] === words[1] &&
        this.ids[s * 4 + 2] === words[2] &&
        this.ids[s * 4 + 3] === words[3]
      )
        return i;
    }
  }

  #insert(words: ArrayLike<number>, slot: number): void {
    if ((this.#tableUsed + 1) * 2 > this.#table.length) this.#rehash(this.#table.length * 2);
    const mask = this.#table.length - 1;
    let i = this.#hash(words) & mask;
    while (this.#table[i] !== -1) i = (i + 1) & mask;
    this.#table[i] = slot;
    this.#tableUsed++;
  }

  #rehash(size: number): void {
    this.#table = new Int32Array(Math.max(size, nextPow2(this.live * 2), 16)).fill(-1);
    this.#tableUsed = 0;
    for (let s = 0; s < this.slots; s++) if (this.vis[s] !== 0) this.#insert(this.ids.subarray(s * 4, s * 4 + 4), s);
  }
}

/** The posting-list key of a category's products. */
export function categoryKey(id: string): string {
  return `\u0000c:${id}`;
}

function nextPow2(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}

export function parseUuid(id: string): Uint32Array {
  const hex = id.toLowerCase().replaceAll('-', '');
  if (!HEX.test(hex) || id.length !== 36) throw new Error(`Not a uuid: ${id}`);
  return Uint32Array.of(
    parseInt(hex.slice(0, 8), 16),
    parseInt(hex.slice(8, 16), 16),
    parseInt(hex.slice(16, 24), 16),
    parseInt(hex.slice(24), 16),
  );
}
