/**
 * The demo catalog: the category tree, the curated collections and product number `i` as a pure function of
 * (seed, i). Every piece is one of the houses' real offers (`seed-lines.ts`, `seed-showcase.ts`): the first cycle of
 * the catalog lists each offer exactly once, so no name repeats in the demo; the bench catalog (`--products 100000`)
 * keeps cycling and numbers the later pieces ("… No. 2").
 */
import { createRandom, type Random } from '../../../shared/random.ts';
import type { StoredCustomisation, StoredSpecification } from './schema.ts';
import { brandName, BRANDS as HOUSES } from './seed-houses.ts';
import { KINDS, LINES, type PieceKind } from './seed-lines.ts';
import { SHOWCASE, type ShowcaseSeed } from './seed-showcase.ts';

export { BRANDS, type BrandSeed } from './seed-houses.ts';

export interface CategorySeed {
  slug: string;
  name: string;
  parent?: string;
  showcase?: boolean;
  description: string;
}

export const CATEGORIES: readonly CategorySeed[] = [
  { slug: 'ready-to-wear', name: 'Ready-to-Wear', description: 'The season’s collections from the houses.' },
  { slug: 'women', name: 'Women', parent: 'ready-to-wear', description: 'Dresses, tailoring, knitwear and coats.' },
  { slug: 'men', name: 'Men', parent: 'ready-to-wear', description: 'Suits, outerwear and knitwear.' },
  { slug: 'bespoke-couture', name: 'Bespoke Couture', description: 'Made to your measurements in our ateliers.' },
  { slug: 'bags', name: 'Bags', description: 'Flap bags, totes, clutches and travel pieces.' },
  { slug: 'shoes', name: 'Shoes', description: 'Pumps, loafers, boots and sandals.' },
  { slug: 'fine-jewellery', name: 'Fine Jewellery', description: 'Rings, necklaces, bracelets and high jewellery.' },
  { slug: 'watches', name: 'Watches', description: 'From dress watches to grand complications.' },
  { slug: 'accessories', name: 'Accessories', description: 'Silk, eyewear, belts and small leather goods.' },
  { slug: 'beauty-fragrance', name: 'Beauty & Fragrance', description: 'Perfumes, extraits and rituals.' },
  { slug: 'automobiles', name: 'Automobiles', showcase: true, description: 'Supercars and grand tourers, viewed privately.' },
  { slug: 'residences', name: 'Residences', showcase: true, description: 'Villas, penthouses and chalets.' },
  { slug: 'private-aviation', name: 'Private Aviation', showcase: true, description: 'Business jets for acquisition or charter.' },
  { slug: 'yachts', name: 'Yachts', showcase: true, description: 'Superyachts for sale or charter.' },
  { slug: 'experiences', name: 'Experiences', showcase: true, description: 'Moments arranged by our concierge.' },
  {
    slug: 'red-carpet-preparation',
    name: 'Red-Carpet Preparation',
    parent: 'experiences',
    showcase: true,
    description: 'Styling, fittings and glam for the big night.',
  },
  { slug: 'private-fittings', name: 'Private Fittings', parent: 'experiences', showcase: true, description: 'The atelier comes to you.' },
];

const BRAND_COUNTRY = new Map(HOUSES.map((b) => [b.slug, b.country]));

export interface ProductSeed {
  index: number;
  name: string;
  slug: string;
  description: string;
  brand: string;
  category: string;
  priceMinor: number;
  priceOnRequest: boolean;
  visibility: 'PUBLIC' | 'VIP_ONLY' | 'DRAFT';
  purchaseMode: 'BUY_NOW' | 'INQUIRE' | 'BESPOKE';
  attributes: {
    color?: string;
    size?: string;
    material?: string;
    dimensions?: string;
    weight?: string;
    additionalAttributes?: Record<string, string | number | boolean>;
  };
  specifications: StoredSpecification[];
  customisations: StoredCustomisation[];
  limitedEdition: boolean;
  editionSize: number | null;
  variants: { color?: string; size?: string; stock: number }[];
  /** What the pictures draw (wallet, watch, villa…), as media/demo-art names it. */
  art: string;
  /** Generated pictures: `{art}-{colour}-{name…}`, one per colour (tagged with it) and a second view of the first. */
  images: { name: string; color?: string }[];
  /** Seconds before the catalog's anchor date (larger is older). */
  ageSeconds: number;
}

