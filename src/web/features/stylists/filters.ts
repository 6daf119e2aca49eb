import type { Currency } from '../../../shared/money.ts';
import { SPECIALTY_LABELS } from './vocabulary.ts';

/** The directory's filters as they live in the URL (`/stylists?specialty=bridal&language=fr&maxRate=500`). */
export type DirectoryFilters = {
  specialties: string[];
  language: string;
  city: string;
  country: string;
  maxRate: string;
  currency: Currency;
  minExperienceYears: string;
  /** Calendar days, "2026-03-12". */
  availableFrom: string;
  availableTo: string;
  cursor: string;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The currencies the directory offers for a rate ceiling. */
export const FILTER_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'AED', 'JPY'] as const satisfies readonly Currency[];

/** Reads the filters from the URL, dropping what is malformed so a hand-edited link still shows a page. */
export function readFilters(params: URLSearchParams): DirectoryFilters {
  const text = (name: string, max = 80) => (params.get(name) ?? '').trim().slice(0, max);
  const number = (name: string) => (/^\d{1,9}(\.\d{1,2})?$/.test(text(name)) ? text(name) : '');
  const day = (name: string) => (DAY.test(text(name)) ? text(name) : '');
  const currency = text('currency').toUpperCase();
  return {
    specialties: [...new Set(params.getAll('specialty').filter((s) => s in SPECIALTY_LABELS))],
    language: /^[a-z]{2}$/.test(text('language')) ? text('language') : '',
    city: text('city'),
    country: /^[A-Za-z]{2}$/.test(text('country')) ? text('country').toUpperCase() : '',
    maxRate: number('maxRate'),
    currency: (FILTER_CURRENCIES as readonly string[]).includes(currency) ? (currency as Currency) : 'EUR',
    minExperienceYears: /^\d{1,2}$/.test(text('minExperienceYears')) ? text('minExperienceYears') : '',
    availableFrom: day('availableFrom'),
    availableTo: day('availableTo'),
    cursor: text('cursor', 200),
  };
}

/** The ListStylists query for these filters; an availability window is whole days in UTC. */
export function toListQuery(f: DirectoryFilters, pageSize = 12) {
  const from = f.availableFrom || (f.availableTo ? f.availableTo : '');
  const to = f.availableTo && f.availableTo >= from ? f.availableTo : from;
  return {
    maxResults: pageSize,
    ...(f.specialties.length ? { specialties: f.specialties.join(',') } : {}),
    ...(f.language ? { language: f.language } : {}),
    ...(f.city ? { city: f.city } : {}),
    ...(f.country ? { country: f.country } : {}),
    ...(f.maxRate ? { maxRate: Number(f.maxRate), currency: f.currency } : {}),
    ...(f.minExperienceYears ? { minExperienceYears: Number(f.minExperienceYears) } : {}),
    ...(from ? { availableFrom: `${from}T00:00:00Z`, availableTo: `${nextDay(to)}T00:00:00Z` } : {}),
    ...(f.cursor ? { nextToken: f.cursor } : {}),
  };
}

/** The URL search for filters (without the cursor unless asked), in a stable order. */
export function filtersSearch(f: DirectoryFilters, extra: { cursor?: string } = {}): string {
  const params = new URLSearchParams();
  for (const s of f.specialties) params.append('specialty', s);
  if (f.language) params.set('language', f.language);
  if (f.city) params.set('city', f.city);
  if (f.country) params.set('country', f.country);
  if (f.maxRate) {
    params.set('maxRate', f.maxRate);
    params.set('currency', f.currency);
  }
  if (f.minExperienceYears) params.set('minExperienceYears', f.minExperienceYears);
  if (f.availableFrom) params.set('availableFrom', f.availableFrom);
  if (f.availableTo) params.set('availableTo', f.availableTo);
  if (extra.cursor) params.set('cursor', extra.cursor);
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function activeFilterCount(f: DirectoryFilters): number {
  return (
    f.specialties.length +
    [f.language, f.city, f.country, f.maxRate, f.minExperienceYears, f.availableFrom || f.availableTo].filter(Boolean).length
  );
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
