/**
 * What the demo houses make: each model line belongs to exactly one house and one department, and offers only the
 * pieces that house would make in it. A piece's kind decides its colours (a bridal gown comes in bridal whites, a ring
 * in golds), its sizes (written in the kind's own form, see `shared/sizes.ts`), its price band and how it is drawn.
 */

export interface PieceKind {
  noun: string;
  /** What the generated picture draws (see media/demo-art). */
  art: string;
  colors: readonly string[];
  /** What it may be made of; jewellery and watches take theirs from the line (stones, case metals). */
  materials?: readonly string[];
  sizes?: readonly string[];
  /** Price band in euros. */
  price: readonly [number, number];
}

const WOMEN = ['FR 34', 'FR 36', 'FR 38', 'FR 40', 'FR 42', 'FR 44'];
const MEN = ['IT 46', 'IT 48', 'IT 50', 'IT 52', 'IT 54', 'IT 56'];
const SHOES_W = ['EU 35', 'EU 36', 'EU 37', 'EU 38', 'EU 39', 'EU 40', 'EU 41'];
const SHOES_M = ['EU 40', 'EU 41', 'EU 42', 'EU 43', 'EU 44', 'EU 45'];
const RINGS = ['Ring 48', 'Ring 50', 'Ring 52', 'Ring 54', 'Ring 56'];
const BAGS = ['Mini', 'Small', 'Medium', 'Large'];
const SCENT = ['50 ml', '100 ml'];

const EVENING = ['Black', 'Emerald', 'Burgundy', 'Navy', 'Red', 'Gold', 'Silver'];
const DAY = ['Black', 'Ivory', 'Camel', 'Navy', 'Burgundy', 'Blush'];
const COATS = ['Camel', 'Black', 'Grey', 'Navy', 'Ivory'];
const LEATHER = ['Black', 'Cognac', 'Camel', 'Burgundy', 'Navy', 'Emerald', 'Ivory', 'Beige', 'Red', 'Grey'];
const METALS = ['Yellow Gold', 'White Gold', 'Rose Gold'];
const DIALS = ['Black', 'Silver', 'Blue', 'Green', 'Ivory'];

