/**
 * Words for search: what a visitor typed is cut into plain lowercase, accent-free words here, so nothing they type ever
 * reaches a tsquery or LIKE pattern as syntax. The weighted search document is built in SQL from the same pieces.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { sqlArray } from './sql-util.ts';

/** Searchable characters: letters, digits, spaces and the punctuation names use (Dolce & Gabbana, L'Atelier, 18-carat). */
export const SEARCH_TEXT = /^[\p{L}\p{M}\p{N}\s'’&.,/+-]*$/u;
export const SEARCH_TEXT_MESSAGE = "Letters, digits, spaces and ' & - . , / + only";

/** At most this many words are searched; the rest of a very long query is ignored. */
export const MAX_WORDS = 8;

/** `"Hermès  Birkin-bag"` → `["hermes", "birkin", "bag"]`: lowercase, unaccented, split on anything not a letter or digit. */
export function words(input: string, max = MAX_WORDS): string[] {
  const plain = input.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const out: string[] = [];
  for (const w of plain.split(/[^\p{L}\p{N}]+/u)) {
    if (!w || w.length > 40 || out.includes(w)) continue;
    // Only ASCII letters and digits survive into a tsquery: anything else could be read as operator syntax.
    const ascii = w.replace(/[^a-z0-9]/g, '');
    if (ascii) out.push(ascii);
    if (out.length >= max) break;
  }
  return out;
}

export interface DocumentParts {
  name: string;
  brand: string;
  category: string;
  attributes: string;
  description: string;
}

/**
 * The weighted search document: name A, brand B, category C, attributes D (twice, so they outrank a description that
 * mentions the same word once) and the description's first 600 characters D. Unaccented, English stemming.
 */
export function documentSql(p: {
  name: SQL | string;
  brand: SQL | string;
  category: SQL | string;
  attributes: SQL | string;
  description: SQL | string;
}): SQL {
  const v = (x: SQL | string) => (typeof x === 'string' ? sql`${x}` : x);
  return sql`(setweight(to_tsvector('english', unaccent(${v(p.name)}::text)), 'A')
    || setweight(to_tsvector('english', unaccent(${v(p.brand)}::text)), 'B')
    || setweight(to_tsvector('english', unaccent(${v(p.category)}::text)), 'C')
    || setweight(to_tsvector('english', unaccent(${v(p.attributes)}::text || ' ' || ${v(p.attributes)}::text)), 'D')
    || setweight(to_tsvector('english', unaccent(left(${v(p.description)}::text, 600))), 'D'))`;
}

/** Plain text of the attributes for the search document. */
export function attributesText(
  attributes: {
    color?: string;
    size?: string;
    material?: string;
    dimensions?: string;
    weight?: string;
    additionalAttributes?: Record<string, unknown>;
  },
  colors: string[],
  sizes: string[],
): string {
  const extra = Object.values(attributes.additionalAttributes ?? {}).filter((v) => typeof v === 'string');
  return [attributes.color, attributes.material, ...colors, ...sizes, ...extra].filter(Boolean).join(' ');
}

/** Records the words of names, brands, categories and attributes, the vocabulary typo correction picks from. */
export async function rememberTerms(db: Db | Tx, texts: readonly string[]): Promise<void> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const w of words(t, 64)) if (w.length >= 3 && !/^\d+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  if (counts.size === 0) return;
  const terms = [...counts.keys()].sort(); // one lock order for concurrent writers
  await db.execute(sql`
    insert into search_terms (term, uses)
    select t, u from unnest(${sqlArray(terms, 'text')}, ${sqlArray(
      terms.map((t) => counts.get(t)!),
      'int',
    )}) as x(t, u)
    on conflict (term) do update set uses = search_terms.uses + excluded.uses`);
}

/** A URL slug: `"Hermès Birkin 30"` → `"hermes-birkin-30"`. */
export function slugify(input: string): string {
  return (
    input
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100)
      .replace(/-+$/g, '') || 'item'
  );
}
