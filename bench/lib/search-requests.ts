// Requests for the computed-search scenarios, drawn from the bench catalog itself (its brands, departments, colours
// and vocabulary), so they match whatever the seeder wrote. Thousands of distinct questions, walked by all connections
// together (spreadRequests): the answer cache (2,000 answers, oldest dropped first) never holds the one asked next, so
// every answer is computed.
import pg from 'pg';
import type { RequestSpec } from '../scenario.ts';

export interface CatalogVocabulary {
  products: number;
  words: string[];
  brands: string[];
  departments: string[];
  colors: string[];
}

export async function catalogVocabulary(databaseUrl: string): Promise<CatalogVocabulary> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const q = async (text: string) => (await client.query<{ v: string }>(text)).rows.map((r) => r.v);
    const [products] = await q(`select count(*)::text as v from product_search where visibility = 'PUBLIC'`);
    return {
      products: Number(products),
      words: await q(`select term as v from search_terms where length(term) >= 4 and term !~ '[0-9]' order by uses desc, term limit 120`),
      brands: await q(
        `select b.slug as v from brands b where exists (select 1 from product_search s where s.brand_id = b.id) order by b.slug`,
      ),
      departments: await q(
        `select c.slug as v from categories c where c.parent_id is null and exists (select 1 from product_search s where c.id = any(s.category_ids)) order by c.slug`,
      ),
      colors: await q(
        `select v from (select unnest(colors) as v, count(*) as n from product_search group by 1) x order by n desc, v limit 12`,
      ),
    };
  } finally {
    await client.end();
  }
}

/** A misspelling: one letter dropped, doubled or swapped, as a hurried visitor types. */
function typo(word: string, i: number): string {
  const at = 1 + (i % (word.length - 2));
  switch (i % 3) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    default:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
}

const BANDS = ['0-500', '500-1000', '1000-2500', '2500-5000', '5000-10000', '10000-25000', '25000-100000'];

/** Searches with all five facets: one or two words (every fifth misspelt), with or without a filter. */
export function searchRequests(v: CatalogVocabulary, count = 4_000): RequestSpec[] {
  const out: RequestSpec[] = [];
  for (let i = 0; out.length < count; i++) {
    const w = v.words[i % v.words.length]!;
    const second = v.words[(i * 7 + 3) % v.words.length]!;
    let query = i % 5 === 4 ? typo(w, i) : w;
    if (i % 3 === 1) query += ` ${second}`;
    const params = new URLSearchParams({ query });
    switch (i % 6) {
      case 1:
        params.set('brands', v.brands[i % v.brands.length]!);
        break;
      case 2:
        params.set('priceRange', BANDS[i % BANDS.length]!);
        break;
      case 3:
        params.set('categories', v.departments[i % v.departments.length]!);
        break;
      case 4:
        params.set('colors', v.colors[i % v.colors.length]!);
        break;
      default:
    }
    if (i % 4 === 3) params.set('sort', 'price_asc');
    // Distinct questions beyond the vocabulary's size: the page size moves, the answer's work does not.
    params.set('maxResults', String(20 + (Math.floor(i / v.words.length) % 5)));
    out.push({ path: `/api/v1/products/search?${params}` });
  }
  return out;
}

/** A department's first page, as the storefront asks for it (newest first, facets counted in browse mode). */
export function departmentRequests(v: CatalogVocabulary, count = 4_000): RequestSpec[] {
  const currencies = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'AED', 'CAD', 'AUD'];
  const out: RequestSpec[] = [];
  for (let i = 0; out.length < count; i++) {
    const department = v.departments[i % v.departments.length]!;
    // Distinct questions for the same page: the currency only changes the price facet's bands, the page size a card.
    const currency = currencies[Math.floor(i / v.departments.length) % currencies.length]!;
    const maxResults = 24 + (Math.floor(i / (v.departments.length * currencies.length)) % 60);
    out.push({ path: `/api/v1/products/search?categories=${department}&currency=${currency}&maxResults=${maxResults}` });
  }
  return out;
}

export async function assertCatalogSize(databaseUrl: string, atLeast: number, seedCount: number): Promise<CatalogVocabulary> {
  const v = await catalogVocabulary(databaseUrl);
  if (v.products < atLeast) {
    throw new Error(
      `this scenario needs a catalog of about ${seedCount.toLocaleString('en')} products, found ${v.products.toLocaleString('en')} visible. Seed one in its own database: ` +
        `createdb -h 127.0.0.1 -U postgres sbz_bench_X && DATABASE_URL=postgres://postgres@127.0.0.1:5432/sbz_bench_X npm run seed -- --products ${seedCount}`,
    );
  }
  return v;
}
