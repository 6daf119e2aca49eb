import { describe, expect, it } from 'vitest';
import { readBrowseState } from '../url-state.ts';
import { searchQueryOf } from './products.ts';

const read = (query: string) => readBrowseState(new URLSearchParams(query));
const readyToWear = { slug: 'ready-to-wear', descendants: ['women', 'men'] };

describe('the search request for an address', () => {
  it('browses without words: no query, newest first', () => {
    expect(searchQueryOf(read('brand=dior&color=black'))).toEqual({ brands: ['dior'], colors: ['black'], sort: 'newest', maxResults: 24 });
    expect(searchQueryOf(read('q=%20%20'))).not.toHaveProperty('query');
  });

  it('searches with words, by relevance unless asked otherwise', () => {
    expect(searchQueryOf(read('q=kelly'))).toEqual({ query: 'kelly', sort: 'relevance', maxResults: 24 });
    expect(searchQueryOf(read('q=kelly&sort=price-desc'))).toMatchObject({ sort: 'price_desc' });
  });

  it('scopes a department page to its category', () => {
    expect(searchQueryOf(read('brand=chanel'), readyToWear)).toMatchObject({ categories: ['ready-to-wear'], brands: ['chanel'] });
  });

  it('narrows a department to the chosen sub-departments instead of adding them (the API ORs categories)', () => {
    expect(searchQueryOf(read('category=women&category=men'), readyToWear).categories).toEqual(['women', 'men']);
    expect(searchQueryOf(read('category=women'), readyToWear).categories).toEqual(['women']);
  });

  it('never leaves the department for a category named in the address', () => {
    expect(searchQueryOf(read('category=watches'), readyToWear).categories).toEqual(['ready-to-wear']);
    expect(searchQueryOf(read('category=watches&category=men'), readyToWear).categories).toEqual(['men']);
  });

  it('carries price, currency, sort and cursor', () => {
    expect(searchQueryOf(read('min=1000&currency=usd&sort=price-asc&after=abc'), readyToWear)).toEqual({
      categories: ['ready-to-wear'],
      priceRange: '1000-',
      currency: 'USD',
      sort: 'price_asc',
      nextToken: 'abc',
      maxResults: 24,
    });
  });
});
