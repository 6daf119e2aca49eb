import { describe, expect, it } from 'vitest';
import { sizeGroupOf, sizeLabel, sizeRank } from './sizes.ts';

describe('sizes by kind', () => {
  it.each([
    ['FR 38', 'Clothing'],
    ['it 48', 'Clothing'],
    ['M', 'Clothing'],
    ['EU 38', 'Shoes'],
    ['eu 40.5', 'Shoes'],
    ['Ring 52', 'Rings'],
    ['40 mm', 'Watches'],
    ['Medium', 'Bags'],
    ['100 ml', 'Fragrance'],
    ['38', 'Other'],
    ['One size', 'Other'],
  ])('%s is %s', (size, group) => {
    expect(sizeGroupOf(size)).toBe(group);
  });

  it('labels stored (lower-cased) sizes as a shopper reads them', () => {
    expect(['fr 36', 'eu 38', 'ring 52', 'medium', '40 mm', '50 ml', 'xs'].map(sizeLabel)).toEqual([
      'FR 36',
      'EU 38',
      'Ring 52',
      'Medium',
      '40 mm',
      '50 ml',
      'XS',
    ]);
  });

  it('orders letters, bag sizes and numbers naturally', () => {
    const sorted = (xs: string[]) => [...xs].sort((a, b) => sizeRank(a) - sizeRank(b));
    expect(sorted(['L', 'XS', 'M'])).toEqual(['XS', 'M', 'L']);
    expect(sorted(['Large', 'Mini', 'Medium'])).toEqual(['Mini', 'Medium', 'Large']);
    expect(sorted(['EU 41', 'EU 9', 'EU 38.5'])).toEqual(['EU 9', 'EU 38.5', 'EU 41']);
    expect(sorted(['200 ml', '50 ml', '100 ml'])).toEqual(['50 ml', '100 ml', '200 ml']);
  });
});
