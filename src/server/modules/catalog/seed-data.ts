/**
 * The demo catalog's vocabulary: 30 houses, the category tree, and product generators per category. Product number `i`
 * is a pure function of (seed, i), so the 420-piece demo is the first 420 pieces of the 100,000-piece bench catalog.
 */
import { createRandom, type Random } from '../../../shared/random.ts';
import type { StoredCustomisation, StoredSpecification } from './schema.ts';

export interface BrandSeed {
  slug: string;
  name: string;
  country: string;
  founded: number;
  description: string;
  partner: boolean;
}

export const BRANDS: readonly BrandSeed[] = [
  { slug: 'chanel', name: 'Chanel', country: 'FR', founded: 1910, description: 'The Parisian house of the little black dress, tweed and the quilted flap bag.', partner: true },
  { slug: 'hermes', name: 'Hermès', country: 'FR', founded: 1837, description: 'Saddlers since 1837: leather goods, silk and an unhurried sense of craft.', partner: true },
  { slug: 'louis-vuitton', name: 'Louis Vuitton', country: 'FR', founded: 1854, description: 'Trunk-makers turned travellers’ house of leather, ready-to-wear and high jewellery.', partner: true },
  { slug: 'dior', name: 'Dior', country: 'FR', founded: 1946, description: 'The New Look, couture from Avenue Montaigne and the fragrances that followed.', partner: true },
  { slug: 'saint-laurent', name: 'Saint Laurent', country: 'FR', founded: 1961, description: 'Le Smoking, sharp tailoring and rive gauche attitude.', partner: false },
  { slug: 'valentino', name: 'Valentino', country: 'IT', founded: 1960, description: 'Roman couture: the red gown, the rockstud and the grand gesture.', partner: true },
  { slug: 'prada', name: 'Prada', country: 'IT', founded: 1913, description: 'Milanese leather goods and an intellectual eye for ready-to-wear.', partner: false },
  { slug: 'gucci', name: 'Gucci', country: 'IT', founded: 1921, description: 'Florentine leather, the horsebit loafer and maximal romance.', partner: false },
  { slug: 'bottega-veneta', name: 'Bottega Veneta', country: 'IT', founded: 1966, description: 'The intrecciato weave: when your own initials are enough.', partner: true },
  { slug: 'loewe', name: 'Loewe', country: 'ES', founded: 1846, description: 'Madrid leather craft, puzzle bags and artisanal curiosity.', partner: false },
  { slug: 'celine', name: 'Celine', country: 'FR', founded: 1945, description: 'Parisian minimalism with a triomphe clasp.', partner: false },
  { slug: 'givenchy', name: 'Givenchy', country: 'FR', founded: 1952, description: 'Aristocratic elegance, from Audrey’s little black dress onwards.', partner: false },
  { slug: 'cartier', name: 'Cartier', country: 'FR', founded: 1847, description: 'The jeweller of kings: the Love bracelet, the Tank and the panthère.', partner: true },
  { slug: 'van-cleef-arpels', name: 'Van Cleef & Arpels', country: 'FR', founded: 1906, description: 'Place Vendôme poetry in gold and stone: Alhambra, Mystery Set.', partner: true },
  { slug: 'bulgari', name: 'Bulgari', country: 'IT', founded: 1884, description: 'Roman jewellery with colour and the serpenti’s coil.', partner: false },
  { slug: 'boucheron', name: 'Boucheron', country: 'FR', founded: 1858, description: 'The first jeweller of Place Vendôme, and the Quatre ring.', partner: false },
  { slug: 'tiffany-co', name: 'Tiffany & Co.', country: 'US', founded: 1837, description: 'The blue box, the six-prong setting and Fifth Avenue.', partner: false },
  { slug: 'patek-philippe', name: 'Patek Philippe', country: 'CH', founded: 1839, description: 'Genevan complications kept for the next generation.', partner: true },
  { slug: 'audemars-piguet', name: 'Audemars Piguet', country: 'CH', founded: 1875, description: 'Le Brassus watchmaking and the octagonal Royal Oak.', partner: false },
  { slug: 'jaeger-lecoultre', name: 'Jaeger-LeCoultre', country: 'CH', founded: 1833, description: 'The watchmaker’s watchmaker, and the reversible Reverso.', partner: false },
  { slug: 'rolex', name: 'Rolex', country: 'CH', founded: 1905, description: 'Oyster cases, perpetual rotors and a crown.', partner: false },
  { slug: 'guerlain', name: 'Guerlain', country: 'FR', founded: 1828, description: 'Parisian perfumers since 1828: Shalimar, L’Heure Bleue.', partner: false },
  { slug: 'maison-francis-kurkdjian', name: 'Maison Francis Kurkdjian', country: 'FR', founded: 2009, description: 'Contemporary haute parfumerie: Baccarat Rouge 540.', partner: false },
  { slug: 'lamborghini', name: 'Lamborghini', country: 'IT', founded: 1963, description: 'Sant’Agata supercars: V12s, scissor doors and no half measures.', partner: true },
  { slug: 'ferrari', name: 'Ferrari', country: 'IT', founded: 1939, description: 'Maranello’s prancing horse, on the road and the track.', partner: false },
  { slug: 'rolls-royce', name: 'Rolls-Royce', country: 'GB', founded: 1904, description: 'Goodwood coachbuilding, starlight headliners and silence.', partner: true },
  { slug: 'feadship', name: 'Feadship', country: 'NL', founded: 1949, description: 'Dutch superyachts built one at a time.', partner: true },
  { slug: 'gulfstream', name: 'Gulfstream', country: 'US', founded: 1958, description: 'Long-range business jets with panoramic oval windows.', partner: true },
  { slug: 'maison-azur-estates', name: 'Maison Azur Estates', country: 'MC', founded: 1998, description: 'Villas, penthouses and chalets from the Riviera to the Alps.', partner: true },
  { slug: 'stylebyzaga-atelier', name: 'StyleByZaga Atelier', country: 'FR', founded: 2024, description: 'Our own atelier: bespoke couture, red-carpet preparation and private fittings.', partner: false },
];

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
  { slug: 'red-carpet-preparation', name: 'Red-Carpet Preparation', parent: 'experiences', showcase: true, description: 'Styling, fittings and glam for the big night.' },
  { slug: 'private-fittings', name: 'Private Fittings', parent: 'experiences', showcase: true, description: 'The atelier comes to you.' },
];