/** One thing a house offers: a line's piece in one material, or a showcase listing. */
interface Offer {
  house: string;
  category: string;
  name: string;
  model?: string;
  kind?: PieceKind;
  material?: string;
  tint?: string;
  showcase?: ShowcaseSeed;
}

const JEWELLERY = 'fine-jewellery';
const titleCase = (s: string) =>
  s
    .replace(/(^|\s)([a-zà-ÿ])/g, (_m, sp: string, c: string) => sp + c.toUpperCase())
    .replace(/ (And|De|With|In) /g, (m) => m.toLowerCase());

function offersOf(category: string): Offer[] {
  const out: Offer[] = [];
  for (const line of LINES.filter((l) => l.category === category)) {
    for (const kindName of line.kinds) {
      const kind = KINDS[kindName]!;
      const own = category === JEWELLERY || category === 'watches';
      const materials = (own ? line.materials : kind.materials) ?? [];
      // A line's piece in several materials is several offers, named the way the houses do ("… in Suede").
      for (const material of materials.length ? materials : [undefined]) {
        const suffix = materials.length > 1 ? ` ${category === JEWELLERY ? 'with' : 'in'} ${titleCase(material!)}` : '';
        out.push({
          house: line.house,
          category,
          name: `${line.model} ${kind.noun}${suffix}`,
          model: line.model,
          kind,
          ...(material ? { material } : {}),
          ...(line.tint ? { tint: line.tint } : {}),
        });
      }
    }
  }
  for (const s of SHOWCASE.filter((x) => x.category === category)) out.push({ house: s.house, category, name: s.name, showcase: s });
  return out;
}

/** Offers per category, in the category tree's order (categories with none, like the parents, are left out). */
const OFFERS: readonly (readonly [string, Offer[]])[] = CATEGORIES.map((c) => [c.slug, offersOf(c.slug)] as const).filter(
  ([, o]) => o.length > 0,
);

/**
 * The order categories come in, one cycle long: a smooth weighted round robin by how many offers each has, so a
 * category shows up early and evenly rather than in one block, and one cycle holds every offer once.
 */
const SCHEDULE: readonly { category: number; rank: number }[] = (() => {
  const weights = OFFERS.map(([, o]) => o.length);
  const total = weights.reduce((a, b) => a + b, 0);
  const current = weights.map(() => 0);
  const seen = weights.map(() => 0);
  const out: { category: number; rank: number }[] = [];
  for (let n = 0; n < total; n++) {
    let best = 0;
    for (let c = 0; c < weights.length; c++) {
      current[c]! += weights[c]!;
      if (current[c]! > current[best]!) best = c;
    }
    current[best]! -= total;
    out.push({ category: best, rank: seen[best]!++ });
  }
  return out;
})();

/** Every offer once: the size of the demo catalog. */
export const CATALOG_CYCLE = SCHEDULE.length;

const shuffled = new Map<string, Offer[]>();
/** A category's offers in the seed's order (so two seeds list different pieces first). */
function offersFor(seed: number, category: number): Offer[] {
  const key = `${seed}/${category}`;
  let list = shuffled.get(key);
  if (!list) {
    list = createRandom(`${seed}/catalog/offers/${OFFERS[category]![0]}`).shuffle(OFFERS[category]![1]);
    shuffled.set(key, list);
  }
  return list;
}

const roundPrice = (major: number) => {
  const step = major >= 1_000_000 ? 100_000 : major >= 100_000 ? 5_000 : major >= 10_000 ? 500 : major >= 1_000 ? 50 : 5;
  return Math.max(step, Math.round(major / step) * step);
};

/** "black, ivory or camel". */
const either = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);
const lower = (items: readonly string[]) => items.map((c) => c.toLowerCase());

/** A run of neighbouring sizes (a boutique holds 36 to 40, not 34 and 44). */
function sizeRun(rnd: Random, sizes: readonly string[], min: number, max: number): string[] {
  const count = Math.min(sizes.length, rnd.int(min, max));
  const start = rnd.int(0, sizes.length - count);
  return sizes.slice(start, start + count);
}

