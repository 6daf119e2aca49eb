import { describe, expect, it } from 'vitest';
import { closest, similarity, trigrams } from './trigram.ts';

describe('trigram similarity (pg_trgm semantics)', () => {
  it('makes the same trigrams as pg_trgm', () => {
    // select show_trgm('cat') → {"  c"," ca","at ",cat}
    expect([...trigrams('cat')].sort()).toEqual(['  c', ' ca', 'at ', 'cat']);
  });

  it('gives the same similarity as pg_trgm', () => {
    // Values from PostgreSQL 15: select similarity('chanell','chanel'), …
    expect(similarity('chanell', 'chanel')).toBeCloseTo(0.666667, 5);
    expect(similarity('lamborgini', 'lamborghini')).toBeCloseTo(0.642857, 5);
    expect(similarity('cartierr', 'cartier')).toBeCloseTo(0.7, 5);
    expect(similarity('bag', 'bags')).toBeCloseTo(0.5, 5);
    expect(similarity('hermes kelly', 'kelly')).toBeCloseTo(0.461538, 5);
  });

  it('picks the closest term, then the most used', () => {
    const vocab = [
      { term: 'chanel', uses: 10 },
      { term: 'channel', uses: 1 },
      { term: 'cartier', uses: 5 },
    ];
    expect(closest('chanell', vocab)).toBe('chanel');
    expect(closest('xyzzy', vocab)).toBeUndefined();
  });
});