const COLORS = ['Black', 'Ivory', 'Beige', 'Camel', 'Navy', 'Burgundy', 'Emerald', 'Blush', 'Gold', 'Silver', 'White', 'Red', 'Grey', 'Cognac'] as const;
const WOMEN_SIZES = ['34', '36', '38', '40', '42', '44'];
const MEN_SIZES = ['46', '48', '50', '52', '54', '56'];
const SHOE_SIZES = ['36', '37', '38', '39', '40', '41', '42', '43', '44'];
const RING_SIZES = ['48', '50', '52', '54', '56'];

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
  attributes: { color?: string; size?: string; material?: string; dimensions?: string; weight?: string; additionalAttributes?: Record<string, string | number | boolean> };
  specifications: StoredSpecification[];
  customisations: StoredCustomisation[];
  limitedEdition: boolean;
  editionSize: number | null;
  variants: { color?: string; size?: string; stock: number }[];
  /** Names of the generated pictures (the composition follows the words: bag, watch, villa…). */
  images: string[];
  /** Seconds before the catalog's anchor date (larger is older). */
  ageSeconds: number;
}

interface Template {
  category: string;
  brands: readonly string[];
  /** Model names and nouns; the noun decides the picture. */
  models: readonly string[];
  nouns: readonly string[];
  materials: readonly string[];
  price: readonly [number, number];
  sizes?: readonly string[];
  mode?: ProductSeed['purchaseMode'];
  weight: number;
}

