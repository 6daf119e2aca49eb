import { describe, expect, it } from 'vitest';
import {
  clearFilters,
  hasFilters,
  parseRangeValue,
  readBrowseState,
  searchString,
  toggleFacet,
  withinDepartment,
  withSort,
  writeBrowseState,
} from './url-state.ts';

const read = (query: string) => readBrowseState(new URLSearchParams(query));

describe('browse state in the address', () => {
  it('reads filters, sort and cursor', () => {
    const state = read(
      'q=%20chanel%20&brand=Chanel&brand=Dior&color=black&size=M&min=100&max=2500.5&currency=eur&sort=price-asc&after=abc',
    );
    expect(state).toEqual({
      query: 'chanel',
      categories: [],
      brands: ['Chanel', 'Dior'],
      colors: ['black'],
      sizes: ['M'],
      minPrice: 100,
      maxPrice: 2500.5,
      currency: 'EUR',
      sort: 'price-asc',
      after: 'abc',
    });
  });

  it('ignores what is malformed instead of failing', () => {
    const state = read('min=-5&max=1e9&sort=drop%20table&currency=euros&brand=&brand=%20');
    expect(state.minPrice).toBeUndefined();
    expect(state.maxPrice).toBeUndefined();
    expect(state.sort).toBeUndefined();
    expect(state.currency).toBeUndefined();
    expect(state.brands).toEqual([]);
  });

  it('drops duplicates and caps the number of values', () => {
    const many = Array.from({ length: 50 }, (_, i) => `brand=b${i}`).join('&');
    expect(read(`brand=a&brand=a&${many}`).brands).toHaveLength(20);
    expect(read('brand=a&brand=a').brands).toEqual(['a']);
  });

  it('writes a stable order, so equal states give equal URLs', () => {
    const a = writeBrowseState(read('brand=Dior&brand=Chanel&sort=newest')).toString();
    const b = writeBrowseState(read('sort=newest&brand=Chanel&brand=Dior')).toString();
    expect(a).toBe(b);
    expect(a).toBe('brand=Chanel&brand=Dior&sort=newest');
  });

  it('round-trips', () => {
    const query = 'q=bag&category=bags&brand=Hermes&color=black&min=10&max=20&currency=EUR&sort=newest&after=t';
    expect(readBrowseState(writeBrowseState(read(query)))).toEqual(read(query));
  });

  it('returns to the first page whenever a filter or the sort changes', () => {
    const state = read('brand=Dior&after=cursor');
    expect(toggleFacet(state, 'brands', 'Chanel').after).toBeUndefined();
    expect(toggleFacet(state, 'brands', 'Dior').brands).toEqual([]);
    expect(withSort(state, 'price-desc').after).toBeUndefined();
    expect(hasFilters(clearFilters(state))).toBe(false);
    expect(searchString(clearFilters(read('q=x&brand=y')))).toBe('?q=x');
  });

  it('reads price-range facet values', () => {
    expect(parseRangeValue('0-500')).toEqual({ min: 0, max: 500 });
    expect(parseRangeValue('5000-')).toEqual({ min: 5000, max: undefined });
    expect(parseRangeValue('EUR:100-200')).toEqual({ min: 100, max: 200 });
    expect(parseRangeValue('cheap')).toBeUndefined();
  });

  it('keeps a department page to its own sub-departments', () => {
    const readyToWear = { slug: 'ready-to-wear', descendants: ['women', 'men'] };
    expect(withinDepartment(read('category=women&category=watches&category=ready-to-wear&brand=dior'), readyToWear)).toMatchObject({
      categories: ['women'],
      brands: ['dior'],
    });
    expect(withinDepartment(read('category=watches'), readyToWear).categories).toEqual([]);
    const unchanged = read('category=men&after=t');
    expect(withinDepartment(unchanged, readyToWear)).toBe(unchanged);
    expect(withinDepartment(read('category=women'), { slug: 'bags', descendants: [] }).categories).toEqual([]);
  });
});
