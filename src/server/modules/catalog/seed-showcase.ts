/**
 * The showcase pieces (cars, residences, jets, yachts, experiences) are single objects, so each is written out with
 * facts that hold together: a yacht's guests follow its length, a jet's airframe hours follow its year, a villa's
 * bedrooms its living area. Only what a listing may vary (mileage, hours, price) is drawn from the seed, within bounds
 * that keep it plausible.
 */
import type { Random } from '../../../shared/random.ts';
import type { StoredSpecification } from './schema.ts';

/** Demo listings are as of this year (the catalog's anchor date is November 2026). */
export const LISTING_YEAR = 2026;

/** Thousands separated the one way the site prints numbers: "1,205 m²", "12,400 km". */
export const grouped = (n: number): string => Math.round(n).toLocaleString('en-GB');

export interface ShowcaseSeed {
  house: string;
  name: string;
  category: string;
  art: string;
  /** Euros: the band the asking price falls in. */
  price: readonly [number, number];
  material: string;
  /** Paint or hull colours a listing may have: drawn in the picture, and the piece's colour facet. */
  colors?: readonly string[];
  description: string;
  specifications: (rnd: Random) => StoredSpecification[];
}

interface CarModel {
  house: string;
  model: string;
  body: 'Coupé' | 'Spider' | 'Saloon' | 'Grand Tourer' | 'SUV' | 'Drophead Coupé';
  engine: string;
  hp: number;
  sprint: number;
  top: number;
  price: readonly [number, number];
  colors: readonly string[];
}

const CARS: readonly CarModel[] = [
  {
    house: 'vescovi',
    model: 'Tempesta',
    body: 'Coupé',
    engine: '6.5 L V12',
    hp: 830,
    sprint: 2.8,
    top: 350,
    price: [420_000, 520_000],
    colors: ['Red', 'Black', 'Grey'],
  },
  {
    house: 'vescovi',
    model: 'Tempesta',
    body: 'Spider',
    engine: '6.5 L V12',
    hp: 830,
    sprint: 2.9,
    top: 345,
    price: [460_000, 560_000],
    colors: ['Red', 'Silver', 'Black'],
  },
  {
    house: 'vescovi',
    model: 'Saetta',
    body: 'Coupé',
    engine: '5.2 L V10',
    hp: 640,
    sprint: 3.1,
    top: 325,
    price: [240_000, 290_000],
    colors: ['Green', 'Grey', 'Gold'],
  },
  {
    house: 'vescovi',
    model: 'Alpe',
    body: 'SUV',
    engine: '4.0 L V8 twin-turbo',
    hp: 666,
    sprint: 3.4,
    top: 305,
    price: [250_000, 300_000],
    colors: ['Black', 'White', 'Grey'],
  },
  {
    house: 'ferrandi',
    model: 'Lago',
    body: 'Grand Tourer',
    engine: '3.9 L V8 twin-turbo',
    hp: 620,
    sprint: 3.4,
    top: 320,
    price: [230_000, 270_000],
    colors: ['Burgundy', 'Navy', 'Silver'],
  },
  {
    house: 'ferrandi',
    model: 'Sirmione',
    body: 'Spider',
    engine: '3.9 L V8 twin-turbo',
    hp: 620,
    sprint: 3.5,
    top: 315,
    price: [250_000, 290_000],
    colors: ['Red', 'Ivory', 'Navy'],
  },
  {
    house: 'ferrandi',
    model: 'Corsa Dodici',
    body: 'Coupé',
    engine: '6.5 L V12',
    hp: 819,
    sprint: 2.9,
    top: 340,
    price: [390_000, 470_000],
    colors: ['Red', 'Black'],
  },
  {
    house: 'ferrandi',
    model: 'Garda Ibrida',
    body: 'Coupé',
    engine: '4.0 L V8 plug-in hybrid',
    hp: 986,
    sprint: 2.5,
    top: 340,
    price: [460_000, 540_000],
    colors: ['Grey', 'Red', 'White'],
  },
  {
    house: 'ashcombe',
    model: 'Sovereign',
    body: 'Saloon',
    engine: '6.75 L V12',
    hp: 563,
    sprint: 5.3,
    top: 250,
    price: [480_000, 620_000],
    colors: ['Black', 'Navy', 'Burgundy'],
  },
  {
    house: 'ashcombe',
    model: 'Whitehall',
    body: 'Saloon',
    engine: '6.75 L V12',
    hp: 563,
    sprint: 4.8,
    top: 250,
    price: [320_000, 390_000],
    colors: ['Silver', 'Black', 'Emerald'],
  },
  {
    house: 'ashcombe',
    model: 'Highgrove',
    body: 'SUV',
    engine: '6.75 L V12',
    hp: 591,
    sprint: 5.0,
    top: 250,
    price: [360_000, 440_000],
    colors: ['Black', 'White', 'Navy'],
  },
  {
    house: 'ashcombe',
    model: 'Regent',
    body: 'Drophead Coupé',
    engine: 'Electric, dual motor',
    hp: 585,
    sprint: 4.5,
    top: 250,
    price: [420_000, 500_000],
    colors: ['Ivory', 'Navy', 'Burgundy'],
  },
];