export const KINDS: Record<string, PieceKind> = {
  // Ready-to-wear and couture
  'Evening Gown': {
    noun: 'Evening Gown',
    art: 'gown',
    materials: ['silk crêpe', 'velvet', 'sequinned tulle'],
    colors: EVENING,
    sizes: WOMEN,
    price: [4800, 16000],
  },
  'Cocktail Dress': {
    noun: 'Cocktail Dress',
    art: 'dress',
    materials: ['silk satin', 'lace', 'wool crêpe'],
    colors: ['Black', 'Red', 'Blush', 'Navy', 'Emerald', 'Ivory'],
    sizes: WOMEN,
    price: [2400, 6800],
  },
  'Wrap Dress': {
    noun: 'Wrap Dress',
    art: 'dress',
    materials: ['silk jersey', 'wool crêpe'],
    colors: ['Camel', 'Navy', 'Burgundy', 'Black', 'Emerald'],
    sizes: WOMEN,
    price: [1800, 4200],
  },
  'Bouclé Jacket': {
    noun: 'Bouclé Jacket',
    art: 'jacket',
    materials: ['tweed bouclé', 'cashmere bouclé'],
    colors: ['Ivory', 'Black', 'Blush', 'Navy'],
    sizes: WOMEN,
    price: [3900, 8900],
  },
  'Tailored Coat': {
    noun: 'Tailored Coat',
    art: 'coat',
    materials: ['double-faced cashmere', 'wool and cashmere'],
    colors: COATS,
    sizes: WOMEN,
    price: [3200, 9800],
  },
  'Trench Coat': {
    noun: 'Trench Coat',
    art: 'coat',
    materials: ['cotton gabardine', 'silk faille'],
    colors: ['Beige', 'Camel', 'Black', 'Navy'],
    sizes: WOMEN,
    price: [2600, 5400],
  },
  'Le Smoking': {
    noun: 'Le Smoking',
    art: 'suit',
    materials: ['grain de poudre wool', 'wool mohair'],
    colors: ['Black', 'Navy'],
    sizes: WOMEN,
    price: [3800, 7600],
  },
  Blouse: {
    noun: 'Blouse',
    art: 'blouse',
    materials: ['silk crêpe de Chine', 'silk charmeuse'],
    colors: DAY,
    sizes: WOMEN,
    price: [950, 2200],
  },
  Tuxedo: {
    noun: 'Tuxedo',
    art: 'suit',
    materials: ['wool barathea', 'wool mohair'],
    colors: ['Black', 'Navy'],
    sizes: MEN,
    price: [3600, 8200],
  },
  'Two-Piece Suit': {
    noun: 'Two-Piece Suit',
    art: 'suit',
    materials: ['worsted wool', 'wool flannel', 'linen and silk'],
    colors: ['Navy', 'Grey', 'Black', 'Camel'],
    sizes: MEN,
    price: [2800, 6900],
  },
  Overcoat: { noun: 'Overcoat', art: 'coat', materials: ['cashmere', 'wool melton'], colors: COATS, sizes: MEN, price: [2900, 7400] },
  'Dinner Jacket': {
    noun: 'Dinner Jacket',
    art: 'suit',
    materials: ['cotton velvet', 'silk velvet'],
    colors: ['Burgundy', 'Emerald', 'Black', 'Navy'],
    sizes: MEN,
    price: [2400, 4800],
  },
  Blazer: {
    noun: 'Blazer',
    art: 'suit',
    materials: ['cashmere', 'cashmere and silk'],
    colors: ['Navy', 'Camel', 'Grey'],
    sizes: MEN,
    price: [2200, 4600],
  },
  // Bespoke: one colour, made to measure (no sizes, nothing in stock: the atelier makes it)
  'Couture Gown': {
    noun: 'Couture Gown',
    art: 'gown',
    materials: ['silk faille', 'hand-embroidered tulle', 'silk gazar'],
    colors: ['Black', 'Red', 'Emerald', 'Gold', 'Blush', 'Navy'],
    price: [24000, 90000],
  },
  'Bridal Gown': {
    noun: 'Bridal Gown',
    art: 'gown',
    materials: ['duchess satin', 'Chantilly lace', 'silk mikado'],
    colors: ['Ivory', 'White', 'Champagne', 'Blush'],
    price: [18000, 75000],
  },
  'Bespoke Suit': {
    noun: 'Bespoke Suit',
    art: 'suit',
    materials: ['worsted wool', 'wool flannel'],
    colors: ['Navy', 'Grey', 'Black'],
    price: [6500, 14000],
  },
  'Bespoke Tuxedo': {
    noun: 'Bespoke Tuxedo',
    art: 'suit',
    materials: ['wool barathea', 'wool mohair'],
    colors: ['Black', 'Navy'],
    price: [8500, 18000],
  },
  // Bags and small leather goods
  'Flap Bag': {
    noun: 'Flap Bag',
    art: 'flapbag',
    materials: ['quilted lambskin', 'grained calfskin', 'crocodile'],
    colors: LEATHER,
    sizes: BAGS,
    price: [5200, 11800],
  },
  Tote: {
    noun: 'Tote',
    art: 'tote',
    materials: ['grained calfskin', 'canvas and leather'],
    colors: LEATHER,
    sizes: ['Medium', 'Large'],
    price: [2400, 7800],
  },
  'Top-Handle Bag': {
    noun: 'Top-Handle Bag',
    art: 'tophandle',
    materials: ['box calfskin', 'togo calfskin', 'crocodile'],
    colors: LEATHER,
    sizes: BAGS,
    price: [4800, 14500],
  },
  Clutch: {
    noun: 'Clutch',
    art: 'clutch',
    materials: ['satin', 'nappa leather'],
    colors: [...LEATHER, 'Gold', 'Silver'],
    price: [1900, 4900],
  },
  'Shoulder Bag': {
    noun: 'Shoulder Bag',
    art: 'flapbag',
    materials: ['smooth calfskin', 'suede'],
    colors: LEATHER,
    sizes: ['Small', 'Medium'],
    price: [2600, 6200],
  },
  'Bucket Bag': {
    noun: 'Bucket Bag',
    art: 'bucketbag',
    materials: ['grained calfskin', 'suede'],
    colors: LEATHER,
    sizes: ['Small', 'Medium'],
    price: [2200, 4800],
  },
  'Card Holder': {
    noun: 'Card Holder',
    art: 'wallet',
    materials: ['grained calfskin', 'smooth calfskin'],
    colors: LEATHER,
    price: [380, 690],
  },
  Wallet: { noun: 'Wallet', art: 'wallet', materials: ['grained calfskin', 'smooth calfskin'], colors: LEATHER, price: [650, 1400] },
  Belt: {
    noun: 'Belt',
    art: 'belt',
    materials: ['box calfskin', 'grained calfskin'],
    colors: ['Black', 'Cognac', 'Navy', 'Camel'],
    price: [520, 1100],
  },
  // Shoes
  Pumps: {
    noun: 'Pumps',
    art: 'pump',
    materials: ['patent leather', 'suede'],
    colors: ['Black', 'Red', 'Beige', 'Ivory', 'Burgundy', 'Navy'],
    sizes: SHOES_W,
    price: [780, 1450],
  },
  'Slingback Heels': {
    noun: 'Slingback Heels',
    art: 'pump',
    materials: ['patent leather', 'lambskin'],
    colors: ['Black', 'Beige', 'Ivory', 'Red'],
    sizes: SHOES_W,
    price: [820, 1350],
  },
  Sandals: {
    noun: 'Sandals',
    art: 'sandal',
    materials: ['metallic leather', 'satin'],
    colors: ['Gold', 'Silver', 'Black', 'Beige'],
    sizes: SHOES_W,
    price: [690, 1250],
  },
  'Ankle Boots': {
    noun: 'Ankle Boots',
    art: 'boot',
    materials: ['calfskin', 'suede'],
    colors: ['Black', 'Cognac', 'Burgundy'],
    sizes: SHOES_W,
    price: [1150, 1950],
  },
  'Ballet Flats': {
    noun: 'Ballet Flats',
    art: 'flat',
    materials: ['lambskin', 'patent leather'],
    colors: ['Black', 'Beige', 'Red', 'Ivory'],
    sizes: SHOES_W,
    price: [650, 980],
  },
  Loafers: {
    noun: 'Loafers',
    art: 'loafer',
    materials: ['calfskin', 'suede'],
    colors: ['Black', 'Cognac', 'Burgundy', 'Navy'],
    sizes: SHOES_M,
    price: [790, 1350],
  },
  'Oxford Shoes': {
    noun: 'Oxford Shoes',
    art: 'loafer',
    materials: ['calfskin', 'museum calf'],
    colors: ['Black', 'Cognac'],
    sizes: SHOES_M,
    price: [980, 1900],
  },
  'Chelsea Boots': {
    noun: 'Chelsea Boots',
    art: 'boot',
    materials: ['calfskin', 'suede'],
    colors: ['Black', 'Cognac'],
    sizes: SHOES_M,
    price: [1100, 1800],
  },
  // Jewellery: the colour is the metal
  Ring: { noun: 'Ring', art: 'ring', colors: METALS, sizes: RINGS, price: [2200, 9800] },
  'Solitaire Ring': { noun: 'Solitaire Ring', art: 'solitaire', colors: ['White Gold', 'Yellow Gold'], sizes: RINGS, price: [9800, 85000] },
  Necklace: { noun: 'Necklace', art: 'necklace', colors: METALS, price: [4800, 65000] },
  Pendant: { noun: 'Pendant', art: 'pendant', colors: METALS, price: [2400, 12000] },
  Bracelet: { noun: 'Bracelet', art: 'bracelet', colors: METALS, price: [3800, 28000] },
  Earrings: { noun: 'Earrings', art: 'earrings', colors: METALS, price: [2600, 22000] },
  // Watches: the colour is the dial; the size is the case
  'Dress Watch': {
    noun: 'Dress Watch',
    art: 'watch',
    colors: ['Ivory', 'Silver', 'Black', 'Blue'],
    sizes: ['36 mm', '38 mm', '39 mm'],
    price: [14000, 42000],
  },
  Chronograph: { noun: 'Chronograph', art: 'chronograph', colors: DIALS, sizes: ['40 mm', '41 mm', '42 mm'], price: [9500, 68000] },
  'Perpetual Calendar': {
    noun: 'Perpetual Calendar',
    art: 'watch',
    colors: ['Ivory', 'Blue', 'Silver'],
    sizes: ['39 mm', '40 mm'],
    price: [78000, 165000],
  },
  Tourbillon: { noun: 'Tourbillon', art: 'watch', colors: ['Black', 'Blue', 'Silver'], sizes: ['41 mm', '42 mm'], price: [120000, 260000] },
  'Diver’s Watch': {
    noun: 'Diver’s Watch',
    art: 'diver',
    colors: ['Black', 'Blue', 'Green'],
    sizes: ['40 mm', '41 mm', '42 mm'],
    price: [7200, 14500],
  },
  'Automatic Watch': { noun: 'Automatic Watch', art: 'watch', colors: DIALS, sizes: ['38 mm', '40 mm', '41 mm'], price: [6800, 24000] },
  // Accessories
  'Silk Carré': {
    noun: 'Silk Carré',
    art: 'scarf',
    materials: ['silk twill'],
    colors: ['Red', 'Navy', 'Emerald', 'Gold', 'Blush', 'Ivory'],
    price: [420, 690],
  },
  Stole: {
    noun: 'Stole',
    art: 'stole',
    materials: ['cashmere', 'cashmere and silk'],
    colors: ['Camel', 'Grey', 'Ivory', 'Black', 'Burgundy'],
    price: [890, 1650],
  },
  Sunglasses: {
    noun: 'Sunglasses',
    art: 'sunglasses',
    materials: ['acetate', 'titanium'],
    colors: ['Black', 'Cognac', 'Ivory', 'Gold'],
    price: [420, 780],
  },
  Gloves: {
    noun: 'Gloves',
    art: 'gloves',
    materials: ['lambskin', 'cashmere-lined nappa'],
    colors: ['Black', 'Cognac', 'Burgundy', 'Grey'],
    price: [390, 720],
  },
  // Fragrance: no colour, the bottle's size is the variant
  'Eau de Parfum': { noun: 'Eau de Parfum', art: 'fragrance', materials: ['crystal flacon'], colors: [], sizes: SCENT, price: [190, 320] },
  'Extrait de Parfum': {
    noun: 'Extrait de Parfum',
    art: 'fragrance',
    materials: ['crystal flacon'],
    colors: [],
    sizes: SCENT,
    price: [320, 680],
  },
  'Eau de Toilette': {
    noun: 'Eau de Toilette',
    art: 'fragrance',
    materials: ['refillable flacon'],
    colors: [],
    sizes: [...SCENT, '200 ml'],
    price: [140, 240],
  },
};

