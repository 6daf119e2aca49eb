/**
 * The parts of a search answer both search paths share (the SQL statement in search.ts and the in-memory index in
 * search-index/): price bands, the priceRange parameter, the facet lists built from raw counts, and the corrected query.
 */
import { formatMoney, fromDecimal, minorDigits, MoneyError, money, type Currency } from '../../../shared/money.ts';
import { sizeGroupOf, sizeLabel } from '../../../shared/sizes.ts';
import { ApiError } from '../../http/errors.ts';
import type { ProductFacets, SearchProductsInput } from './models.ts';

/** Price-range facet bounds in major units of the requested currency; the last range is open-ended. */
export const PRICE_BANDS = [0, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 100_000, 1_000_000] as const;

export function bandsFor(currency: Currency): number[] {
  return PRICE_BANDS.map((b) => b * 10 ** minorDigits(currency));
}

function bandValue(i: number): string {
  const lo = PRICE_BANDS[i]!;
  const hi = PRICE_BANDS[i + 1];
  return hi === undefined ? `${lo}-` : `${lo}-${hi}`;
}

const labels = new Map<string, string>();

/** A band's label in a currency ("Under €500"); memoised, as Intl.NumberFormat costs more than a whole index search. */
function bandLabel(i: number, currency: Currency): string {
  const key = `${currency}:${i}`;
  let label = labels.get(key);
  if (label === undefined) labels.set(key, (label = formatBandLabel(i, currency)));
  return label;
}

function formatBandLabel(i: number, currency: Currency): string {
  const f = (n: number) => formatMoney(money(n * 10 ** minorDigits(currency), currency), { compactWhole: true });
  const lo = PRICE_BANDS[i]!;
  const hi = PRICE_BANDS[i + 1];
  if (hi === undefined) return `${f(lo)} and above`;
  if (lo === 0) return `Under ${f(hi)}`;
  return `${f(lo)} – ${f(hi)}`;
}

/** `"1000-5000"` → minor-unit bounds `[min, max)`; `"100000-"` has no upper bound. */
export function parsePriceRange(value: string, currency: Currency): { min: number; max?: number } {
  const [lo, hi] = value.split('-') as [string, string];
  try {
    const min = fromDecimal(lo, currency).minor;
    const max = hi ? fromDecimal(hi, currency).minor : undefined;
    if (max !== undefined && max <= min) throw new MoneyError('The upper bound must be above the lower one');
    return { min, ...(max !== undefined ? { max } : {}) };
  } catch (err) {
    if (err instanceof MoneyError)
      throw new ApiError('ValidationException', `priceRange: ${err.message}`, { fieldErrors: { 'query.priceRange': [err.message] } });
    throw err;
  }
}

/** A word as typed, and the catalog word it most likely meant when the word itself is not in the catalog. */
export interface Correction {
  word: string;
  correction?: string;
}

/** Raw facet counts, already ordered and cut as the API lists them. */
export interface FacetRows {
  categories: [string, string, number][];
  brands: [string, string, number][];
  /** width_bucket over `bandsFor(currency)`: 1 is the first band. */
  prices: [number, number][];
  colors: [string, number][];
  sizes: [string, number][];
}

/** At most this many colour and size values are listed (the most frequent). */
export const MAX_COLOR_FACETS = 24;
export const MAX_SIZE_FACETS = 40;

export function facetsFrom(r: FacetRows, input: SearchProductsInput, currency: Currency): ProductFacets {
  const selectedCats = new Set(input.categories ?? []);
  const selectedBrands = new Set(input.brands ?? []);
  const colors = (input.colors ?? []).map((c) => c.toLowerCase());
  const sizes = (input.sizes ?? []).map((s) => s.toLowerCase());
  return {
    categories: r.categories.map(([value, label, count]) => ({ value, label, count, selected: selectedCats.has(value) })),
    brands: r.brands.map(([value, label, count]) => ({ value, label, count, selected: selectedBrands.has(value) })),
    priceRanges: r.prices
      .filter(([band]) => band >= 1)
      .map(([band, count]) => ({
        value: bandValue(band - 1),
        label: bandLabel(band - 1, currency),
        count,
        selected: input.priceRange === bandValue(band - 1),
      })),
    colors: r.colors.map(([value, count]) => ({ value, count, selected: colors.includes(value) })),
    sizes: r.sizes.map(([value, count]) => ({
      value,
      label: sizeLabel(value),
      group: sizeGroupOf(value),
      count,
      selected: sizes.includes(value),
    })),
  };
}

/** `{ correctedQuery }` when typo correction changed any word, else nothing. */
export function correctedQueryOf(corrections: readonly Correction[]): { correctedQuery?: string } {
  return corrections.some((c) => c.correction) ? { correctedQuery: corrections.map((c) => c.correction ?? c.word).join(' ') } : {};
}