interface Residence {
  name: string;
  house: string;
  place: string;
  kind: 'Villa' | 'Penthouse' | 'Chalet' | 'Townhouse' | 'Estate';
  living: number;
  /** Plot for houses, terrace for penthouses (m²). */
  outdoor: number;
  bedrooms: number;
  pool: string;
  views: string;
  material: string;
  price: readonly [number, number];
}

const RESIDENCES: readonly Residence[] = [
  {
    name: 'Villa Les Oliviers',
    house: 'maison-azur-estates',
    place: 'Saint-Jean-Cap-Ferrat',
    kind: 'Villa',
    living: 1205,
    outdoor: 9800,
    bedrooms: 8,
    pool: 'Infinity pool',
    views: 'Sea',
    material: 'limestone',
    price: [38_000_000, 52_000_000],
  },
  {
    name: 'Villa Belvédère',
    house: 'maison-azur-estates',
    place: 'Saint-Tropez',
    kind: 'Villa',
    living: 840,
    outdoor: 13500,
    bedrooms: 7,
    pool: 'Heated pool',
    views: 'Sea and vineyards',
    material: 'limestone',
    price: [24_000_000, 31_000_000],
  },
  {
    name: 'Penthouse Grimaldi',
    house: 'maison-azur-estates',
    place: 'Monte-Carlo',
    kind: 'Penthouse',
    living: 620,
    outdoor: 410,
    bedrooms: 5,
    pool: 'Rooftop pool',
    views: 'Harbour and sea',
    material: 'marble',
    price: [45_000_000, 62_000_000],
  },
  {
    name: 'Chalet Edelweiss',
    house: 'maison-azur-estates',
    place: 'Courchevel',
    kind: 'Chalet',
    living: 1480,
    outdoor: 2600,
    bedrooms: 9,
    pool: 'Indoor pool and spa',
    views: 'Ski slopes',
    material: 'larch',
    price: [42_000_000, 58_000_000],
  },
  {
    name: 'Chalet Les Mélèzes',
    house: 'maison-azur-estates',
    place: 'Gstaad',
    kind: 'Chalet',
    living: 960,
    outdoor: 3200,
    bedrooms: 7,
    pool: 'Indoor pool',
    views: 'Mountains',
    material: 'larch',
    price: [28_000_000, 36_000_000],
  },
  {
    name: 'Villa Serbelloni Alta',
    house: 'maison-azur-estates',
    place: 'Lake Como',
    kind: 'Villa',
    living: 1120,
    outdoor: 21000,
    bedrooms: 9,
    pool: 'Lakeside pool',
    views: 'Lake and mountains',
    material: 'stucco and marble',
    price: [26_000_000, 34_000_000],
  },
  {
    name: 'Villa Kalimera',
    house: 'maison-azur-estates',
    place: 'Mykonos',
    kind: 'Villa',
    living: 560,
    outdoor: 6400,
    bedrooms: 6,
    pool: 'Infinity pool',
    views: 'Aegean Sea',
    material: 'whitewashed stone',
    price: [9_500_000, 13_000_000],
  },
  {
    name: 'Casa del Faro',
    house: 'maison-azur-estates',
    place: 'Marbella',
    kind: 'Villa',
    living: 980,
    outdoor: 5200,
    bedrooms: 8,
    pool: 'Infinity pool',
    views: 'Sea and Gibraltar',
    material: 'limestone',
    price: [14_000_000, 19_500_000],
  },
  {
    name: 'The Cheyne Walk House',
    house: 'alder-finch',
    place: 'Chelsea, London',
    kind: 'Townhouse',
    living: 890,
    outdoor: 420,
    bedrooms: 7,
    pool: 'Lower-ground pool',
    views: 'The Thames',
    material: 'London stock brick',
    price: [32_000_000, 39_000_000],
  },
  {
    name: 'Penthouse at Mayfair Place',
    house: 'alder-finch',
    place: 'Mayfair, London',
    kind: 'Penthouse',
    living: 540,
    outdoor: 180,
    bedrooms: 4,
    pool: 'Residents’ spa pool',
    views: 'Green Park',
    material: 'Portland stone',
    price: [27_000_000, 33_000_000],
  },
  {
    name: 'Ashdown Manor',
    house: 'alder-finch',
    place: 'the Cotswolds',
    kind: 'Estate',
    living: 1650,
    outdoor: 480000,
    bedrooms: 11,
    pool: 'Walled-garden pool',
    views: 'Parkland',
    material: 'honeyed Cotswold stone',
    price: [18_000_000, 24_000_000],
  },
  {
    name: 'Glen Alder Lodge',
    house: 'alder-finch',
    place: 'the Scottish Highlands',
    kind: 'Estate',
    living: 1320,
    outdoor: 2_400_000,
    bedrooms: 10,
    pool: 'Indoor pool',
    views: 'Loch and hills',
    material: 'granite',
    price: [9_000_000, 12_500_000],
  },
];

