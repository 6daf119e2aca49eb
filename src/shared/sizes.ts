/**
 * Sizes speak different languages: a "38" is a French dress, an Italian shoe or a ring. The catalog writes each kind in
 * its own form ("FR 38", "EU 38", "Ring 52", "40 mm", "Medium", "100 ml"), so a size alone says which kind it is and the
 * size facet can group them the way a boutique would instead of one mixed list.
 */

export const SIZE_GROUPS = ['Clothing', 'Shoes', 'Rings', 'Watches', 'Bags', 'Fragrance', 'Other'] as const;
export type SizeGroup = (typeof SIZE_GROUPS)[number];

const LETTERS = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL'];
const BAGS = ['nano', 'mini', 'small', 'medium', 'large', 'maxi'];

const RULES: readonly (readonly [RegExp, SizeGroup])[] = [
  [/^(fr|it|uk|us)\s?\d{1,2}$/i, 'Clothing'],
  [/^eu\s?\d{2}(?:[.,]5)?$/i, 'Shoes'],
  [/^ring\s?\d{1,2}$/i, 'Rings'],
  [/^\d{2}(?:[.,]\d)?\s?mm$/i, 'Watches'],
  [/^\d{1,4}\s?ml$/i, 'Fragrance'],
];

/** Which kind a size belongs to, from its form alone; anything unrecognised is 'Other'. */
export function sizeGroupOf(size: string): SizeGroup {
  const s = size.trim();
  if (LETTERS.includes(s.toUpperCase())) return 'Clothing';
  if (BAGS.includes(s.toLowerCase())) return 'Bags';
  return RULES.find(([re]) => re.test(s))?.[1] ?? 'Other';
}

/** A stored (lower-cased) size as a shopper reads it: "fr 36" → "FR 36", "ring 52" → "Ring 52", "medium" → "Medium". */
export function sizeLabel(size: string): string {
  const s = size.trim();
  if (LETTERS.includes(s.toUpperCase())) return s.toUpperCase();
  const group = sizeGroupOf(s);
  if (group === 'Clothing' || group === 'Shoes') return s.replace(/^[a-z]+/i, (p) => p.toUpperCase());
  if (group === 'Rings' || group === 'Bags') return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  return s;
}

/** Sort key within a group: letter sizes in wardrobe order, bags small to large, else by the number in the size. */
export function sizeRank(size: string): number {
  const s = size.trim();
  const letter = LETTERS.indexOf(s.toUpperCase());
  if (letter >= 0) return letter;
  const bag = BAGS.indexOf(s.toLowerCase());
  if (bag >= 0) return 10 + bag;
  const number = /\d+(?:[.,]\d+)?/.exec(s);
  return number ? 100 + Number.parseFloat(number[0].replace(',', '.')) : 100_000;
}
