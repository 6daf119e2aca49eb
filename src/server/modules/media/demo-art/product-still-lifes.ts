// Product still lifes, drawn in an 800 × 1000 space (4:5): a studio sweep (or an outdoor scene for jets, yachts and
// houses), the object itself, in its own colour. Seeded names read `{art}-{colour}-{words…}` ("wallet-cognac-ponte-…"):
// the art says what to draw, the colour word which variant. Other names fall back to the object their words name.
import type { Random } from '../../../../shared/random.ts';
import { bag, belt, wallet } from './draw-leather-goods.ts';
import { bottle, gloves, scarf, sunglasses } from './draw-accessories.ts';
import { dress, dressForm, suit } from './draw-garments.ts';
import { bracelet, earrings, necklace, ring } from './draw-jewellery.ts';
import { boot, flatShoe, shoe } from './draw-shoes.ts';
import { car, chalet, jet, penthouse, sculpture, villa, yacht } from './draw-showcase.ts';
import { watch } from './draw-watches.ts';
import { type Draw, FLOOR_Y, H, isDark, type Metal, type Theme, W } from './still-life-kit.ts';
import { darken, type Defs, lighten, luminance, mix, PALETTE as P, r1 } from './svg-kit.ts';

/** Every drawing, by the art word a seeded name starts with. */
const ART: Record<string, Draw> = {
  flapbag: bag,
  tote: bag,
  clutch: bag,
  tophandle: bag,
  bucketbag: bag,
  wallet,
  belt,
  pump: shoe,
  sandal: shoe,
  flat: flatShoe,
  loafer: flatShoe,
  boot,
  ring,
  solitaire: ring,
  necklace,
  pendant: necklace,
  bracelet,
  earrings,
  watch,
  chronograph: watch,
  diver: watch,
  gown: dress,
  dress,
  blouse: dress,
  suit,
  jacket: suit,
  coat: suit,
  dressform: dressForm,
  scarf,
  stole: scarf,
  gloves,
  sunglasses,
  fragrance: bottle,
  car,
  suv: car,
  saloon: car,
  jet,
  yacht,
  explorer: yacht,
  villa,
  townhouse: villa,
  chalet,
  penthouse,
  sculpture,
};
export const PRODUCT_OBJECTS = Object.keys(ART);
export type ProductObject = keyof typeof ART;

// Older or hand-made names ("quilted-clutch-noir") say what they show in plain words.
const KEYWORDS: Record<string, readonly string[]> = {
  flapbag: ['bag', 'bags', 'tote', 'clutch', 'handbag', 'purse', 'satchel', 'pochette', 'minaudiere', 'hobo', 'crossbody', 'backpack'],
  pump: ['shoe', 'shoes', 'heel', 'heels', 'pump', 'pumps', 'stiletto', 'sandal', 'sandals', 'slingback', 'mule', 'mules'],
  loafer: ['loafer', 'loafers', 'flats', 'oxford', 'oxfords', 'moccasin', 'derby'],
  boot: ['boot', 'boots'],
  wallet: ['wallet', 'wallets', 'cardholder', 'card'],
  belt: ['belt', 'belts'],
  scarf: ['scarf', 'scarves', 'carre', 'foulard', 'stole', 'shawl'],
  gloves: ['gloves', 'glove'],
  dressform: ['fitting', 'fittings', 'styling', 'consultation', 'preparation', 'session'],
  watch: ['watch', 'watches', 'chronograph', 'timepiece', 'tourbillon'],
  ring: ['ring', 'rings', 'solitaire', 'band', 'signet', 'engagement'],
  fragrance: ['perfume', 'fragrance', 'parfum', 'eau', 'cologne', 'bottle', 'elixir', 'extrait', 'attar', 'scent'],
  dress: ['dress', 'dresses', 'gown', 'gowns', 'robe', 'couture', 'frock', 'kaftan'],
  suit: ['suit', 'suits', 'blazer', 'jacket', 'tuxedo', 'coat', 'overcoat', 'tailoring', 'smoking'],
  car: ['car', 'cars', 'coupe', 'roadster', 'sedan', 'gt', 'cabriolet', 'convertible', 'supercar', 'grand-tourer', 'tourer'],
  jet: ['jet', 'jets', 'plane', 'aircraft', 'charter', 'aviation', 'flight'],
  villa: ['villa', 'villas', 'house', 'home', 'residence', 'estate', 'mansion', 'retreat'],
  chalet: ['chalet', 'lodge'],
  penthouse: ['penthouse', 'apartment'],
  yacht: ['yacht', 'yachts', 'boat', 'superyacht', 'cruiser', 'sailing'],
  necklace: ['necklace', 'pendant', 'choker', 'pearls', 'jewel', 'jewelry', 'jewellery', 'diamond', 'brooch'],
  bracelet: ['bracelet', 'bangle', 'cuff'],
  earrings: ['earrings', 'earring'],
  sunglasses: ['sunglasses', 'glasses', 'eyewear', 'shades', 'spectacles'],
};