/** The views, as a sentence says them. */
const OUTLOOK: Record<string, string> = {
  Sea: 'the sea',
  'Sea and vineyards': 'the sea and the vineyards',
  'Harbour and sea': 'the harbour and the sea',
  'Ski slopes': 'the ski slopes',
  Mountains: 'the mountains',
  'Lake and mountains': 'the lake and the mountains',
  'Aegean Sea': 'the Aegean',
  'Sea and Gibraltar': 'the sea to Gibraltar',
  'The Thames': 'the Thames',
  'Green Park': 'Green Park',
  Parkland: 'its own parkland',
  'Loch and hills': 'the loch and the hills',
};

interface JetModel {
  model: string;
  class: string;
  range: number;
  passengers: number;
  cabin: number;
  price: readonly [number, number];
  /** The youngest airframes are the dearest: the price band above is for a new aircraft. */
}

const JETS: readonly JetModel[] = [
  { model: 'M450', class: 'Light Jet', range: 3700, passengers: 7, cabin: 6.4, price: [9_000_000, 12_000_000] },
  { model: 'M600', class: 'Midsize Jet', range: 6300, passengers: 9, cabin: 8.2, price: [18_000_000, 24_000_000] },
  { model: 'M750', class: 'Super-Midsize Jet', range: 7400, passengers: 10, cabin: 9.6, price: [27_000_000, 33_000_000] },
  { model: 'M900', class: 'Long-Range Jet', range: 12_200, passengers: 16, cabin: 14.1, price: [58_000_000, 66_000_000] },
  { model: 'M1000', class: 'Ultra-Long-Range Jet', range: 14_300, passengers: 19, cabin: 17.3, price: [74_000_000, 80_000_000] },
  { model: 'M900 Charter', class: 'Long-Range Jet', range: 12_200, passengers: 14, cabin: 14.1, price: [45_000_000, 52_000_000] },
];

