/**
 * The text form of a PostgreSQL tsvector, `'bag':3A,7 'leather':2A`, parsed into lexemes with their positions packed
 * exactly as PostgreSQL packs them (WordEntryPos: 14 bits of position, 2 bits of weight, D = 0 … A = 3), so ranking
 * in the index reads the same numbers `ts_rank` reads.
 */

export interface VectorEntry {
  lexeme: string;
  /** Packed positions: `weight << 14 | position`. */
  positions: number[];
}

const WEIGHT: Record<string, number> = { A: 3, B: 2, C: 1, D: 0, a: 3, b: 2, c: 1, d: 0 };

export function packPosition(position: number, weight: number): number {
  return (weight << 14) | (position & 0x3fff);
}

export function positionOf(packed: number): number {
  return packed & 0x3fff;
}

export function weightOf(packed: number): number {
  return packed >> 14;
}

/** Parses `tsvector::text`; throws on anything that is not that form (it comes from our own database). */
export function parseTsvector(text: string): VectorEntry[] {
  const out: VectorEntry[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && text.charCodeAt(i) === 32) i++;
    if (i >= n) break;
    if (text[i] !== "'") throw new Error(`tsvector: expected a quote at ${i}`);
    i++;
    let lexeme = '';
    for (;;) {
      if (i >= n) throw new Error('tsvector: unterminated lexeme');
      const c = text[i]!;
      if (c === "'") {
        if (text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
          continue;
        }
        i++;
        break;
      }
      if (c === '\\') {
        lexeme += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      lexeme += c;
      i++;
    }
    const positions: number[] = [];
    if (text[i] === ':') {
      i++;
      for (;;) {
        let pos = 0;
        const start = i;
        while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) pos = pos * 10 + text.charCodeAt(i++) - 48;
        if (i === start) throw new Error(`tsvector: expected a position at ${i}`);
        let weight = 0;
        const w = WEIGHT[text[i] ?? ''];
        if (w !== undefined) {
          weight = w;
          i++;
        }
        positions.push(packPosition(pos, weight));
        if (text[i] !== ',') break;
        i++;
      }
    }
    out.push({ lexeme, positions });
  }
  return out;
}