const TEMPLATES: readonly Template[] = [
  { category: 'women', brands: ['chanel', 'dior', 'valentino', 'saint-laurent', 'celine', 'givenchy', 'prada', 'gucci', 'loewe'], models: ['Riviera', 'Montaigne', 'Cambon', 'Serena', 'Opéra', 'Lumière', 'Rive Gauche', 'Palais', 'Étoile'], nouns: ['Silk Gown', 'Tweed Jacket', 'Cocktail Dress', 'Wool Coat', 'Pleated Dress', 'Cashmere Coat', 'Evening Gown', 'Wrap Dress'], materials: ['silk', 'tweed', 'cashmere', 'wool crêpe', 'lace', 'organza'], price: [1800, 14000], sizes: WOMEN_SIZES, weight: 12 },
  { category: 'men', brands: ['saint-laurent', 'dior', 'prada', 'gucci', 'givenchy', 'loewe'], models: ['Savile', 'Riviera', 'Monceau', 'Portofino', 'Milano', 'Dorian'], nouns: ['Tuxedo', 'Suit', 'Overcoat', 'Blazer', 'Smoking Jacket', 'Cashmere Coat'], materials: ['wool', 'cashmere', 'mohair', 'velvet', 'linen'], price: [1500, 9000], sizes: MEN_SIZES, weight: 8 },
  { category: 'bespoke-couture', brands: ['stylebyzaga-atelier', 'chanel', 'dior', 'valentino'], models: ['Atelier', 'Haute', 'Maison', 'Couture', 'Salon'], nouns: ['Couture Gown', 'Bespoke Suit', 'Made-to-Measure Tuxedo', 'Bridal Gown', 'Couture Robe'], materials: ['duchess satin', 'silk faille', 'hand-embroidered tulle', 'cashmere'], price: [12000, 90000], mode: 'BESPOKE', weight: 4 },
  { category: 'bags', brands: ['chanel', 'hermes', 'louis-vuitton', 'dior', 'bottega-veneta', 'loewe', 'celine', 'prada', 'gucci', 'saint-laurent', 'valentino'], models: ['Classic', 'Kelly', 'Birkin', 'Capucines', 'Lady', 'Cassette', 'Puzzle', 'Triomphe', 'Jackie', 'Loulou', 'Boy', 'Constance'], nouns: ['Flap Bag', 'Tote', 'Clutch', 'Shoulder Bag', 'Top-Handle Bag', 'Crossbody Bag', 'Pochette'], materials: ['lambskin', 'calfskin', 'crocodile', 'grained leather', 'canvas', 'ostrich'], price: [1900, 38000], sizes: ['Mini', 'Small', 'Medium', 'Large'], weight: 14 },
  { category: 'shoes', brands: ['chanel', 'dior', 'valentino', 'saint-laurent', 'gucci', 'prada', 'hermes'], models: ['Opyum', 'Rockstud', 'Horsebit', 'Slingback', 'Oran', 'J’Adior', 'Tribute'], nouns: ['Pumps', 'Loafers', 'Sandals', 'Ankle Boots', 'Slingback Heels', 'Mules', 'Ballet Flats'], materials: ['patent leather', 'suede', 'calfskin', 'satin'], price: [650, 2400], sizes: SHOE_SIZES, weight: 9 },
  { category: 'fine-jewellery', brands: ['cartier', 'van-cleef-arpels', 'bulgari', 'boucheron', 'tiffany-co', 'chanel', 'dior'], models: ['Love', 'Alhambra', 'Serpenti', 'Quatre', 'Juste un Clou', 'Panthère', 'Coco Crush', 'Trinity', 'Perlée', 'Clash'], nouns: ['Ring', 'Necklace', 'Bracelet', 'Earrings', 'Pendant', 'Solitaire Ring', 'Bangle'], materials: ['18k yellow gold', '18k white gold', 'platinum', 'rose gold with diamonds', 'gold with emeralds'], price: [1600, 85000], sizes: RING_SIZES, weight: 10 },
  { category: 'watches', brands: ['patek-philippe', 'audemars-piguet', 'jaeger-lecoultre', 'rolex', 'cartier', 'bulgari', 'chanel'], models: ['Calatrava', 'Royal Oak', 'Reverso', 'Daytona', 'Tank', 'Santos', 'Nautilus', 'Octo', 'J12', 'Submariner'], nouns: ['Watch', 'Chronograph', 'Tourbillon', 'Dress Watch', 'Perpetual Calendar'], materials: ['steel', 'rose gold', 'platinum', 'ceramic', 'titanium'], price: [5500, 250000], sizes: ['36mm', '38mm', '40mm', '41mm', '42mm'], weight: 9 },
  { category: 'accessories', brands: ['hermes', 'chanel', 'louis-vuitton', 'gucci', 'prada', 'dior', 'celine'], models: ['Carré', 'Monogram', 'Oblique', 'Signature', 'Horsebit', 'Twilly'], nouns: ['Silk Scarf', 'Sunglasses', 'Leather Belt', 'Card Holder', 'Cashmere Stole', 'Wallet'], materials: ['silk twill', 'acetate', 'calfskin', 'cashmere'], price: [280, 1900], weight: 8 },
  { category: 'beauty-fragrance', brands: ['guerlain', 'maison-francis-kurkdjian', 'chanel', 'dior', 'hermes'], models: ['Shalimar', 'Baccarat Rouge 540', 'No. 5', 'Sauvage', 'L’Heure Bleue', 'Aqua Universalis', 'Oud Satin Mood', 'Miss Dior', 'Terre'], nouns: ['Eau de Parfum', 'Extrait de Parfum', 'Parfum', 'Eau de Toilette', 'Fragrance Coffret'], materials: ['crystal flacon', 'refillable bottle'], price: [140, 950], sizes: ['50 ml', '100 ml', '200 ml'], weight: 7 },
  { category: 'automobiles', brands: ['lamborghini', 'ferrari', 'rolls-royce'], models: ['Revuelto', 'Huracán', 'Urus', 'SF90', 'Roma', 'Purosangue', 'Phantom', 'Cullinan', 'Spectre', 'Ghost'], nouns: ['Coupé', 'Roadster', 'Grand Tourer', 'Spider', 'Sedan'], materials: ['carbon fibre', 'hand-stitched leather'], price: [240000, 650000], mode: 'INQUIRE', weight: 3 },
  { category: 'residences', brands: ['maison-azur-estates'], models: ['Cap Ferrat', 'Saint-Tropez', 'Courchevel', 'Gstaad', 'Monte-Carlo', 'Mykonos', 'Marbella', 'Lake Como'], nouns: ['Villa', 'Penthouse', 'Chalet', 'Estate', 'Residence'], materials: ['limestone', 'marble', 'larch'], price: [4_500_000, 65_000_000], mode: 'INQUIRE', weight: 2 },
  { category: 'private-aviation', brands: ['gulfstream'], models: ['G700', 'G650ER', 'G500', 'G800', 'G280'], nouns: ['Jet', 'Business Jet', 'Charter Jet'], materials: ['walnut veneer', 'Italian leather'], price: [22_000_000, 78_000_000], mode: 'INQUIRE', weight: 1 },
  { category: 'yachts', brands: ['feadship'], models: ['Moonrise', 'Savannah', 'Aquarius', 'Lonian', 'Arrow', 'Anna'], nouns: ['Superyacht', 'Motor Yacht', 'Explorer Yacht'], materials: ['steel hull', 'aluminium superstructure', 'teak decks'], price: [35_000_000, 250_000_000], mode: 'INQUIRE', weight: 1 },
  { category: 'red-carpet-preparation', brands: ['stylebyzaga-atelier'], models: ['Cannes', 'Venice', 'Met Gala', 'Oscars', 'BAFTA'], nouns: ['Red-Carpet Preparation', 'Premiere Styling', 'Gala Glam Session'], materials: ['in-suite service'], price: [6000, 45000], mode: 'INQUIRE', weight: 1 },
  { category: 'private-fittings', brands: ['stylebyzaga-atelier', 'chanel', 'dior'], models: ['In-Residence', 'Atelier', 'Yacht-Side', 'Hotel Suite'], nouns: ['Private Fitting', 'Trunk Show', 'Wardrobe Consultation'], materials: ['at home or hotel'], price: [1500, 12000], mode: 'INQUIRE', weight: 1 },
];

