import { describe, expect, it } from 'vitest';
import { activeFilterCount, filtersSearch, readFilters, toListQuery } from './filters.ts';

describe('directory filters in the URL', () => {
  it('reads what is well formed and drops the rest', () => {
    const f = readFilters(
      new URLSearchParams(
        'specialty=bridal&specialty=nonsense&specialty=bridal&language=fr&maxRate=500&currency=usd&minExperienceYears=abc&availableFrom=2026-03-12&country=fr',
      ),
    );
    expect(f.specialties).toEqual(['bridal']);
    expect(f.language).toBe('fr');
    expect(f.maxRate).toBe('500');
    expect(f.currency).toBe('USD');
    expect(f.minExperienceYears).toBe('');
    expect(f.country).toBe('FR');
    expect(activeFilterCount(f)).toBe(5);
  });

  it('turns them into the ListStylists query, whole UTC days for availability', () => {
    const q = toListQuery(
      readFilters(new URLSearchParams('specialty=bridal&specialty=red-carpet&availableFrom=2026-03-12&availableTo=2026-03-14&maxRate=800')),
    );
    expect(q).toEqual({
      maxResults: 12,
      specialties: 'bridal,red-carpet',
      maxRate: 800,
      currency: 'EUR',
      availableFrom: '2026-03-12T00:00:00Z',
      availableTo: '2026-03-15T00:00:00Z',
    });
  });

  it('round-trips through the URL', () => {
    const f = readFilters(new URLSearchParams('language=it&specialty=menswear&city=Milan'));
    expect(filtersSearch(f)).toBe('?specialty=menswear&language=it&city=Milan');
    expect(readFilters(new URLSearchParams(filtersSearch(f, { cursor: 'abc' }))).cursor).toBe('abc');
    expect(filtersSearch(readFilters(new URLSearchParams('')))).toBe('');
  });
});