/** The variant colours a seeded name may carry, as paint. */
export const SWATCHES: Record<string, string> = {
  black: '#17161A',
  ivory: '#EFE6D4',
  beige: '#D7C3A5',
  camel: '#B98B5A',
  navy: '#1E2A44',
  burgundy: '#5E1A26',
  emerald: '#1F5A43',
  blush: '#E3BFB3',
  gold: '#C9A55C',
  silver: '#C4C6C8',
  white: '#F5F3EE',
  red: '#9E1B22',
  grey: '#7D7B78',
  cognac: '#8A4F2A',
  champagne: '#E6D3AE',
  blue: '#22406E',
  green: '#2E5442',
  yellowgold: '#D4AF62',
  whitegold: '#D9DADB',
  rosegold: '#D59C82',
  // Fragrances: the juice
  amber: '#D9A35A',
  iris: '#C8B8D8',
  rose: '#E7A9A6',
  clear: '#EDEBDD',
  smoke: '#A88766',
  oud: '#7E3F2A',
  plain: '#B3935A',
  // Colours a house may name when it adds a variant by hand
  brown: '#5C3B26',
  tan: '#A87B51',
  cream: '#EFE3C8',
  taupe: '#8B7D6E',
  pink: '#E2A9B4',
  purple: '#4E2A4F',
  orange: '#C4622D',
  yellow: '#D9B44A',
  platinum: '#D4D3CE',
  noir: '#17161A',
};

/** A colour as the word an art name carries: "Yellow Gold" → "yellowgold" (the seed's own rule, colorToken). */
const colourWord = (colour: string) => colour.toLowerCase().replace(/[^a-z]/g, '');

/**
 * The name of the same composition drawn in another variant colour: the art word stays, the colour word changes
 * ("gown-burgundy-trevi-…-32-b" in Red → "gown-red-trevi-…-32-b"). A name without an art word gains one in front.
 * Undefined when the colour has no paint here, or the name would pass the 80 characters a media URL allows.
 */
export function productArtInColour(name: string, colour: string): string | undefined {
  const token = colourWord(colour);
  if (!SWATCHES[token]) return undefined;
  const words = name.toLowerCase().split('-');
  const object = productObjectFor(name);
  const rest = words[0] === object ? words.slice(words[1] && SWATCHES[words[1]] ? 2 : 1) : words;
  const recoloured = [object, token, ...rest].join('-');
  return recoloured.length <= 80 ? recoloured : undefined;
}

const METALS: Record<string, Metal> = {
  gold: { light: '#EAD7A4', mid: P.gold, dark: P.goldDeep },
  white: { light: '#F4F4F2', mid: '#B8B7B2', dark: '#6E6D69' },
  rose: { light: '#F2CDBB', mid: '#C98E74', dark: '#8A5442' },
  black: { light: '#6A6A6C', mid: '#2C2C2E', dark: '#111' },
};

/** The metal an object is made of: the jewel's colour, the watch case's words, else the theme's. */
function metalOf(art: string, colorWord: string | undefined, words: readonly string[], theme: Theme): Metal {
  if (colorWord === 'yellowgold') return METALS.gold!;
  if (colorWord === 'whitegold') return METALS.white!;
  if (colorWord === 'rosegold') return METALS.rose!;
  if (['watch', 'chronograph', 'diver'].includes(art)) {
    if (words.includes('rose')) return METALS.rose!;
    if (words.includes('platinum') || words.includes('white') || words.includes('steel') || words.includes('titanium'))
      return METALS.white!;
    if (words.includes('ceramic')) return METALS.black!;
    return METALS.gold!;
  }
  return theme.metal === 'gold' ? METALS.gold! : METALS.white!;
}

