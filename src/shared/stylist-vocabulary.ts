/**
 * The stylist marketplace's closed vocabularies, one list for both sides: the server validates and documents them
 * (stylists/models.ts makes the `Specialty` and `StyleTag` enums of the API from these) and the web offers them as
 * choices (the profile editor, the style quiz). Adding a word here adds it everywhere.
 */

export const SPECIALTIES = [
  'red-carpet',
  'bridal',
  'menswear',
  'capsule-wardrobe',
  'personal-shopping',
  'event-styling',
  'wardrobe-edit',
  'image-consulting',
  'sustainable-fashion',
  'haute-couture',
  'jewellery',
  'travel-wardrobe',
] as const;
export type Specialty = (typeof SPECIALTIES)[number];

/** The style tags matching compares with the client's own words. */
export const STYLE_TAGS = [
  'classic',
  'minimalist',
  'avant-garde',
  'bohemian',
  'romantic',
  'streetwear',
  'glamour',
  'tailored',
  'eclectic',
  'sporty-chic',
  'vintage',
  'monochrome',
] as const;
export type StyleTag = (typeof STYLE_TAGS)[number];
