import { describe, expect, it } from 'vitest';
import { departmentOf, facetGroups } from './browse.ts';
import type { ProductFacets } from './present.ts';

const facet = (value: string, count: number, label?: string) => ({ value, count, selected: false, ...(label ? { label } : {}) });

const facets: ProductFacets = {
  categories: [facet('ready-to-wear', 40, 'Ready-to-Wear'), facet('women', 25, 'Women'), facet('men', 15, 'Men'), facet('bags', 9, 'Bags')],
  brands: [facet('dior', 12, 'Dior'), facet('chanel', 8, 'Chanel')],
  priceRanges: [],
  colors: [facet('black', 10)],
  sizes: [facet('L', 2), facet('XS', 3), facet('M', 4)],
};

describe('the facet sidebar of a department page', () => {
  it('offers every category on the search page', () => {
    expect(facetGroups(facets, 'all')[0]).toMatchObject({ key: 'categories', title: 'Department' });
    expect(facetGroups(facets, 'all')[0]!.options.map((o) => o.value)).toEqual(['ready-to-wear', 'women', 'men', 'bags']);
  });

  it('offers a department only its own sub-departments, in the tree’s order, with the API’s counts', () => {
    const [group] = facetGroups(facets, ['men', 'women']);
    expect(group).toEqual({
      key: 'categories',
      title: 'Department',
      options: [
        { value: 'men', label: 'Men', count: 15 },
        { value: 'women', label: 'Women', count: 25 },
      ],
    });
  });

  it('leaves the group out when no sub-department has pieces (a leaf department)', () => {
    expect(facetGroups(facets, []).map((g) => g.key)).toEqual(['brands', 'colors', 'sizes']);
    expect(facetGroups(facets, ['experiences']).map((g) => g.key)).toEqual(['brands', 'colors', 'sizes']);
    expect(facetGroups(undefined, ['women']).map((g) => g.key)).toEqual(['brands', 'colors', 'sizes']);
  });

  it('labels colours and orders sizes as a wardrobe would', () => {
    const groups = facetGroups(facets, []);
    expect(groups.find((g) => g.key === 'colors')!.options[0]!.label).toBe('Black');
    expect(groups.find((g) => g.key === 'sizes')!.options.map((o) => o.value)).toEqual(['XS', 'M', 'L']);
  });
});

describe('a department from the category tree', () => {
  it('lists every category below it', () => {
    const tree = {
      slug: 'experiences',
      children: [
        { slug: 'red-carpet', children: [{ slug: 'premieres', children: [] }] },
        { slug: 'fittings', children: [] },
      ],
    };
    expect(departmentOf(tree)).toEqual({ slug: 'experiences', descendants: ['red-carpet', 'premieres', 'fittings'] });
    expect(departmentOf({ slug: 'bags', children: [] })).toEqual({ slug: 'bags', descendants: [] });
  });

  it('groups sizes by kind (clothing, shoes, rings, watches) in the API’s groups, each in a shopper’s order', () => {
    const sized = (value: string, label: string, group: 'Clothing' | 'Shoes' | 'Rings' | 'Watches') => ({
      ...facet(value, 1, label),
      group,
    });
    const mixed: ProductFacets = {
      ...facets,
      sizes: [
        sized('ring 52', 'Ring 52', 'Rings'),
        sized('eu 38', 'EU 38', 'Shoes'),
        sized('fr 40', 'FR 40', 'Clothing'),
        sized('40 mm', '40 mm', 'Watches'),
        sized('fr 36', 'FR 36', 'Clothing'),
        sized('eu 36', 'EU 36', 'Shoes'),
      ],
    };
    const options = facetGroups(mixed, []).find((g) => g.key === 'sizes')!.options;
    expect(options.map((o) => [o.group, o.label])).toEqual([
      ['Clothing', 'FR 36'],
      ['Clothing', 'FR 40'],
      ['Shoes', 'EU 36'],
      ['Shoes', 'EU 38'],
      ['Rings', 'Ring 52'],
      ['Watches', '40 mm'],
    ]);
  });
});