const TOTAL_WEIGHT = TEMPLATES.reduce((n, t) => n + t.weight, 0);

/** The template for product `index`: categories rotate by weight, so every category appears early and often. */
function templateFor(index: number, rnd: Random): Template {
  // The first products walk the templates in order so even a small demo covers every category.
  if (index < TEMPLATES.length * 2) return TEMPLATES[index % TEMPLATES.length]!;
  let x = rnd.float(0, TOTAL_WEIGHT);
  for (const t of TEMPLATES) {
    x -= t.weight;
    if (x < 0) return t;
  }
  return TEMPLATES.at(-1)!;
}

const roundPrice = (major: number) => {
  const step = major >= 1_000_000 ? 100_000 : major >= 100_000 ? 5_000 : major >= 10_000 ? 500 : major >= 1_000 ? 50 : 5;
  return Math.max(step, Math.round(major / step) * step);
};

/** Spec sheets for showcase pieces. */
function specificationsFor(t: Template, rnd: Random): StoredSpecification[] {
  switch (t.category) {
    case 'automobiles':
      return [
        { group: 'Performance', label: 'Engine', value: rnd.pick(['6.5 L V12 hybrid', '4.0 L V8 twin-turbo', '6.75 L V12', '5.2 L V10', 'Electric, dual motor']) },
        { group: 'Performance', label: 'Power', value: `${rnd.int(560, 1015)} hp` },
        { group: 'Performance', label: '0–100 km/h', value: `${rnd.float(2.4, 5.2).toFixed(1)} s` },
        { group: 'Performance', label: 'Top speed', value: `${rnd.int(250, 350)} km/h` },
        { group: 'Details', label: 'Year', value: String(rnd.int(2023, 2026)) },
        { group: 'Details', label: 'Mileage', value: `${rnd.int(0, 9000).toLocaleString('en-GB')} km` },
        { group: 'Details', label: 'Location', value: rnd.pick(['Monaco', 'Geneva', 'London', 'Dubai', 'Milan']) },
      ];
    case 'residences':
      return [
        { group: 'Property', label: 'Living area', value: `${rnd.int(320, 2400).toLocaleString('en-GB')} m²` },
        { group: 'Property', label: 'Plot', value: `${rnd.int(1, 40) * 500} m²` },
        { group: 'Property', label: 'Bedrooms', value: String(rnd.int(4, 12)) },
        { group: 'Property', label: 'Bathrooms', value: String(rnd.int(4, 14)) },
        { group: 'Amenities', label: 'Pool', value: rnd.pick(['Infinity pool', 'Indoor and outdoor pools', 'Heated pool']) },
        { group: 'Amenities', label: 'Views', value: rnd.pick(['Sea', 'Lake and mountains', 'Ski slopes', 'Old town and harbour']) },
      ];
    case 'private-aviation':
      return [
        { group: 'Aircraft', label: 'Range', value: `${rnd.int(6500, 14000).toLocaleString('en-GB')} km` },
        { group: 'Aircraft', label: 'Passengers', value: String(rnd.int(8, 19)) },
        { group: 'Aircraft', label: 'Cabin length', value: `${rnd.float(12, 17).toFixed(1)} m` },
        { group: 'Aircraft', label: 'Year', value: String(rnd.int(2019, 2026)) },
        { group: 'Aircraft', label: 'Airframe hours', value: rnd.int(0, 2400).toLocaleString('en-GB') },
      ];
    case 'yachts':
      return [
        { group: 'Yacht', label: 'Length', value: `${rnd.int(55, 110)} m` },
        { group: 'Yacht', label: 'Guests', value: String(rnd.int(10, 36)) },
        { group: 'Yacht', label: 'Crew', value: String(rnd.int(14, 45)) },
        { group: 'Yacht', label: 'Cruising speed', value: `${rnd.int(12, 18)} knots` },
        { group: 'Yacht', label: 'Built', value: String(rnd.int(2012, 2026)) },
      ];
    case 'watches':
      return [
        { label: 'Movement', value: rnd.pick(['Self-winding', 'Manual winding', 'Quartz', 'Self-winding chronograph']) },
        { label: 'Power reserve', value: `${rnd.int(38, 120)} hours` },
        { label: 'Water resistance', value: `${rnd.pick([30, 50, 100, 300])} m` },
      ];
    case 'fine-jewellery':
      return rnd.chance(0.5) ? [{ label: 'Stones', value: `${rnd.float(0.2, 4.5).toFixed(2)} ct ${rnd.pick(['diamonds', 'sapphires', 'emeralds', 'rubies'])}` }] : [];
    default:
      return [];
  }
}

