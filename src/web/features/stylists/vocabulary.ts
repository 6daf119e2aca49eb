/** Words the stylist pages share: how each kind of session is named, and the quiz's vocabulary. */
import type { components } from '../../lib/api/schema.d.ts';

export const SERVICE_KIND_LABELS: Record<components['schemas']['StylistServiceKind'], string> = {
  VIRTUAL_CONSULTATION: 'Virtual consultation',
  IN_PERSON_SESSION: 'In-person session',
  WARDROBE_EDIT: 'Wardrobe edit',
  PERSONAL_SHOPPING_TRIP: 'Personal shopping trip',
  RED_CARPET_PREPARATION: 'Red-carpet preparation',
  BRIDAL: 'Bridal',
  EVENT_STYLING: 'Event styling',
};

export type ServiceKind = keyof typeof SERVICE_KIND_LABELS;

export const SERVICE_KIND_DESCRIPTIONS: Record<ServiceKind, string> = {
  VIRTUAL_CONSULTATION: 'By video, wherever you are.',
  IN_PERSON_SESSION: 'At home, at the hotel or at the atelier.',
  WARDROBE_EDIT: 'What to keep, what to tailor, what is missing.',
  PERSONAL_SHOPPING_TRIP: 'The houses, the fittings, the packing.',
  RED_CARPET_PREPARATION: 'For the premiere, the gala, the cameras.',
  BRIDAL: 'The dress, the rehearsal, the morning after.',
  EVENT_STYLING: 'One evening, considered from head to toe.',
};

export function serviceKindLabel(kind: string): string {
  return (SERVICE_KIND_LABELS as Record<string, string>)[kind] ?? kind.toLowerCase().replace(/_/g, ' ');
}

export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  fr: 'French',
  it: 'Italian',
  es: 'Spanish',
  de: 'German',
  pt: 'Portuguese',
  ar: 'Arabic',
  zh: 'Mandarin',
  ja: 'Japanese',
  ru: 'Russian',
  ko: 'Korean',
  hi: 'Hindi',
  nl: 'Dutch',
};

/** "fr" → "French"; an unknown code is shown as the API gave it. */
export function languageName(code: string): string {
  return LANGUAGE_NAMES[code.toLowerCase()] ?? code;
}

/** The API's style tags, which matching compares with the client's own words (one list with the server's). */
export { STYLE_TAGS } from '../../../shared/stylist-vocabulary.ts';

export const SPECIALTY_LABELS: Record<components['schemas']['Specialty'], string> = {
  'red-carpet': 'Red carpet',
  bridal: 'Bridal',
  menswear: 'Menswear',
  'capsule-wardrobe': 'Capsule wardrobe',
  'personal-shopping': 'Personal shopping',
  'event-styling': 'Event styling',
  'wardrobe-edit': 'Wardrobe edit',
  'image-consulting': 'Image consulting',
  'sustainable-fashion': 'Sustainable fashion',
  'haute-couture': 'Haute couture',
  jewellery: 'Jewellery',
  'travel-wardrobe': 'Travel wardrobe',
};

/** "red-carpet" → "Red carpet"; words the API has and this list does not are spelled out from the slug. */
export function specialtyLabel(slug: string): string {
  return (SPECIALTY_LABELS as Record<string, string>)[slug] ?? slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** "sporty-chic" → "Sporty chic". */
export function styleTagLabel(slug: string): string {
  return slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** One key per style word whatever its case or spacing: "Glamour", "glamour" and " GLAMOUR " are one style. */
export function styleKey(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** Saved words followed by the new ones, without a second spelling of any (the first spelling stays). */
export function mergeStyleWords(saved: readonly string[], added: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const word of [...saved, ...added]) {
    const w = word.trim();
    if (!w || seen.has(styleKey(w))) continue;
    seen.add(styleKey(w));
    out.push(w);
  }
  return out;
}

/** Which specialties each kind of session in the quiz points to. */
export const SERVICE_SPECIALTIES: Record<ServiceKind, components['schemas']['Specialty'][]> = {
  VIRTUAL_CONSULTATION: ['image-consulting'],
  IN_PERSON_SESSION: ['personal-shopping'],
  WARDROBE_EDIT: ['wardrobe-edit', 'capsule-wardrobe'],
  PERSONAL_SHOPPING_TRIP: ['personal-shopping'],
  RED_CARPET_PREPARATION: ['red-carpet'],
  BRIDAL: ['bridal'],
  EVENT_STYLING: ['event-styling'],
};
