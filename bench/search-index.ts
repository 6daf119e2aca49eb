// The search index measured in process, without HTTP: build time, memory, and the latency of computing answers
// (the same requests as the search-computed and department-computed scenarios) straight from the index.
//
//   npx tsx bench/search-index.ts postgres://postgres@127.0.0.1:5432/sbz_bench_100k [--copies 10] [--record]
//
// `--copies N` adds N-1 copies of every product under new ids (and shifted prices and dates) after the build, for a
// catalog size no database on this machine holds (1,000,000 from a seeded 100,000): the memory and latency of the
// index at that size, measured honestly as in-process figures. `--record` appends the table to bench/RESULTS.md.
import { appendFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../src/server/db/client.ts';
import { CATALOG_CHANNEL } from '../src/server/modules/catalog/catalog-cache.ts';
import { SearchProductsInput } from '../src/server/modules/catalog/models.ts';
import { SearchIndexFeed } from '../src/server/modules/catalog/search-index/feed.ts';
import { type IndexedProduct } from '../src/server/modules/catalog/search-index/store.ts';
import { catalogVocabulary, departmentRequests, searchRequests } from './lib/search-requests.ts';

const url = process.argv[2];
if (!url) throw new Error('usage: npx tsx bench/search-index.ts <database url> [--copies N] [--record]');
const copies = Number(process.argv[process.argv.indexOf('--copies') + 1] ?? 1) || 1;
const record = process.argv.includes('--record');

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const database = await openDatabase({ kind: 'postgres', url, poolMax: 4 });
const before = heap();
const feed = new SearchIndexFeed(database.db);
const started = performance.now();
await feed.start(database, CATALOG_CHANNEL);
await feed.whenBuilt();
const buildMs = performance.now() - started;
const index = feed.index;

if (copies > 1) {
  // Copies read back from the index's own arrays: the positions are shared with the original, as a real catalogue's
  // repeated vocabulary would make them similar.
  const store = index.store;
  const n = store.slots;
  const docs: { lexeme: string; positions: number[] }[][] = Array.from({ length: n }, () => []);
  for (const [lexeme, p] of store.postings) {
    if (lexeme.startsWith('\u0000')) continue; // category lists, rebuilt by upsert
    for (let j = 0; j < p.length; j++) docs[p.docs[j]!]!.push({ lexeme, positions: [...p.pool.subarray(p.start(j), p.ends[j]!)] });
  }
  for (let c = 1; c < copies; c++) {
    for (let s = 0; s < n; s++) {
      if (store.vis[s] === 0) continue;
      const at = store.multiAt[s]!;
      const nc = store.catCount[s]!;
      const ncol = store.colorCount[s]!;
      const ns = store.sizeCount[s]!;
      const product: IndexedProduct = {
        id: randomUUID(),
        visibility: (['PUBLIC', 'PUBLIC', 'VIP_ONLY', 'DRAFT'] as const)[store.vis[s]!]!,
        brandId: store.brands.values[store.brand[s]!]!,
        categoryIds: [...store.multi.subarray(at, at + nc)].map((i) => store.categories.values[i]!),
        priceMinor: Math.round(store.price[s]! * (1 + c / 100)),
        currency: store.currencies.values[store.currency[s]!]!,
        colors: [...store.multi.subarray(at + nc, at + nc + ncol)].map((i) => store.colors.values[i]!),
        sizes: [...store.multi.subarray(at + nc + ncol, at + nc + ncol + ns)].map((i) => store.sizes.values[i]!),
        createdMicros: store.created[s]! - c * 1_000_000,
        document: docs[s]!,
      };
      store.upsert(product);
    }
  }
}
const stats = index.stats();
const after = heap();

const vocabulary = await catalogVocabulary(url);
function measure(paths: string[]): { p50: number; p95: number; p99: number; mean: number } {
  const inputs = paths.map((p) => SearchProductsInput.parse(Object.fromEntries(new URL(p, 'http://x').searchParams)));
  for (const input of inputs.slice(0, 200)) index.search('PUBLIC', input); // warm-up
  const times: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    index.search('PUBLIC', input);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: times.reduce((s, t) => s + t, 0) / times.length };
}
const search = measure(searchRequests(vocabulary, 2_000).map((r) => r.path));
const department = measure(departmentRequests(vocabulary, 1_000).map((r) => r.path));
await feed.stop();
await database.close();

const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
const ms = (x: number) => x.toFixed(2);
const lines = [
  '',
  `## search index, in process — ${new Date().toISOString()}`,
  '',
  `- commit: ${execSync('git rev-parse --short HEAD').toString().trim()}, node ${process.version}`,
  `- command: \`node --expose-gc --import tsx bench/search-index.ts ${url}${copies > 1 ? ` --copies ${copies}` : ''}\``,
  `- products in the index: ${stats.products.toLocaleString('en')}${copies > 1 ? ` (${(stats.products / copies).toLocaleString('en')} from PostgreSQL × ${copies} copies in memory)` : ''}; lexemes ${stats.lexemes.toLocaleString('en')}; vocabulary ${stats.terms.toLocaleString('en')} terms`,
  `- build from PostgreSQL: ${(buildMs / 1000).toFixed(1)} s${copies > 1 ? ' (for the database part only)' : ''}`,
  `- memory: index arrays ${mb(stats.bytes)} MB; heap + array buffers grew ${mb(after - before)} MB${gc ? '' : ' (no --expose-gc: approximate)'}`,
  '',
  '| answer computed from the index | mean ms | p50 ms | p95 ms | p99 ms |',
  '|---|---:|---:|---:|---:|',
  `| search, all facets (2,000 distinct) | ${ms(search.mean)} | ${ms(search.p50)} | ${ms(search.p95)} | ${ms(search.p99)} |`,
  `| department first page (1,000 distinct) | ${ms(department.mean)} | ${ms(department.p50)} | ${ms(department.p95)} | ${ms(department.p99)} |`,
  '',
];
console.log(lines.join('\n'));
if (record) appendFileSync(new URL('./RESULTS.md', import.meta.url), lines.join('\n'));