interface Yacht {
  name: string;
  house: string;
  kind: 'Motor Yacht' | 'Explorer Yacht' | 'Superyacht' | 'Sports Yacht';
  length: number;
  built: number;
  color: string;
  price: readonly [number, number];
}

// Guests: 12 is the passenger ceiling of most charter yachts under 80 m; only the largest carry more.
const YACHTS: readonly Yacht[] = [
  { name: 'Aquila', house: 'van-heerden', kind: 'Superyacht', length: 88, built: 2021, color: 'White', price: [145_000_000, 170_000_000] },
  {
    name: 'Nachtegaal',
    house: 'van-heerden',
    kind: 'Motor Yacht',
    length: 63,
    built: 2019,
    color: 'Navy',
    price: [62_000_000, 75_000_000],
  },
  {
    name: 'Stella Maris',
    house: 'van-heerden',
    kind: 'Explorer Yacht',
    length: 74,
    built: 2023,
    color: 'Grey',
    price: [98_000_000, 115_000_000],
  },
  {
    name: 'Zeevalk',
    house: 'van-heerden',
    kind: 'Superyacht',
    length: 112,
    built: 2025,
    color: 'White',
    price: [260_000_000, 310_000_000],
  },
  { name: 'Lumen', house: 'van-heerden', kind: 'Motor Yacht', length: 56, built: 2016, color: 'Silver', price: [38_000_000, 46_000_000] },
  {
    name: 'Maestrale',
    house: 'cantiere-lucarno',
    kind: 'Sports Yacht',
    length: 44,
    built: 2022,
    color: 'Grey',
    price: [24_000_000, 29_000_000],
  },
  {
    name: 'Libeccio',
    house: 'cantiere-lucarno',
    kind: 'Motor Yacht',
    length: 52,
    built: 2024,
    color: 'White',
    price: [36_000_000, 42_000_000],
  },
  {
    name: 'Tramontana',
    house: 'cantiere-lucarno',
    kind: 'Motor Yacht',
    length: 60,
    built: 2020,
    color: 'Navy',
    price: [48_000_000, 56_000_000],
  },
];

const EXPERIENCES: readonly {
  house: string;
  name: string;
  category: string;
  price: readonly [number, number];
  material: string;
  description: string;
  art: string;
}[] = [
  {
    house: 'stylebyzaga-atelier',
    name: 'Cannes Festival Preparation',
    category: 'red-carpet-preparation',
    art: 'dressform',
    price: [28_000, 45_000],
    material: 'in-suite service',
    description: 'Three looks for the Croisette, fitted in your suite, with a stylist, a tailor and hair and make-up on the night.',
  },
  {
    house: 'stylebyzaga-atelier',
    name: 'Venice Premiere Styling',
    category: 'red-carpet-preparation',
    art: 'dressform',
    price: [18_000, 26_000],
    material: 'in-suite service',
    description: 'One premiere, one perfect look: sourcing, two fittings and a stylist on the Lido until you walk.',
  },
  {
    house: 'stylebyzaga-atelier',
    name: 'Gala Night Glam Session',
    category: 'red-carpet-preparation',
    art: 'dressform',
    price: [6_000, 9_000],
    material: 'in-suite service',
    description: 'Hair, make-up and a final fitting before a gala, in your suite or at home.',
  },
  {
    house: 'stylebyzaga-atelier',
    name: 'Awards Season Wardrobe',
    category: 'red-carpet-preparation',
    art: 'dressform',
    price: [38_000, 45_000],
    material: 'in-suite service',
    description: 'From nominations to the final ceremony: every appearance planned, sourced, fitted and dressed.',
  },
  {
    house: 'stylebyzaga-atelier',
    name: 'Film Premiere Dressing',
    category: 'red-carpet-preparation',
    art: 'dressform',
    price: [9_000, 14_000],
    material: 'in-suite service',
    description: 'A look built around the film and the city, with a fitting and a stylist at your side on the night.',
  },
  {
    house: 'stylebyzaga-atelier',
    name: 'In-Residence Private Fitting',
    category: 'private-fittings',
    art: 'dressform',
    price: [1_500, 3_000],
    material: 'at home',
    description: 'Our atelier comes to you with pieces chosen for you, a tailor and a fitting mirror.',
  },
  {
    house: 'stylebyzaga-atelier',
    name: 'Hotel Suite Wardrobe Consultation',
    category: 'private-fittings',
    art: 'dressform',
    price: [2_500, 4_500],
    material: 'in your hotel suite',
    description: 'An afternoon with a stylist in your suite: what to keep, what to alter and what is missing.',
  },
  {
    house: 'stylebyzaga-atelier',
    name: 'Yacht-Side Fitting',
    category: 'private-fittings',
    art: 'dressform',
    price: [6_000, 12_000],
    material: 'on board',
    description: 'A stylist and a tailor join you on board with a summer wardrobe, fitted before you sail.',
  },
  {
    house: 'maison-aurelle',
    name: 'Aurelle Salon Trunk Show',
    category: 'private-fittings',
    art: 'dressform',
    price: [4_000, 8_000],
    material: 'at home or in the salon',
    description: 'The season’s couture, shown to you alone in the rue Cambon salon or at home, with a première d’atelier.',
  },
  {
    house: 'hartwell-crane',
    name: 'Savile Row Home Measuring',
    category: 'private-fittings',
    art: 'dressform',
    price: [1_500, 2_500],
    material: 'at home',
    description: 'A cutter from Hartwell & Crane takes your measurements at home and brings the cloth books with him.',
  },
];