const WATCH_SPECS: Record<string, (rnd: Random) => StoredSpecification[]> = {
  'Dress Watch': (rnd) => [
    { label: 'Movement', value: rnd.pick(['Manual winding', 'Self-winding']) },
    { label: 'Power reserve', value: `${rnd.int(42, 72)} hours` },
    { label: 'Water resistance', value: '30 m' },
  ],
  Chronograph: (rnd) => [
    { label: 'Movement', value: 'Self-winding chronograph' },
    { label: 'Power reserve', value: `${rnd.int(50, 72)} hours` },
    { label: 'Water resistance', value: `${rnd.pick([50, 100])} m` },
  ],
  'Perpetual Calendar': (rnd) => [
    { label: 'Movement', value: 'Self-winding, perpetual calendar' },
    { label: 'Power reserve', value: `${rnd.int(45, 72)} hours` },
    { label: 'Water resistance', value: '30 m' },
  ],
  Tourbillon: (rnd) => [
    { label: 'Movement', value: 'Manual winding, tourbillon' },
    { label: 'Power reserve', value: `${rnd.int(60, 120)} hours` },
    { label: 'Water resistance', value: '30 m' },
  ],
  'Diver’s Watch': (rnd) => [
    { label: 'Movement', value: 'Self-winding' },
    { label: 'Power reserve', value: `${rnd.int(60, 72)} hours` },
    { label: 'Water resistance', value: '300 m' },
  ],
  'Automatic Watch': (rnd) => [
    { label: 'Movement', value: 'Self-winding' },
    { label: 'Power reserve', value: `${rnd.int(48, 70)} hours` },
    { label: 'Water resistance', value: '100 m' },
  ],
};

const FRAGRANCE_NOTES: Record<string, string> = {
  amber: 'labdanum, vanilla and a warm amber accord',
  iris: 'powdery orris butter, violet leaf and suede',
  rose: 'May rose from Grasse, pink pepper and white musk',
  clear: 'Tunisian neroli, bergamot and orange blossom',
  smoke: 'birch tar, vetiver and a whisper of leather',
  oud: 'Laotian oud, saffron and a velvet rose',
};

/** Where the house makes things, for the copy. */
const MADE_IN: Record<string, string> = {
  FR: 'France',
  IT: 'Italy',
  GB: 'England',
  ES: 'Spain',
  JP: 'Japan',
  CH: 'Switzerland',
  DE: 'Germany',
  US: 'the United States',
};

function describe(o: Offer, colors: readonly string[], sizes: readonly string[], houseCountry: string): string {
  const house = brandName(o.house);
  const kind = o.kind!;
  const noun = kind.noun.toLowerCase();
  const inColours = colors.length ? ` In ${either(lower(colors))}.` : '';
  switch (o.category) {
    case 'women':
    case 'men':
      return `The ${o.model} ${noun} in ${o.material}, cut and finished in ${house}’s ateliers.${inColours}`;
    case 'bespoke-couture':
      return `Made to your measurements by ${house}: a ${noun} in ${o.material}, with three fittings. Shown in ${lower(colors)[0]}; other colours are proposed at the first fitting.`;
    case 'bags':
      return `The ${o.model} ${noun} in ${o.material}, lined in suede and finished by hand in ${MADE_IN[houseCountry] ?? 'the house’s workshop'}.${inColours}`;
    case 'shoes':
      return `${house}’s ${o.model} ${noun} in ${o.material}, made in ${MADE_IN[houseCountry] ?? 'the house’s workshop'}.${inColours}`;
    case JEWELLERY:
      return `The ${o.model} ${noun}, set with ${o.material} in 18k gold. In ${either(lower(colors))}.`;
    case 'watches':
      return `The ${o.model} ${noun}: a ${sizes.length > 1 ? either(sizes) : sizes[0]} case in ${o.material}, with ${colors.length > 1 ? `a choice of ${either(lower(colors))} dials` : `a ${lower(colors)[0]} dial`}.`;
    case 'accessories':
      return `The ${o.model} ${noun} in ${o.material} from ${house}.${inColours}`;
    case 'beauty-fragrance':
      return `${o.model}: ${FRAGRANCE_NOTES[o.tint ?? 'clear']}. The ${noun} in a ${o.material}, in ${either(sizes)}.`;
    default:
      return `${o.name} by ${house}.`;
  }
}

const BESPOKE_OPTIONS: StoredCustomisation[] = [
  { key: 'monogram', label: 'Monogram', kind: 'TEXT', maxLength: 4 },
  { key: 'fabric', label: 'Fabric', kind: 'CHOICE', choices: ['Duchess satin', 'Silk faille', 'Cashmere', 'Hand-embroidered tulle'] },
  { key: 'measurements', label: 'Measurements', kind: 'MEASUREMENTS' },
];