const BESPOKE_OPTIONS: StoredCustomisation[] = [
  { key: 'monogram', label: 'Monogram', kind: 'TEXT', maxLength: 4 },
  { key: 'fabric', label: 'Fabric', kind: 'CHOICE', choices: ['Duchess satin', 'Silk faille', 'Cashmere', 'Hand-embroidered tulle'] },
  { key: 'measurements', label: 'Measurements', kind: 'MEASUREMENTS' },
];

/** Product number `index` of the catalog for `seed`. */
export function productSeed(seed: number, index: number): ProductSeed {
  const rnd = createRandom(`${seed}/catalog/product/${index}`);
  const t = templateFor(index, rnd);
  const brand = rnd.pick(t.brands);
  const model = rnd.pick(t.models);
  const noun = rnd.pick(t.nouns);
  const material = rnd.pick(t.materials);
  const name = `${model} ${noun}`;
  const brandName = BRANDS.find((b) => b.slug === brand)!.name;
  // Prices spread log-uniformly across the template's range: many accessible pieces, a long tail of grand ones.
  const major = roundPrice(Math.exp(rnd.float(Math.log(t.price[0]), Math.log(t.price[1]))));
  const showcase = t.mode === 'INQUIRE';
  const visibility = rnd.weighted([
    ['PUBLIC', 85],
    ['VIP_ONLY', showcase ? 14 : 10],
    ['DRAFT', 4],
  ] as const);
  const limitedEdition = rnd.chance(showcase ? 0.3 : 0.08);
  const sizes = t.sizes ? rnd.sample(t.sizes, Math.min(t.sizes.length, rnd.int(1, 4))) : [];
  const colors = t.category === 'beauty-fragrance' || showcase ? [] : rnd.sample(COLORS, rnd.int(1, 2));
  const variants: ProductSeed['variants'] = [];
  if (showcase || t.mode === 'BESPOKE') variants.push({ stock: showcase ? 1 : 0 });
  else if (sizes.length === 0) for (const c of colors.length ? colors : [undefined]) variants.push({ ...(c ? { color: c } : {}), stock: rnd.int(0, 12) });
  else for (const c of colors.length ? colors : [undefined]) for (const s of sizes) variants.push({ ...(c ? { color: c } : {}), size: s, stock: rnd.weighted([[0, 1], [1, 2], [2, 2], [3, 2], [5, 1], [8, 1]] as const) });
  const place = t.category === 'residences' ? ` in ${model}` : '';
  const description =
    {
      automobiles: `The ${brandName} ${model} ${noun.toLowerCase()}, offered for private viewing. ${material[0]!.toUpperCase()}${material.slice(1)} throughout; delivery and registration arranged by our concierge.`,
      residences: `A ${noun.toLowerCase()}${place}: ${material} interiors, terraces and complete privacy. Viewings by appointment only.`,
      'private-aviation': `${brandName} ${model}: intercontinental range, a cabin finished in ${material}. Available for acquisition or charter.`,
      yachts: `${model}, a ${noun.toLowerCase()} by ${brandName}: ${material}, a beach club and a helipad. For sale or charter.`,
    }[t.category] ?? `${brandName}’s ${model} ${noun.toLowerCase()} in ${material}${colors[0] ? `, in ${colors[0].toLowerCase()}` : ''}. Crafted in the house’s ateliers and finished by hand.`;
  const imageBase = `${model} ${noun}`.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return {
    index,
    name,
    slug: '',
    description,
    brand,
    category: t.category,
    priceMinor: major * 100,
    priceOnRequest: showcase && (major >= 1_000_000 || rnd.chance(0.3)),
    visibility,
    purchaseMode: t.mode ?? 'BUY_NOW',
    attributes: {
      ...(colors[0] ? { color: colors[0] } : {}),
      material,
      ...(t.category === 'bags' ? { dimensions: `${rnd.int(18, 40)} × ${rnd.int(12, 30)} × ${rnd.int(6, 16)} cm` } : {}),
      ...(t.category === 'watches' ? { additionalAttributes: { caseDiameter: sizes[0] ?? '40mm' } } : {}),
    },
    specifications: specificationsFor(t, rnd),
    customisations: t.mode === 'BESPOKE' ? BESPOKE_OPTIONS : [],
    limitedEdition,
    editionSize: limitedEdition ? rnd.pick([8, 12, 25, 50, 100, 250]) : null,
    variants,
    images: [`${imageBase}-${index % 97}`, `${imageBase}-${(index + 31) % 97}-b`, ...(showcase ? [`${imageBase}-${(index + 62) % 97}-c`] : [])],
    ageSeconds: index * 1800 + rnd.int(0, 1700),
  };
}