/** What a name shows: its leading art word when it has one, else the first word naming an object, else a sculpture. */
export function productObjectFor(name: string): ProductObject {
  const words = name.toLowerCase().split('-');
  if (words[0] && ART[words[0]]) return words[0];
  for (const word of words) {
    for (const [object, keys] of Object.entries(KEYWORDS)) {
      if (keys.includes(word)) return object;
    }
  }
  return 'sculpture';
}

const THEMES: readonly (readonly [Theme, number])[] = [
  [{ top: P.porcelain, bottom: P.bone, floor: P.linen, objects: [P.onyx, P.oxblood, P.green, P.cognac, P.ink, P.taupe], metal: 'gold' }, 5],
  [{ top: '#F1E6D2', bottom: '#DCC9A8', floor: '#CDB68F', objects: [P.onyx, P.oxblood, P.ivory, P.green], metal: 'gold' }, 3],
  [{ top: '#EFE1D8', bottom: '#DCC4B7', floor: '#CFB3A4', objects: [P.onyx, P.oxblood, P.ivory, P.cognac], metal: 'gold' }, 2],
  [{ top: '#2A4A3D', bottom: P.greenDeep, floor: '#10231B', objects: [P.champagne, P.ivory, P.onyx, P.oxblood], metal: 'gold' }, 2],
  [{ top: '#6B262C', bottom: P.oxbloodDeep, floor: '#2E0D11', objects: [P.champagne, P.ivory, P.onyx, P.blush], metal: 'gold' }, 1.5],
  [{ top: '#3A3733', bottom: '#151413', floor: '#0C0B0B', objects: [P.champagne, P.ivory, P.oxblood, P.cognac], metal: 'gold' }, 1.5],
  [{ top: '#E9E7E2', bottom: '#C9C6BF', floor: '#B9B5AC', objects: [P.onyx, P.green, P.oxblood, P.ink], metal: 'steel' }, 1.5],
];

// Jewels, perfume and the smaller leather goods are drawn a little larger, scaled about the floor point under the centre.
const SCALE: Record<string, number> = {
  flapbag: 1.1,
  clutch: 1.1,
  tote: 1.1,
  tophandle: 1.1,
  bucketbag: 1.1,
  pump: 1.06,
  sandal: 1.06,
  ring: 1.1,
  solitaire: 1.1,
  fragrance: 1.1,
  necklace: 1.08,
  pendant: 1.08,
  sunglasses: 1.15,
  sculpture: 1.05,
};
const OUTDOOR = new Set(['jet', 'yacht', 'explorer', 'villa', 'townhouse', 'chalet', 'penthouse', 'car', 'suv', 'saloon']);
const HOUSES = new Set(['villa', 'townhouse', 'chalet', 'penthouse']);

/** The whole composition: backdrop, light, the object in its colour, vignette. */
export function drawProduct(defs: Defs, rnd: Random, name: string): string {
  const object = productObjectFor(name);
  const words = name.toLowerCase().split('-');
  const colorWord = words[1] && SWATCHES[words[1]] ? words[1] : undefined;
  const named = colorWord !== undefined && words[0] === object;
  // A named colour picks a backdrop it reads against: light objects on deep grounds, dark ones on pale grounds.
  const paint = named ? SWATCHES[colorWord]! : undefined;
  const themes = paint
    ? THEMES.filter(
        ([t]) =>
          (luminance(paint) > 0.45 ? isDark(t) || luminance(t.bottom) < 0.45 : !isDark(t)) &&
          Math.abs(luminance(t.bottom) - luminance(paint)) > 0.12,
      )
    : THEMES;
  const theme = rnd.weighted(themes.length ? themes : THEMES);
  const color = paint ?? rnd.pick(theme.objects);
  const metal = metalOf(object, colorWord, words, theme);
  const parts: string[] = [];
  parts.push(
    OUTDOOR.has(object) && !(object === 'car' || object === 'suv' || object === 'saloon')
      ? sceneBackdrop(defs, rnd, theme, HOUSES.has(object))
      : studioBackdrop(defs, rnd, theme),
  );
  const drawn = ART[object]!({ defs, rnd, color, metal, theme, words, style: object, named });
  const scale = SCALE[object] ?? 1;
  parts.push(scale === 1 ? drawn : `<g transform="translate(400 ${FLOOR_Y}) scale(${scale}) translate(-400 -${FLOOR_Y})">${drawn}</g>`);
  parts.push(vignette(defs, theme));
  return parts.join('');
}