export interface LineSeed {
  house: string;
  model: string;
  category: string;
  kinds: readonly (keyof typeof KINDS)[];
  /** Jewellery: the stones; watches: the case metals. */
  materials?: readonly string[];
  /** For fragrance: the juice's tone, drawn in the bottle. */
  tint?: string;
}

export const LINES: readonly LineSeed[] = [
  // Women
  { house: 'maison-aurelle', model: 'Cambre', category: 'women', kinds: ['Evening Gown', 'Cocktail Dress', 'Bouclé Jacket'] },
  { house: 'maison-aurelle', model: 'Opaline', category: 'women', kinds: ['Evening Gown', 'Blouse', 'Tailored Coat'] },
  { house: 'orsini-roma', model: 'Trevi', category: 'women', kinds: ['Evening Gown', 'Cocktail Dress'] },
  { house: 'orsini-roma', model: 'Via Giulia', category: 'women', kinds: ['Wrap Dress', 'Tailored Coat', 'Blouse'] },
  { house: 'casa-ferrante', model: 'Brera', category: 'women', kinds: ['Wrap Dress', 'Trench Coat', 'Blouse'] },
  { house: 'lenoir-paris', model: 'Rive', category: 'women', kinds: ['Le Smoking', 'Cocktail Dress', 'Trench Coat'] },
  { house: 'solenne', model: 'Ligne', category: 'women', kinds: ['Wrap Dress', 'Tailored Coat', 'Blouse'] },
  { house: 'ishikawa', model: 'Kumo', category: 'women', kinds: ['Wrap Dress', 'Trench Coat'] },
  // Men
  { house: 'hartwell-crane', model: 'Clifford', category: 'men', kinds: ['Two-Piece Suit', 'Tuxedo', 'Overcoat'] },
  { house: 'hartwell-crane', model: 'Mayfair', category: 'men', kinds: ['Dinner Jacket', 'Blazer'] },
  { house: 'lenoir-paris', model: 'Odéon', category: 'men', kinds: ['Tuxedo', 'Two-Piece Suit'] },
  { house: 'casa-ferrante', model: 'Navigli', category: 'men', kinds: ['Two-Piece Suit', 'Blazer', 'Overcoat'] },
  { house: 'ishikawa', model: 'Kaze', category: 'men', kinds: ['Overcoat', 'Two-Piece Suit'] },
  // Bespoke couture
  {
    house: 'stylebyzaga-atelier',
    model: 'Atelier',
    category: 'bespoke-couture',
    kinds: ['Couture Gown', 'Bridal Gown', 'Bespoke Suit', 'Bespoke Tuxedo'],
  },
  { house: 'maison-aurelle', model: 'Salon', category: 'bespoke-couture', kinds: ['Couture Gown', 'Bridal Gown'] },
  { house: 'orsini-roma', model: 'Palazzo', category: 'bespoke-couture', kinds: ['Couture Gown', 'Bridal Gown'] },
  { house: 'hartwell-crane', model: 'Number 11', category: 'bespoke-couture', kinds: ['Bespoke Suit', 'Bespoke Tuxedo'] },
  // Bags
  { house: 'maison-aurelle', model: 'Cambon', category: 'bags', kinds: ['Flap Bag', 'Clutch', 'Shoulder Bag'] },
  { house: 'delaunay-sellier', model: 'Cavalière', category: 'bags', kinds: ['Top-Handle Bag', 'Tote'] },
  { house: 'delaunay-sellier', model: 'Étrier', category: 'bags', kinds: ['Shoulder Bag', 'Clutch', 'Bucket Bag'] },
  { house: 'orsini-roma', model: 'Farnese', category: 'bags', kinds: ['Clutch', 'Top-Handle Bag'] },
  { house: 'casa-ferrante', model: 'Duomo', category: 'bags', kinds: ['Top-Handle Bag', 'Tote', 'Bucket Bag'] },
  { house: 'vittoria-calvi', model: 'Oltrarno', category: 'bags', kinds: ['Shoulder Bag', 'Tote', 'Bucket Bag'] },
  { house: 'solenne', model: 'Arc', category: 'bags', kinds: ['Shoulder Bag', 'Flap Bag', 'Tote'] },
  { house: 'atelier-verano', model: 'Alcalá', category: 'bags', kinds: ['Bucket Bag', 'Top-Handle Bag', 'Clutch'] },
  // Shoes
  { house: 'maison-aurelle', model: 'Pavane', category: 'shoes', kinds: ['Slingback Heels', 'Ballet Flats', 'Pumps'] },
  { house: 'orsini-roma', model: 'Borghese', category: 'shoes', kinds: ['Pumps', 'Sandals', 'Ankle Boots'] },
  { house: 'vittoria-calvi', model: 'Morsetto', category: 'shoes', kinds: ['Loafers', 'Ballet Flats'] },
  { house: 'delaunay-sellier', model: 'Paddock', category: 'shoes', kinds: ['Chelsea Boots', 'Ankle Boots', 'Loafers'] },
  { house: 'lenoir-paris', model: 'Nuit', category: 'shoes', kinds: ['Pumps', 'Sandals'] },
  { house: 'hartwell-crane', model: 'Jermyn', category: 'shoes', kinds: ['Oxford Shoes', 'Chelsea Boots'] },
  // Jewellery
  {
    house: 'maison-vendrel',
    model: 'Constellation',
    category: 'fine-jewellery',
    kinds: ['Ring', 'Necklace', 'Earrings', 'Bracelet'],
    materials: ['diamonds'],
  },
  {
    house: 'maison-vendrel',
    model: 'Lierre',
    category: 'fine-jewellery',
    kinds: ['Ring', 'Bracelet', 'Pendant'],
    materials: ['emeralds', 'diamonds'],
  },
  {
    house: 'maison-vendrel',
    model: 'Étoile Polaire',
    category: 'fine-jewellery',
    kinds: ['Solitaire Ring', 'Necklace'],
    materials: ['a brilliant-cut diamond'],
  },
  {
    house: 'oriane-joaillerie',
    model: 'Trèfle',
    category: 'fine-jewellery',
    kinds: ['Pendant', 'Bracelet', 'Earrings', 'Necklace'],
    materials: ['mother-of-pearl', 'onyx', 'malachite'],
  },
  {
    house: 'oriane-joaillerie',
    model: 'Goutte',
    category: 'fine-jewellery',
    kinds: ['Earrings', 'Ring', 'Pendant'],
    materials: ['pearls', 'diamonds'],
  },
  {
    house: 'serravalle',
    model: 'Spirale',
    category: 'fine-jewellery',
    kinds: ['Ring', 'Bracelet', 'Necklace'],
    materials: ['diamonds', 'rubies'],
  },
  {
    house: 'serravalle',
    model: 'Cupola',
    category: 'fine-jewellery',
    kinds: ['Ring', 'Earrings', 'Pendant'],
    materials: ['sapphires', 'diamonds'],
  },
  {
    house: 'albright-vale',
    model: 'Fifth Avenue',
    category: 'fine-jewellery',
    kinds: ['Solitaire Ring', 'Earrings', 'Necklace'],
    materials: ['a brilliant-cut diamond', 'diamonds'],
  },
  { house: 'albright-vale', model: 'Hudson', category: 'fine-jewellery', kinds: ['Bracelet', 'Ring', 'Pendant'], materials: ['diamonds'] },
  // Watches
  {
    house: 'verdier-geneve',
    model: 'Rhône',
    category: 'watches',
    kinds: ['Dress Watch', 'Perpetual Calendar'],
    materials: ['rose gold', 'white gold', 'platinum'],
  },
  {
    house: 'verdier-geneve',
    model: 'Bergues',
    category: 'watches',
    kinds: ['Tourbillon', 'Perpetual Calendar', 'Chronograph'],
    materials: ['platinum', 'rose gold'],
  },
  {
    house: 'aubertin-fils',
    model: 'Octave',
    category: 'watches',
    kinds: ['Automatic Watch', 'Chronograph', 'Perpetual Calendar'],
    materials: ['steel', 'rose gold', 'titanium'],
  },
  {
    house: 'aubertin-fils',
    model: 'Joux',
    category: 'watches',
    kinds: ['Chronograph', 'Tourbillon'],
    materials: ['white gold', 'platinum'],
  },
  {
    house: 'montfort',
    model: 'Abysse',
    category: 'watches',
    kinds: ['Diver’s Watch', 'Chronograph'],
    materials: ['steel', 'titanium', 'ceramic'],
  },
  {
    house: 'montfort',
    model: 'Aviateur',
    category: 'watches',
    kinds: ['Chronograph', 'Automatic Watch'],
    materials: ['steel', 'titanium'],
  },
  {
    house: 'reinholt',
    model: 'Elbe',
    category: 'watches',
    kinds: ['Dress Watch', 'Automatic Watch'],
    materials: ['white gold', 'rose gold', 'steel'],
  },
  {
    house: 'reinholt',
    model: 'Zwinger',
    category: 'watches',
    kinds: ['Chronograph', 'Perpetual Calendar'],
    materials: ['rose gold', 'platinum'],
  },
  // Accessories
  { house: 'delaunay-sellier', model: 'Carrousel', category: 'accessories', kinds: ['Silk Carré', 'Belt', 'Card Holder'] },
  { house: 'maison-silvere', model: 'Jardin', category: 'accessories', kinds: ['Silk Carré', 'Stole', 'Gloves'] },
  { house: 'maison-silvere', model: 'Plume', category: 'accessories', kinds: ['Stole', 'Silk Carré'] },
  { house: 'vittoria-calvi', model: 'Ponte', category: 'accessories', kinds: ['Wallet', 'Card Holder', 'Belt'] },
  { house: 'atelier-verano', model: 'Pliegue', category: 'accessories', kinds: ['Wallet', 'Card Holder'] },
  { house: 'casa-ferrante', model: 'Lente', category: 'accessories', kinds: ['Sunglasses'] },
  { house: 'solenne', model: 'Arc', category: 'accessories', kinds: ['Sunglasses', 'Belt', 'Gloves'] },
  { house: 'maison-aurelle', model: 'Camélia', category: 'accessories', kinds: ['Wallet', 'Silk Carré', 'Card Holder'] },
  // Fragrance
  {
    house: 'maison-ambrette',
    model: 'Heure Ambrée',
    category: 'beauty-fragrance',
    kinds: ['Eau de Parfum', 'Extrait de Parfum'],
    tint: 'amber',
  },
  {
    house: 'maison-ambrette',
    model: 'Iris Noble',
    category: 'beauty-fragrance',
    kinds: ['Eau de Parfum', 'Eau de Toilette'],
    tint: 'iris',
  },
  {
    house: 'maison-ambrette',
    model: 'Rose de Mai',
    category: 'beauty-fragrance',
    kinds: ['Eau de Parfum', 'Extrait de Parfum', 'Eau de Toilette'],
    tint: 'rose',
  },
  {
    house: 'atelier-nerolie',
    model: 'Néroli Vingt-Sept',
    category: 'beauty-fragrance',
    kinds: ['Eau de Parfum', 'Eau de Toilette'],
    tint: 'clear',
  },
  {
    house: 'atelier-nerolie',
    model: 'Bois Fumé',
    category: 'beauty-fragrance',
    kinds: ['Eau de Parfum', 'Extrait de Parfum'],
    tint: 'smoke',
  },
  {
    house: 'atelier-nerolie',
    model: 'Oud Velours',
    category: 'beauty-fragrance',
    kinds: ['Extrait de Parfum', 'Eau de Parfum'],
    tint: 'oud',
  },
  {
    house: 'maison-aurelle',
    model: 'Nuit d’Aurelle',
    category: 'beauty-fragrance',
    kinds: ['Eau de Parfum', 'Extrait de Parfum'],
    tint: 'amber',
  },
  {
    house: 'delaunay-sellier',
    model: 'Cuir de Selle',
    category: 'beauty-fragrance',
    kinds: ['Eau de Parfum', 'Eau de Toilette'],
    tint: 'smoke',
  },
];