export interface CollectionSeed {
  slug: string;
  name: string;
  tagline: string;
  description: string;
  visibility: 'PUBLIC' | 'VIP_ONLY';
  /** Which products: categories to draw from. */
  categories: readonly string[];
  hero: string;
}

export const COLLECTIONS: readonly CollectionSeed[] = [
  { slug: 'the-cannes-edit', name: 'The Cannes Edit', tagline: 'Gowns, jewels and a yacht for the Croisette', description: 'What our stylists are pulling for the festival: evening gowns, high jewellery and the week’s best moorings.', visibility: 'PUBLIC', categories: ['women', 'fine-jewellery', 'yachts', 'red-carpet-preparation'], hero: 'cannes-edit-evening-gown' },
  { slug: 'the-private-salon', name: 'The Private Salon', tagline: 'For our VIP members only', description: 'Pieces shown by invitation: numbered editions, off-market residences and the rarest watches.', visibility: 'VIP_ONLY', categories: ['watches', 'residences', 'bags', 'automobiles'], hero: 'private-salon-estate' },
  { slug: 'haute-horlogerie', name: 'Haute Horlogerie', tagline: 'Complications worth waiting for', description: 'Tourbillons, perpetual calendars and the dress watches that outlive trends.', visibility: 'PUBLIC', categories: ['watches'], hero: 'haute-horlogerie-tourbillon-watch' },
  { slug: 'riviera-summer', name: 'Riviera Summer', tagline: 'From Saint-Tropez to Portofino', description: 'Silk, sandals, sunglasses and a villa with a view.', visibility: 'PUBLIC', categories: ['accessories', 'shoes', 'residences', 'women'], hero: 'riviera-summer-villa' },
  { slug: 'icons-of-the-maison', name: 'Icons of the Maison', tagline: 'The pieces that made the houses', description: 'The flap bag, the Love bracelet, the Kelly and the little black dress.', visibility: 'PUBLIC', categories: ['bags', 'fine-jewellery'], hero: 'icons-flap-bag' },
  { slug: 'beyond-the-runway', name: 'Beyond the Runway', tagline: 'Cars, jets and yachts, viewed privately', description: 'Our showcase: the supercars, aircraft and superyachts our partners present to members.', visibility: 'PUBLIC', categories: ['automobiles', 'private-aviation', 'yachts'], hero: 'beyond-runway-superyacht' },
];