function studioBackdrop(defs: Defs, rnd: Random, t: Theme): string {
  const wall = defs.linear([
    [0, t.top],
    [0.75, t.bottom],
  ]);
  const floor = defs.linear([
    [0, mix(t.bottom, t.floor, 0.35)],
    [1, t.floor],
  ]);
  const lx = rnd.float(0.35, 0.65);
  const light = defs.radial(
    [
      [0, lighten(t.top, isDark(t) ? 0.18 : 0.55), isDark(t) ? 0.55 : 0.85],
      [1, t.top, 0],
    ],
    lx,
    0.42,
    0.55,
  );
  // The sweep: paper curving from wall to floor, so there is no hard horizon.
  const sweep = `M0 ${FLOOR_Y - 90} C ${W * 0.3} ${FLOOR_Y - 40} ${W * 0.7} ${FLOOR_Y - 40} ${W} ${FLOOR_Y - 90} L${W} ${H} L0 ${H} Z`;
  const accents: string[] = [];
  if (rnd.chance(0.45)) {
    // A tall arch of slightly deeper tone behind the object.
    const aw = rnd.float(300, 420);
    const x = (W - aw) / 2;
    const top = rnd.float(150, 230);
    const archFill = isDark(t) ? lighten(t.bottom, 0.06) : darken(t.top, 0.035);
    accents.push(
      `<path d="M${r1(x)} ${FLOOR_Y - 60} L${r1(x)} ${r1(top + aw / 2)} A${r1(aw / 2)} ${r1(aw / 2)} 0 0 1 ${r1(x + aw)} ${r1(top + aw / 2)} L${r1(x + aw)} ${FLOOR_Y - 60} Z" fill="${archFill}"/>`,
    );
  } else if (rnd.chance(0.35)) {
    const cy = rnd.float(330, 420);
    accents.push(
      `<circle cx="400" cy="${r1(cy)}" r="${r1(rnd.float(190, 250))}" fill="none" stroke="${P.gold}" stroke-opacity="${isDark(t) ? 0.45 : 0.55}" stroke-width="1.6"/>`,
    );
  }
  return `<rect width="${W}" height="${H}" fill="${wall}"/><rect width="${W}" height="${H}" fill="${light}"/>${accents.join('')}<path d="${sweep}" fill="${floor}"/>`;
}

function sceneBackdrop(defs: Defs, rnd: Random, t: Theme, garden = false): string {
  const dark = isDark(t);
  const sky = defs.linear([
    [0, dark ? lighten(t.top, 0.05) : lighten(t.top, 0.3)],
    [0.62, dark ? t.top : t.bottom],
  ]);
  const horizon = rnd.float(600, 680);
  const sun = rnd.chance(0.6)
    ? `<circle cx="${r1(rnd.float(220, 580))}" cy="${r1(horizon - rnd.float(150, 300))}" r="${r1(rnd.float(60, 110))}" fill="${dark ? P.champagne : '#F7EBD3'}" fill-opacity="${dark ? 0.35 : 0.9}"/>`
    : '';
  const ground = defs.linear([
    [0, garden ? mix(P.sage, t.bottom, 0.45) : mix(t.bottom, t.floor, 0.4)],
    [1, darken(garden ? mix(P.sage, t.floor, 0.5) : t.floor, 0.08)],
  ]);
  return `<rect width="${W}" height="${H}" fill="${sky}"/>${sun}<rect y="${r1(horizon)}" width="${W}" height="${r1(H - horizon)}" fill="${ground}"/><line x1="0" x2="${W}" y1="${r1(horizon)}" y2="${r1(horizon)}" stroke="${P.gold}" stroke-opacity="0.5" stroke-width="1.2"/>`;
}

function vignette(defs: Defs, t: Theme): string {
  const v = defs.radial(
    [
      [0.55, '#000', 0],
      [1, '#000', isDark(t) ? 0.35 : 0.12],
    ],
    0.5,
    0.45,
    0.75,
  );
  return `<rect width="${W}" height="${H}" fill="${v}"/>`;
}

/** A soft elliptical shadow where an object meets the floor. */