/** A colour as one word of an image name: "Yellow Gold" → "yellowgold". */
export const colorToken = (color: string) => color.toLowerCase().replace(/[^a-z]/g, '');
const slugWords = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Product number `index` of the catalog for `seed`. */
export function productSeed(seed: number, index: number): ProductSeed {
  const rnd = createRandom(`${seed}/catalog/product/${index}`);
  const cycle = Math.floor(index / CATALOG_CYCLE);
  const slot = SCHEDULE[index % CATALOG_CYCLE]!;
  const [category, all] = OFFERS[slot.category]!;
  const offers = offersFor(seed, slot.category);
  const offer = offers[(cycle * all.length + slot.rank) % offers.length]!;
  const name = cycle === 0 ? offer.name : `${offer.name} No. ${cycle + 1}`;
  const showcase = offer.showcase;
  const kind = offer.kind;
  const [low, high] = showcase ? showcase.price : kind!.price;
  // Prices spread log-uniformly across the band: many accessible pieces, a long tail of grand ones.
  const major = roundPrice(Math.exp(rnd.float(Math.log(low), Math.log(high))));
  const mode: ProductSeed['purchaseMode'] = showcase ? 'INQUIRE' : category === 'bespoke-couture' ? 'BESPOKE' : 'BUY_NOW';
  const visibility = rnd.weighted([
    ['PUBLIC', 85],
    ['VIP_ONLY', showcase ? 14 : 10],
    ['DRAFT', 4],
  ] as const);
  const limitedEdition = !showcase && rnd.chance(0.08);
  const country = BRAND_COUNTRY.get(offer.house) ?? 'FR';

  let colors: string[];
  let sizes: string[] = [];
  const variants: ProductSeed['variants'] = [];
  let description: string;
  let specifications: StoredSpecification[] = [];
  let material: string;
  if (showcase) {
    colors = showcase.colors?.length ? [rnd.pick(showcase.colors)] : [];
    variants.push({ ...(colors[0] ? { color: colors[0] } : {}), stock: 1 });
    description = showcase.description;
    specifications = showcase.specifications(rnd);
    material = showcase.material;
  } else {
    const k = kind!;
    colors = k.colors.length ? rnd.sample(k.colors, mode === 'BESPOKE' ? 1 : rnd.int(1, Math.min(3, k.colors.length))) : [];
    if (k.sizes)
      sizes =
        category === 'beauty-fragrance' ? [...k.sizes] : category === 'watches' ? sizeRun(rnd, k.sizes, 1, 2) : sizeRun(rnd, k.sizes, 2, 5);
    if (mode === 'BESPOKE') variants.push({ color: colors[0]!, stock: 0 });
    else if (sizes.length === 0)
      for (const c of colors.length ? colors : [undefined]) variants.push({ ...(c ? { color: c } : {}), stock: rnd.int(0, 12) });
    else
      for (const c of colors.length ? colors : [undefined])
        for (const s of sizes)
          variants.push({
            ...(c ? { color: c } : {}),
            size: s,
            stock: rnd.weighted([
              [0, 1],
              [1, 2],
              [2, 2],
              [3, 2],
              [5, 1],
              [8, 1],
            ] as const),
          });
    description = describe(offer, colors, sizes, country);
    material = category === JEWELLERY ? `18k gold with ${offer.material}` : (offer.material ?? '');
    if (category === 'watches') specifications = WATCH_SPECS[k.noun]!(rnd);
    if (
      category === JEWELLERY &&
      offer.material !== 'pearls' &&
      offer.material !== 'mother-of-pearl' &&
      offer.material !== 'onyx' &&
      offer.material !== 'malachite'
    ) {
      const carats = k.noun === 'Solitaire Ring' ? rnd.float(0.5, 3) : rnd.float(0.2, 4.5);
      specifications = [
        {
          label: 'Stones',
          value: `${carats.toFixed(2)} ct ${offer.material === 'a brilliant-cut diamond' ? 'brilliant-cut diamond' : offer.material}`,
        },
      ];
    }
  }
  const art = showcase ? showcase.art : kind!.art;
  const base = slugWords(offer.name).slice(0, 44).replace(/-$/, '');
  const tone = (c: string | undefined) => (c ? colorToken(c) : (offer.tint ?? 'plain'));
  const shown = colors.length ? colors : [undefined];
  const images: ProductSeed['images'] = [
    ...shown.map((c) => ({ name: `${art}-${tone(c)}-${base}-${index % 97}`, ...(c ? { color: c } : {}) })),
    { name: `${art}-${tone(shown[0])}-${base}-${(index + 31) % 97}-b`, ...(shown[0] ? { color: shown[0] } : {}) },
    ...(showcase ? [{ name: `${art}-${tone(shown[0])}-${base}-${(index + 62) % 97}-c`, ...(shown[0] ? { color: shown[0] } : {}) }] : []),
  ];
  return {
    index,
    name,
    slug: '',
    description,
    brand: offer.house,
    category,
    priceMinor: major * 100,
    priceOnRequest: showcase !== undefined && (major >= 1_000_000 || rnd.chance(0.3)),
    visibility,
    purchaseMode: mode,
    attributes: {
      ...(colors[0] ? { color: colors[0] } : {}),
      ...(material ? { material } : {}),
      ...(category === 'watches' ? { additionalAttributes: { caseDiameter: sizes[0]! } } : {}),
    },
    specifications,
    customisations: mode === 'BESPOKE' ? BESPOKE_OPTIONS : [],
    limitedEdition,
    editionSize: limitedEdition ? rnd.pick([8, 12, 25, 50, 100, 250]) : null,
    variants,
    art,
    images,
    ageSeconds: index * 1800 + rnd.int(0, 1700),
  };
}