const carAge = (rnd: Random, built: number) =>
  built === LISTING_YEAR ? rnd.int(0, 40) * 10 : (LISTING_YEAR - built) * rnd.int(150, 600) * 10;

/** Every showcase piece, in a fixed order; the seed chooses only the listing's variable facts. */
export const SHOWCASE: readonly ShowcaseSeed[] = [
  ...CARS.map((c): ShowcaseSeed => ({
    house: c.house,
    name: `${c.model} ${c.body}`,
    category: 'automobiles',
    art: c.body === 'SUV' ? 'suv' : c.body === 'Saloon' ? 'saloon' : 'car',
    price: c.price,
    material: c.body === 'Saloon' || c.body === 'SUV' ? 'lambswool and hand-stitched leather' : 'carbon fibre and hand-stitched leather',
    colors: c.colors,
    description: `The ${c.model} ${c.body === 'SUV' ? c.body : c.body.toLowerCase()}: a ${c.engine} of ${grouped(c.hp)} hp. Offered for private viewing; delivery and registration arranged by our concierge.`,
    specifications: (rnd) => {
      const built = rnd.int(LISTING_YEAR - 3, LISTING_YEAR);
      return [
        { group: 'Performance', label: 'Engine', value: c.engine },
        { group: 'Performance', label: 'Power', value: `${grouped(c.hp)} hp` },
        { group: 'Performance', label: '0–100 km/h', value: `${c.sprint.toFixed(1)} s` },
        { group: 'Performance', label: 'Top speed', value: `${c.top} km/h` },
        { group: 'Details', label: 'Year', value: String(built) },
        { group: 'Details', label: 'Mileage', value: `${grouped(carAge(rnd, built))} km` },
        { group: 'Details', label: 'Location', value: rnd.pick(['Monaco', 'Geneva', 'London', 'Dubai', 'Milan']) },
      ];
    },
  })),
  ...RESIDENCES.map((r): ShowcaseSeed => ({
    house: r.house,
    name: r.name,
    category: 'residences',
    art: r.kind === 'Penthouse' ? 'penthouse' : r.kind === 'Chalet' ? 'chalet' : r.kind === 'Townhouse' ? 'townhouse' : 'villa',
    price: r.price,
    material: r.material,
    description: `${r.kind === 'Estate' ? 'An estate' : `A ${r.kind.toLowerCase()}`} in ${r.place}: ${grouped(r.living)} m² of living space in ${r.material}, ${r.bedrooms} bedrooms and views over ${OUTLOOK[r.views] ?? r.views.toLowerCase()}. Viewings by appointment only.`,
    specifications: () => [
      { group: 'Property', label: 'Location', value: r.place },
      { group: 'Property', label: 'Living area', value: `${grouped(r.living)} m²` },
      {
        group: 'Property',
        label: r.kind === 'Penthouse' || r.kind === 'Townhouse' ? 'Terraces and garden' : 'Plot',
        value: r.outdoor >= 100_000 ? `${grouped(r.outdoor / 10_000)} ha` : `${grouped(r.outdoor)} m²`,
      },
      { group: 'Property', label: 'Bedrooms', value: String(r.bedrooms) },
      { group: 'Property', label: 'Bathrooms', value: String(r.bedrooms + 1) },
      { group: 'Amenities', label: 'Pool', value: r.pool },
      { group: 'Amenities', label: 'Views', value: r.views },
    ],
  })),
  ...JETS.map((j): ShowcaseSeed => ({
    house: 'meridian-aerospace',
    name: `${j.model} ${j.class}`,
    category: 'private-aviation',
    art: 'jet',
    price: j.price,
    material: 'walnut veneer and Italian leather',
    colors: ['White'],
    description: `The Meridian ${j.model}: ${grouped(j.range)} km of range and a ${j.cabin.toFixed(1)} m cabin for ${j.passengers} passengers, finished in walnut veneer and Italian leather. ${j.model.endsWith('Charter') ? 'Available for charter.' : 'Available for acquisition or charter.'}`,
    specifications: (rnd) => {
      const year = rnd.int(LISTING_YEAR - 6, LISTING_YEAR);
      // About 400 hours a year is a well-used business jet; a 2026 airframe has only its delivery flights.
      const hours = year === LISTING_YEAR ? rnd.int(4, 60) : (LISTING_YEAR - year) * rnd.int(250, 450);
      return [
        { group: 'Aircraft', label: 'Range', value: `${grouped(j.range)} km` },
        { group: 'Aircraft', label: 'Passengers', value: String(j.passengers) },
        { group: 'Aircraft', label: 'Cabin length', value: `${j.cabin.toFixed(1)} m` },
        { group: 'Aircraft', label: 'Year', value: String(year) },
        { group: 'Aircraft', label: 'Airframe hours', value: grouped(hours) },
      ];
    },
  })),
  ...YACHTS.map((y): ShowcaseSeed => {
    const guests = y.length >= 100 ? 24 : y.length >= 80 ? 16 : y.length >= 60 ? 12 : 10;
    const crew = Math.round(y.length / 3.2);
    return {
      house: y.house,
      name: `${y.name}, ${y.length} m ${y.kind}`,
      category: 'yachts',
      art: y.kind === 'Explorer Yacht' ? 'explorer' : 'yacht',
      price: y.price,
      material: 'steel hull, aluminium superstructure, teak decks',
      colors: [y.color],
      description: `${y.name}, a ${y.length} m ${y.kind.toLowerCase()} built in ${y.built}: ${guests} guests in ${guests / 2} cabins, ${crew} crew${y.length >= 70 ? ', a beach club and a helipad' : ' and a beach club'}. For sale or charter.`,
      specifications: (rnd) => [
        { group: 'Yacht', label: 'Length', value: `${y.length} m` },
        { group: 'Yacht', label: 'Guests', value: `${guests} in ${guests / 2} cabins` },
        { group: 'Yacht', label: 'Crew', value: String(crew) },
        { group: 'Yacht', label: 'Cruising speed', value: `${rnd.int(12, y.kind === 'Sports Yacht' ? 24 : 15)} knots` },
        { group: 'Yacht', label: 'Built', value: String(y.built) },
      ],
    };
  }),
  ...EXPERIENCES.map((e): ShowcaseSeed => ({ ...e, specifications: () => [] })),
];