export interface CollectionSeed {
  slug: string;
  name: string;
  tagline: string;
  description: string;
  visibility: 'PUBLIC' | 'VIP_ONLY';
  /** Which products: categories to draw from… */
  categories: readonly string[];
  /** …and, when set, only pieces whose name matches one of these (SQL `ilike`), so the copy describes what is in it. */
  match?: readonly string[];
  hero: string;
}

export const COLLECTIONS: readonly CollectionSeed[] = [
  {
    slug: 'the-cannes-edit',
    name: 'The Cannes Edit',
    tagline: 'Gowns, jewels and a yacht for the Croisette',
    description: 'What our stylists are pulling for the festival: evening gowns, high jewellery and the week’s best moorings.',
    visibility: 'PUBLIC',
    categories: ['women', 'fine-jewellery', 'yachts', 'red-carpet-preparation'],
    match: ['%Gown%', '%Cocktail Dress%', '%Necklace%', '%Earrings%', '%Yacht%', '%Festival%', '%Premiere%'],
    hero: 'cannes-edit-evening-gown',
  },
  {
    slug: 'the-private-salon',
    name: 'The Private Salon',
    tagline: 'For our VIP members only',
    description: 'Pieces shown by invitation: numbered editions, off-market residences and the rarest complications.',
    visibility: 'VIP_ONLY',
    categories: ['watches', 'residences', 'bags', 'automobiles'],
    hero: 'private-salon-estate',
  },
  {
    slug: 'haute-horlogerie',
    name: 'Haute Horlogerie',
    tagline: 'Complications worth waiting for',
    description: 'Tourbillons, perpetual calendars and the dress watches that outlive trends.',
    visibility: 'PUBLIC',
    categories: ['watches'],
    match: ['%Tourbillon%', '%Perpetual Calendar%', '%Dress Watch%'],
    hero: 'haute-horlogerie-tourbillon-watch',
  },
  {
    slug: 'riviera-summer',
    name: 'Riviera Summer',
    tagline: 'From Saint-Tropez to Portofino',
    description: 'Silk, sandals, sunglasses and a villa with a view.',
    visibility: 'PUBLIC',
    categories: ['accessories', 'shoes', 'residences', 'women'],
    match: ['%Silk Carré%', '%Sandals%', '%Sunglasses%', 'Villa %', '%Wrap Dress%'],
    hero: 'riviera-summer-villa',
  },
  {
    slug: 'icons-of-the-maison',
    name: 'Icons of the Maison',
    tagline: 'The pieces that made the houses',
    description: 'The Cambon flap bag, the Cavalière top-handle, the Constellation setting and the Trèfle clover.',
    visibility: 'PUBLIC',
    categories: ['bags', 'fine-jewellery'],
    match: ['Cambon %', 'Cavalière %', 'Constellation %', 'Trèfle %'],
    hero: 'icons-flap-bag',
  },
  {
    slug: 'beyond-the-runway',
    name: 'Beyond the Runway',
    tagline: 'Cars, jets and yachts, viewed privately',
    description: 'Our showcase: the supercars, aircraft and superyachts our partners present to members.',
    visibility: 'PUBLIC',
    categories: ['automobiles', 'private-aviation', 'yachts'],
    hero: 'beyond-runway-superyacht',
  },
];
