// Product still lifes on a studio sweep, drawn in an 800 × 1000 space (4:5). The object is chosen from the name's words.
import type { Random } from '../../../shared/random.ts';
import { darken, type Defs, lighten, mix, PALETTE as P, r1, softEllipse } from './svg-kit.ts';

export const PRODUCT_OBJECTS = [
  'bag',
  'shoe',
  'watch',
  'ring',
  'bottle',
  'dress',
  'suit',
  'car',
  'jet',
  'villa',
  'yacht',
  'necklace',
  'sunglasses',
  'sculpture',
] as const;
export type ProductObject = (typeof PRODUCT_OBJECTS)[number];

const KEYWORDS: Record<Exclude<ProductObject, 'sculpture'>, readonly string[]> = {
  bag: ['bag', 'bags', 'tote', 'clutch', 'handbag', 'purse', 'satchel', 'pochette', 'minaudiere', 'hobo', 'crossbody', 'backpack'],
  shoe: ['shoe', 'shoes', 'heel', 'heels', 'pump', 'pumps', 'stiletto', 'sandal', 'sandals', 'slingback', 'mule', 'mules', 'loafer', 'loafers', 'boot', 'boots'],
  watch: ['watch', 'watches', 'chronograph', 'timepiece', 'tourbillon'],
  ring: ['ring', 'rings', 'solitaire', 'band', 'signet', 'engagement'],
  bottle: ['perfume', 'fragrance', 'parfum', 'eau', 'cologne', 'bottle', 'elixir', 'extrait', 'attar', 'scent'],
  dress: ['dress', 'dresses', 'gown', 'gowns', 'robe', 'couture', 'frock', 'kaftan'],
  suit: ['suit', 'suits', 'blazer', 'jacket', 'tuxedo', 'coat', 'overcoat', 'tailoring', 'smoking'],
  car: ['car', 'cars', 'coupe', 'roadster', 'sedan', 'gt', 'cabriolet', 'convertible', 'supercar', 'grand-tourer', 'tourer'],
  jet: ['jet', 'jets', 'plane', 'aircraft', 'charter', 'aviation', 'flight'],
  villa: ['villa', 'villas', 'house', 'home', 'residence', 'penthouse', 'estate', 'chalet', 'mansion', 'retreat', 'apartment'],
  yacht: ['yacht', 'yachts', 'boat', 'superyacht', 'cruiser', 'sailing'],
  necklace: ['necklace', 'pendant', 'choker', 'pearls', 'earrings', 'earring', 'bracelet', 'bangle', 'jewel', 'jewelry', 'jewellery', 'diamond', 'brooch'],
  sunglasses: ['sunglasses', 'glasses', 'eyewear', 'shades', 'spectacles'],
};

/** Which object a product name shows: the first of its words that names one, else an abstract sculpture. */
export function productObjectFor(name: string): ProductObject {
  const words = name.toLowerCase().split('-');
  for (const word of words) {
    for (const [object, keys] of Object.entries(KEYWORDS)) {
      if (keys.includes(word)) return object as ProductObject;
    }
  }
  return 'sculpture';
}

interface Theme {
  top: string;
  bottom: string;
  floor: string;
  /** Colours an object may take against this backdrop. */
  objects: readonly string[];
  metal: 'gold' | 'steel';
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

const W = 800;
const H = 1000;
const FLOOR_Y = 770;

/** The whole product composition: studio sweep, light, the object with its shadow. */
export function drawProduct(defs: Defs, rnd: Random, name: string): string {
  const object = productObjectFor(name);
  const theme = rnd.weighted(THEMES);
  const color = rnd.pick(theme.objects);
  const metal = theme.metal === 'gold' ? { light: '#EAD7A4', mid: P.gold, dark: P.goldDeep } : { light: '#F4F4F2', mid: '#B8B7B2', dark: '#6E6D69' };
  const outdoor = object === 'jet' || object === 'villa' || object === 'yacht';
  const parts: string[] = [];
  parts.push(outdoor ? sceneBackdrop(defs, rnd, theme) : studioBackdrop(defs, rnd, theme));
  const drawn = DRAW[object]({ defs, rnd, color, metal, theme, words: name.toLowerCase().split('-') });
  const scale = SCALE[object] ?? 1;
  parts.push(scale === 1 ? drawn : `<g transform="translate(400 ${FLOOR_Y}) scale(${scale}) translate(-400 -${FLOOR_Y})">${drawn}</g>`);
  parts.push(vignette(defs, theme));
  return parts.join('');
}

interface Ctx {
  defs: Defs;
  rnd: Random;
  color: string;
  metal: { light: string; mid: string; dark: string };
  theme: Theme;
  /** The product name's words, for variants ("tote", "pearls"…). */
  words: readonly string[];
}

// Small objects are drawn a little larger, scaled about the floor point under the centre.
const SCALE: Partial<Record<ProductObject, number>> = { bag: 1.1, shoe: 1.06, ring: 1.1, bottle: 1.1, necklace: 1.08, sunglasses: 1.15, sculpture: 1.05 };

const isDark = (t: Theme) => t.bottom.startsWith('#1') || t.bottom.startsWith('#2') || t.bottom.startsWith('#3') || t.bottom.startsWith('#0');

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
  const light = defs.radial([
    [0, lighten(t.top, isDark(t) ? 0.18 : 0.55), isDark(t) ? 0.55 : 0.85],
    [1, t.top, 0],
  ], lx, 0.42, 0.55);
  // The sweep: paper curving from wall to floor, so there is no hard horizon.
  const sweep = `M0 ${FLOOR_Y - 90} C ${W * 0.3} ${FLOOR_Y - 40} ${W * 0.7} ${FLOOR_Y - 40} ${W} ${FLOOR_Y - 90} L${W} ${H} L0 ${H} Z`;
  const accents: string[] = [];
  if (rnd.chance(0.45)) {
    // A tall arch of slightly deeper tone behind the object.
    const aw = rnd.float(300, 420);
    const x = (W - aw) / 2;
    const top = rnd.float(150, 230);
    const archFill = isDark(t) ? lighten(t.bottom, 0.06) : darken(t.top, 0.035);
    accents.push(`<path d="M${r1(x)} ${FLOOR_Y - 60} L${r1(x)} ${r1(top + aw / 2)} A${r1(aw / 2)} ${r1(aw / 2)} 0 0 1 ${r1(x + aw)} ${r1(top + aw / 2)} L${r1(x + aw)} ${FLOOR_Y - 60} Z" fill="${archFill}"/>`);
  } else if (rnd.chance(0.35)) {
    const cy = rnd.float(330, 420);
    accents.push(`<circle cx="400" cy="${r1(cy)}" r="${r1(rnd.float(190, 250))}" fill="none" stroke="${P.gold}" stroke-opacity="${isDark(t) ? 0.45 : 0.55}" stroke-width="1.6"/>`);
  }
  return `<rect width="${W}" height="${H}" fill="${wall}"/><rect width="${W}" height="${H}" fill="${light}"/>${accents.join('')}<path d="${sweep}" fill="${floor}"/>`;
}

function sceneBackdrop(defs: Defs, rnd: Random, t: Theme): string {
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
    [0, mix(t.bottom, t.floor, 0.4)],
    [1, darken(t.floor, 0.08)],
  ]);
  return `<rect width="${W}" height="${H}" fill="${sky}"/>${sun}<rect y="${r1(horizon)}" width="${W}" height="${r1(H - horizon)}" fill="${ground}"/><line x1="0" x2="${W}" y1="${r1(horizon)}" y2="${r1(horizon)}" stroke="${P.gold}" stroke-opacity="0.5" stroke-width="1.2"/>`;
}

function vignette(defs: Defs, t: Theme): string {
  const v = defs.radial([
    [0.55, '#000', 0],
    [1, '#000', isDark(t) ? 0.35 : 0.12],
  ], 0.5, 0.45, 0.75);
  return `<rect width="${W}" height="${H}" fill="${v}"/>`;
}

/** A soft elliptical shadow where an object meets the floor. */
function contactShadow(defs: Defs, cx: number, cy: number, rx: number, ry: number, opacity = 0.35): string {
  return softEllipse(defs, cx, cy, rx * 1.15, ry * 2.2, '#000', opacity * 0.8) + softEllipse(defs, cx, cy, rx * 0.85, ry * 0.6, '#000', opacity, 0.45);
}

/** Left-lit volume: lighter on the left, deeper on the right. */
function volume(defs: Defs, c: string, strength = 1): string {
  return defs.linear(
    [
      [0, lighten(c, 0.2 * strength)],
      [0.45, c],
      [1, darken(c, 0.35 * strength)],
    ],
    0,
    0,
    1,
    0.25,
  );
}

function metalFill(defs: Defs, m: Ctx['metal'], angle = 0.35): string {
  return defs.linear(
    [
      [0, m.light],
      [0.35, m.mid],
      [0.55, m.light],
      [1, m.dark],
    ],
    0,
    0,
    1,
    angle,
  );
}

type Draw = (ctx: Ctx) => string;

const bag: Draw = ({ defs, rnd, color, metal, words }) => {
  const picked = rnd.pick(['flap', 'tote', 'clutch'] as const);
  const style = words.some((w) => ['clutch', 'pochette', 'minaudiere'].includes(w)) ? 'clutch' : words.includes('tote') ? 'tote' : picked;
  const out: string[] = [];
  const stitch = lighten(color, 0.3);
  if (style === 'clutch') {
    const top = 560;
    out.push(contactShadow(defs, 400, FLOOR_Y, 250, 22));
    out.push(`<path d="M170 ${FLOOR_Y} L188 ${top + 20} Q192 ${top} 214 ${top} L586 ${top} Q608 ${top} 612 ${top + 20} L630 ${FLOOR_Y} Q632 ${FLOOR_Y + 4} 626 ${FLOOR_Y + 4} L174 ${FLOOR_Y + 4} Q168 ${FLOOR_Y + 4} 170 ${FLOOR_Y} Z" fill="${volume(defs, color)}"/>`);
    out.push(`<path d="M188 ${top + 20} Q192 ${top} 214 ${top} L586 ${top} Q608 ${top} 612 ${top + 20} L606 ${top + 95} Q400 ${top + 140} 194 ${top + 95} Z" fill="${volume(defs, lighten(color, 0.06))}"/>`);
    out.push(`<path d="M200 ${top + 88} Q400 ${top + 130} 600 ${top + 88}" fill="none" stroke="${stitch}" stroke-opacity="0.35" stroke-width="1.5" stroke-dasharray="5 5"/>`);
    out.push(`<rect x="372" y="${top + 104}" width="56" height="22" rx="4" fill="${metalFill(defs, metal)}"/>`);
    return out.join('');
  }
  const bodyTop = style === 'tote' ? 430 : 470;
  const topL = style === 'tote' ? 200 : 225;
  const botL = style === 'tote' ? 165 : 195;
  out.push(contactShadow(defs, 400, FLOOR_Y + 2, 250, 24));
  // Handle(s) behind the body's top edge.
  const handleTop = bodyTop - rnd.float(130, 170);
  const hw = style === 'tote' ? 95 : 80;
  out.push(`<path d="M${400 - hw - 25} ${bodyTop + 8} C ${400 - hw} ${handleTop} ${400 + hw} ${handleTop} ${400 + hw + 25} ${bodyTop + 8}" fill="none" stroke="${darken(color, 0.2)}" stroke-width="${style === 'tote' ? 16 : 13}" stroke-linecap="round"/>`);
  if (style === 'flap') {
    out.push(`<circle cx="${400 - hw - 24}" cy="${bodyTop + 4}" r="9" fill="${metalFill(defs, metal)}"/><circle cx="${400 + hw + 24}" cy="${bodyTop + 4}" r="9" fill="${metalFill(defs, metal)}"/>`);
  }
  const body = `M${botL} ${FLOOR_Y} L${topL} ${bodyTop + 18} Q${topL + 2} ${bodyTop} ${topL + 22} ${bodyTop} L${W - topL - 22} ${bodyTop} Q${W - topL - 2} ${bodyTop} ${W - topL} ${bodyTop + 18} L${W - botL} ${FLOOR_Y} Q${W - botL + 2} ${FLOOR_Y + 6} ${W - botL - 10} ${FLOOR_Y + 6} L${botL + 10} ${FLOOR_Y + 6} Q${botL - 2} ${FLOOR_Y + 6} ${botL} ${FLOOR_Y} Z`;
  out.push(`<path d="${body}" fill="${volume(defs, color)}"/>`);
  // A gentle top light on the body.
  out.push(`<path d="${body}" fill="${defs.linear([[0, '#fff', 0.14], [0.35, '#fff', 0]])}"/>`);
  out.push(`<path d="M${botL + 16} ${FLOOR_Y - 8} L${topL + 14} ${bodyTop + 22} Q${topL + 16} ${bodyTop + 12} ${topL + 30} ${bodyTop + 12} L${W - topL - 30} ${bodyTop + 12} Q${W - topL - 16} ${bodyTop + 12} ${W - topL - 14} ${bodyTop + 22} L${W - botL - 16} ${FLOOR_Y - 8} Z" fill="none" stroke="${stitch}" stroke-opacity="0.3" stroke-width="1.4" stroke-dasharray="5 5"/>`);
  if (style === 'flap') {
    const tip = bodyTop + 150;
    out.push(`<path d="M${topL + 2} ${bodyTop + 14} Q${topL + 2} ${bodyTop} ${topL + 22} ${bodyTop} L${W - topL - 22} ${bodyTop} Q${W - topL - 2} ${bodyTop} ${W - topL - 2} ${bodyTop + 14} L${W - topL - 14} ${tip - 50} Q400 ${tip + 30} ${topL + 14} ${tip - 50} Z" fill="${volume(defs, lighten(color, 0.05))}"/>`);
    out.push(`<path d="M${topL + 14} ${tip - 50} Q400 ${tip + 30} ${W - topL - 14} ${tip - 50}" fill="none" stroke="#000" stroke-opacity="0.18" stroke-width="4"/>`);
    out.push(`<rect x="374" y="${tip - 24}" width="52" height="34" rx="5" fill="${metalFill(defs, metal)}"/><rect x="386" y="${tip - 14}" width="28" height="14" rx="3" fill="${metal.dark}" fill-opacity="0.5"/>`);
  } else {
    out.push(`<line x1="${topL + 30}" x2="${W - topL - 30}" y1="${bodyTop + 48}" y2="${bodyTop + 48}" stroke="${darken(color, 0.25)}" stroke-width="2"/>`);
    out.push(`<rect x="386" y="${bodyTop + 40}" width="28" height="16" rx="3" fill="${metalFill(defs, metal)}"/>`);
  }
  return out.join('');
};

const shoe: Draw = ({ defs, rnd, color, metal, theme }) => {
  const sole = rnd.chance(0.4) ? P.oxblood : darken(color, 0.45);
  const lining = isDark(theme) ? P.bone : mix(P.sand, P.porcelain, 0.4);
  const y = FLOOR_Y;
  const out: string[] = [];
  out.push(contactShadow(defs, 300, y + 1, 190, 10, 0.3));
  out.push(softEllipse(defs, 606, y + 1, 26, 7, '#000', 0.45));
  // Stiletto heel, from the heel seat down to a metal tip.
  out.push(`<path d="M586 ${y - 172} C 594 ${y - 110} 598 ${y - 50} 598 ${y - 6} L612 ${y - 6} C 612 ${y - 60} 616 ${y - 130} 624 ${y - 190} Z" fill="${volume(defs, darken(color, 0.08))}"/>`);
  out.push(`<rect x="597" y="${y - 7}" width="16" height="7" rx="2" fill="${metal.dark}"/>`);
  // Lining: the far side of the shoe seen through the opening, above the near top line.
  out.push(`<path d="M318 ${y - 84} C 420 ${y - 118} 540 ${y - 190} 604 ${y - 276} C 560 ${y - 200} 450 ${y - 100} 330 ${y - 78} Z" fill="${lining}"/>`);
  out.push(`<path d="M318 ${y - 84} C 420 ${y - 118} 540 ${y - 190} 604 ${y - 276}" fill="none" stroke="${darken(color, 0.1)}" stroke-width="5" stroke-linecap="round"/>`);
  // Upper: pointed toe, low vamp, top line rising to the heel counter, sole line back down.
  const upper = `M112 ${y - 16} C 150 ${y - 48} 240 ${y - 74} 322 ${y - 80} C 440 ${y - 96} 548 ${y - 172} 606 ${y - 272} C 624 ${y - 250} 630 ${y - 214} 622 ${y - 186} C 612 ${y - 176} 596 ${y - 172} 584 ${y - 168} C 520 ${y - 128} 430 ${y - 30} 350 ${y - 8} C 290 ${y + 4} 190 ${y + 4} 140 ${y - 4} C 124 ${y - 6} 112 ${y - 10} 112 ${y - 16} Z`;
  out.push(`<path d="${upper}" fill="${volume(defs, color)}"/>`);
  out.push(`<path d="${upper}" fill="${defs.linear([[0, '#fff', 0.16], [0.45, '#fff', 0], [1, '#000', 0.15]])}"/>`);
  // Sole edge along the bottom.
  out.push(`<path d="M118 ${y - 10} C 170 ${y + 2} 290 ${y + 4} 350 ${y - 8} C 430 ${y - 30} 520 ${y - 128} 584 ${y - 168}" fill="none" stroke="${sole}" stroke-width="5" stroke-linecap="round"/>`);
  // Highlight along the toe box.
  out.push(`<path d="M150 ${y - 36} C 200 ${y - 58} 260 ${y - 70} 310 ${y - 74}" fill="none" stroke="#fff" stroke-opacity="0.2" stroke-width="5" stroke-linecap="round"/>`);
  if (rnd.chance(0.5)) out.push(`<path d="M300 ${y - 84} l12 -9 l12 9 l-12 9 Z" fill="${metalFill(defs, metal)}"/>`);
  return out.join('');
};

const watch: Draw = ({ defs, rnd, color, metal, theme }) => {
  const cx = 400;
  const cy = 470;
  const R = 150;
  const dial = rnd.pick(isDark(theme) ? [P.ivory, P.onyx, '#F3EBDD'] : [P.green, P.onyx, P.ivory, P.oxblood, '#1D2A3A']);
  const strap = color === P.champagne || color === P.ivory ? P.cognac : color;
  const out: string[] = [];
  out.push(contactShadow(defs, cx, FLOOR_Y + 10, 190, 20, 0.28));
  // Strap, top and bottom, tapering.
  const strapFill = volume(defs, strap, 0.8);
  out.push(`<path d="M${cx - 78} ${cy - 120} L${cx - 70} 150 Q${cx} 138 ${cx + 70} 150 L${cx + 78} ${cy - 120} Z" fill="${strapFill}"/>`);
  out.push(`<path d="M${cx - 78} ${cy + 120} L${cx - 70} ${FLOOR_Y} Q${cx} ${FLOOR_Y + 12} ${cx + 70} ${FLOOR_Y} L${cx + 78} ${cy + 120} Z" fill="${strapFill}"/>`);
  out.push(`<path d="M${cx - 60} 160 L${cx - 66} ${cy - 120} M${cx + 60} 160 L${cx + 66} ${cy - 120} M${cx - 66} ${cy + 120} L${cx - 60} ${FLOOR_Y - 8} M${cx + 66} ${cy + 120} L${cx + 60} ${FLOOR_Y - 8}" stroke="${lighten(strap, 0.35)}" stroke-opacity="0.35" stroke-width="1.3" stroke-dasharray="5 5"/>`);
  // Lugs and crown.
  out.push(`<rect x="${cx - 92}" y="${cy - R - 22}" width="184" height="60" rx="16" fill="${metalFill(defs, metal)}"/><rect x="${cx - 92}" y="${cy + R - 38}" width="184" height="60" rx="16" fill="${metalFill(defs, metal)}"/>`);
  out.push(`<rect x="${cx + R - 4}" y="${cy - 18}" width="26" height="36" rx="5" fill="${metalFill(defs, metal, 1)}"/>`);
  // Case, bezel, dial.
  out.push(softEllipse(defs, cx, cy + 14, R + 22, R + 22, '#000', 0.22, 0.72));
  out.push(`<circle cx="${cx}" cy="${cy}" r="${R}" fill="${metalFill(defs, metal, 1)}"/>`);
  out.push(`<circle cx="${cx}" cy="${cy}" r="${R - 16}" fill="${defs.linear([[0, darken(metal.dark, 0.2)], [1, metal.light]], 0, 0, 1, 1)}"/>`);
  const dialFill = defs.radial([[0, lighten(dial, 0.12)], [0.8, dial], [1, darken(dial, 0.25)]], 0.4, 0.35, 0.75);
  out.push(`<circle cx="${cx}" cy="${cy}" r="${R - 22}" fill="${dialFill}"/>`);
  const mark = dial === P.ivory || dial === '#F3EBDD' ? P.goldDeep : metal.light;
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    const long = i % 3 === 0;
    const r0 = R - 34;
    const r1_ = r0 - (long ? 22 : 11);
    out.push(`<line x1="${r1(cx + Math.sin(a) * r0)}" y1="${r1(cy - Math.cos(a) * r0)}" x2="${r1(cx + Math.sin(a) * r1_)}" y2="${r1(cy - Math.cos(a) * r1_)}" stroke="${mark}" stroke-width="${long ? 5 : 2.5}" stroke-linecap="round"/>`);
  }
  if (rnd.chance(0.4)) out.push(`<circle cx="${cx}" cy="${cy + 52}" r="26" fill="none" stroke="${mark}" stroke-opacity="0.6" stroke-width="1.2"/>`);
  const hour = rnd.float(0, 12);
  const minute = rnd.float(0, 60);
  const hand = (angle: number, len: number, w: number) =>
    `<line x1="${cx}" y1="${cy}" x2="${r1(cx + Math.sin(angle) * len)}" y2="${r1(cy - Math.cos(angle) * len)}" stroke="${mark}" stroke-width="${w}" stroke-linecap="round"/>`;
  out.push(hand((hour / 12) * Math.PI * 2, 62, 6), hand((minute / 60) * Math.PI * 2, 96, 4));
  out.push(`<circle cx="${cx}" cy="${cy}" r="7" fill="${mark}"/>`);
  // Crystal reflection.
  out.push(`<path d="M${cx - 100} ${cy - 40} A 110 110 0 0 1 ${cx + 30} ${cy - 108} A 130 130 0 0 0 ${cx - 100} ${cy - 40} Z" fill="#fff" fill-opacity="0.18"/>`);
  return out.join('');
};

const ring: Draw = ({ defs, rnd, metal, theme }) => {
  const cx = 400;
  const gem = rnd.weighted([
    ['#F4F7FA', 4],
    [P.green, 1.5],
    [P.oxblood, 1],
    ['#22365A', 1],
  ] as const);
  const out: string[] = [];
  // A small plinth the ring stands on.
  const plinthTop = FLOOR_Y - 70;
  const stone = isDark(theme) ? lighten(theme.bottom, 0.1) : darken(theme.top, 0.08);
  out.push(contactShadow(defs, cx, FLOOR_Y + 4, 220, 18, 0.3));
  out.push(`<rect x="200" y="${plinthTop}" width="400" height="${FLOOR_Y - plinthTop}" fill="${volume(defs, stone, 0.5)}"/><rect x="200" y="${plinthTop}" width="400" height="6" fill="#fff" fill-opacity="0.25"/>`);
  const by = plinthTop - 130;
  out.push(softEllipse(defs, cx, plinthTop - 2, 136, 16, '#000', 0.4));
  // The band: an upright ellipse ring, in perspective.
  out.push(`<path fill-rule="evenodd" d="M${cx - 128} ${by} A128 130 0 1 0 ${cx + 128} ${by} A128 130 0 1 0 ${cx - 128} ${by} Z M${cx - 108} ${by + 4} A108 112 0 1 0 ${cx + 108} ${by + 4} A108 112 0 1 0 ${cx - 108} ${by + 4} Z" fill="${metalFill(defs, metal, 1)}"/>`);
  out.push(`<path d="M${cx - 112} ${by + 40} A118 122 0 0 0 ${cx + 40} ${by + 120}" fill="none" stroke="#fff" stroke-opacity="0.35" stroke-width="3"/>`);
  // Setting and stone (a brilliant cut in profile: crown above the girdle, pavilion below).
  const gy = by - 130;
  out.push(`<path d="M${cx - 26} ${gy + 66} L${cx - 40} ${gy + 10} M${cx + 26} ${gy + 66} L${cx + 40} ${gy + 10}" stroke="${metal.mid}" stroke-width="7" stroke-linecap="round"/>`);
  const girdle = gy;
  const gemFill = defs.linear([[0, lighten(gem, 0.5)], [0.5, gem], [1, darken(gem, 0.3)]], 0, 0, 1, 1);
  out.push(`<path d="M${cx - 62} ${girdle} L${cx - 40} ${girdle - 30} L${cx + 40} ${girdle - 30} L${cx + 62} ${girdle} L${cx} ${girdle + 70} Z" fill="${gemFill}"/>`);
  out.push(
    `<path d="M${cx - 62} ${girdle} L${cx + 62} ${girdle} M${cx - 40} ${girdle - 30} L${cx - 20} ${girdle} L${cx} ${girdle - 30} L${cx + 20} ${girdle} L${cx + 40} ${girdle - 30} M${cx - 20} ${girdle} L${cx} ${girdle + 70} L${cx + 20} ${girdle} M${cx - 62} ${girdle} L${cx} ${girdle + 70} L${cx + 62} ${girdle}" fill="none" stroke="#fff" stroke-opacity="0.55" stroke-width="1.2"/>`,
  );
  out.push(`<circle cx="${cx - 18}" cy="${girdle - 18}" r="4" fill="#fff"/><path d="M${cx - 18} ${girdle - 34} V${girdle - 2} M${cx - 34} ${girdle - 18} H${cx - 2}" stroke="#fff" stroke-width="1.2" stroke-opacity="0.8"/>`);
  return out.join('');
};

const bottle: Draw = ({ defs, rnd, color, metal, theme }) => {
  const juice = rnd.pick(['#E9C98D', '#D9A86C', '#EBD9C4', '#B9C7A8', '#E4B9AE', '#C98E5E']);
  const cx = 400;
  const bw = rnd.float(220, 280);
  const top = rnd.float(430, 470);
  const x0 = cx - bw / 2;
  const out: string[] = [];
  out.push(contactShadow(defs, cx, FLOOR_Y + 2, bw * 0.75, 16, 0.3));
  // Coloured light thrown through the glass onto the floor.
  out.push(softEllipse(defs, cx + 40, FLOOR_Y + 24, bw * 0.8, 34, juice, 0.45));
  const glass = defs.linear([[0, '#ffffff', 0.55], [0.15, lighten(juice, 0.6), 0.35], [0.8, juice, 0.4], [1, darken(juice, 0.3), 0.6]], 0, 0, 1, 0);
  out.push(`<rect x="${r1(x0)}" y="${r1(top)}" width="${r1(bw)}" height="${r1(FLOOR_Y - top)}" rx="14" fill="${glass}" stroke="#fff" stroke-opacity="0.5" stroke-width="1.5"/>`);
  const liquid = defs.linear([[0, lighten(juice, 0.2)], [0.6, juice], [1, darken(juice, 0.25)]], 0, 0, 1, 0.3);
  out.push(`<rect x="${r1(x0 + 16)}" y="${r1(top + 60)}" width="${r1(bw - 32)}" height="${r1(FLOOR_Y - top - 90)}" rx="6" fill="${liquid}"/>`);
  out.push(`<rect x="${r1(x0 + 16)}" y="${r1(top + 60)}" width="${r1(bw - 32)}" height="4" fill="#fff" fill-opacity="0.45"/>`);
  // Thick glass base and highlights.
  out.push(`<rect x="${r1(x0 + 6)}" y="${FLOOR_Y - 30}" width="${r1(bw - 12)}" height="24" rx="8" fill="#fff" fill-opacity="0.25"/>`);
  out.push(`<rect x="${r1(x0 + 22)}" y="${r1(top + 20)}" width="10" height="${r1(FLOOR_Y - top - 70)}" rx="5" fill="#fff" fill-opacity="0.5"/>`);
  out.push(`<rect x="${r1(x0 + bw - 30)}" y="${r1(top + 40)}" width="4" height="${r1(FLOOR_Y - top - 110)}" rx="2" fill="#fff" fill-opacity="0.35"/>`);
  // Label: a gold-framed plaque, no words.
  const ly = top + (FLOOR_Y - top) * 0.45;
  out.push(`<rect x="${cx - 50}" y="${r1(ly)}" width="100" height="56" fill="${isDark(theme) ? P.ivory : P.porcelain}" fill-opacity="0.85"/><rect x="${cx - 44}" y="${r1(ly + 6)}" width="88" height="44" fill="none" stroke="${metal.mid}" stroke-width="1.5"/>`);
  out.push(`<line x1="${cx - 24}" x2="${cx + 24}" y1="${r1(ly + 28)}" y2="${r1(ly + 28)}" stroke="${metal.mid}" stroke-width="1.2"/>`);
  // Neck and cap.
  out.push(`<rect x="${cx - 26}" y="${r1(top - 26)}" width="52" height="30" fill="${metalFill(defs, metal)}"/>`);
  const capStyle = rnd.pick(['block', 'sphere', 'tall'] as const);
  const capColor = color === P.ivory || color === P.champagne || color === P.blush ? P.onyx : color;
  if (capStyle === 'sphere') {
    out.push(`<circle cx="${cx}" cy="${r1(top - 82)}" r="58" fill="${defs.radial([[0, lighten(capColor, 0.35)], [0.7, capColor], [1, darken(capColor, 0.4)]], 0.35, 0.3, 0.7)}"/>`);
  } else {
    const ch = capStyle === 'tall' ? 150 : 96;
    const cw = capStyle === 'tall' ? 84 : 132;
    out.push(`<rect x="${r1(cx - cw / 2)}" y="${r1(top - 26 - ch)}" width="${cw}" height="${ch}" rx="4" fill="${volume(defs, capColor)}"/>`);
    out.push(`<rect x="${r1(cx - cw / 2)}" y="${r1(top - 26 - ch)}" width="${cw}" height="5" fill="#fff" fill-opacity="0.25"/>`);
  }
  return out.join('');
};

const dress: Draw = ({ defs, rnd, color, metal, theme }) => {
  const cx = 400;
  const waistY = 430;
  const hemY = FLOOR_Y - 20;
  const hem = rnd.float(230, 280);
  const out: string[] = [];
  // A brass hanger rail and hook.
  out.push(`<path d="M${cx - 2} 122 C ${cx - 2} 100 ${cx + 22} 98 ${cx + 22} 118 C ${cx + 22} 134 ${cx} 136 ${cx} 176" fill="none" stroke="${metal.mid}" stroke-width="5" stroke-linecap="round"/>`);
  out.push(`<path d="M${cx - 130} 212 Q${cx} 138 ${cx + 130} 212" fill="none" stroke="${metal.mid}" stroke-width="8" stroke-linecap="round"/>`);
  out.push(contactShadow(defs, cx, FLOOR_Y + 10, hem * 0.9, 14, 0.18));
  // Straps, bodice, skirt.
  out.push(`<path d="M${cx - 92} 200 L${cx - 70} 282 M${cx + 92} 200 L${cx + 70} 282" stroke="${darken(color, 0.15)}" stroke-width="6" stroke-linecap="round"/>`);
  const bodice = `M${cx - 84} 290 Q${cx} 262 ${cx + 84} 290 L${cx + 62} ${waistY} L${cx - 62} ${waistY} Z`;
  out.push(`<path d="${bodice}" fill="${volume(defs, color)}"/>`);
  const skirt = `M${cx - 62} ${waistY} C ${cx - 90} ${waistY + 120} ${cx - hem + 40} ${hemY - 140} ${cx - hem} ${hemY} Q${cx} ${hemY + 40} ${cx + hem} ${hemY} C ${cx + hem - 40} ${hemY - 140} ${cx + 90} ${waistY + 120} ${cx + 62} ${waistY} Z`;
  out.push(`<path d="${skirt}" fill="${volume(defs, color)}"/>`);
  // Folds: soft darker and lighter sweeps from waist to hem, kept inside the skirt.
  const folds = rnd.int(4, 6);
  const foldParts: string[] = [];
  for (let i = 0; i < folds; i++) {
    const t = (i + 0.5) / folds;
    const xw = cx - 50 + t * 100;
    const xh = cx - hem + 30 + t * (hem * 2 - 60) + rnd.float(-14, 14);
    const dark = i % 2 === 0;
    const half = rnd.float(18, 34);
    const tone = dark ? '#000' : '#fff';
    const fold = defs.linear([[0, tone, 0], [0.5, tone, dark ? 0.22 : 0.16], [1, tone, 0]], 0, 0, 1, 0);
    foldParts.push(`<path d="M${r1(xw - 3)} ${waistY + 6} C ${r1(xw + (xh - xw) * 0.2 - half * 0.4)} ${waistY + 160} ${r1(xh - (xh - xw) * 0.1 - half)} ${hemY - 160} ${r1(xh - half)} ${hemY + 14} L${r1(xh + half)} ${hemY + 14} C ${r1(xh - (xh - xw) * 0.1 + half)} ${hemY - 160} ${r1(xw + (xh - xw) * 0.2 + half * 0.4)} ${waistY + 160} ${r1(xw + 3)} ${waistY + 6} Z" fill="${fold}"/>`);
  }
  out.push(`<g clip-path="${defs.clip(`<path d="${skirt}"/>`)}">${foldParts.join('')}</g>`);
  // Waist: a thin gold belt.
  out.push(`<rect x="${cx - 64}" y="${waistY - 5}" width="128" height="10" fill="${metalFill(defs, metal)}"/>`);
  if (isDark(theme)) out.push(`<path d="${skirt}" fill="none" stroke="#fff" stroke-opacity="0.08" stroke-width="2"/>`);
  return out.join('');
};

const suit: Draw = ({ defs, rnd, color, metal }) => {
  const cx = 400;
  const shirt = color === P.ivory || color === P.champagne ? P.onyx : P.porcelain;
  const out: string[] = [];
  out.push(`<path d="M${cx - 2} 122 C ${cx - 2} 100 ${cx + 22} 98 ${cx + 22} 118 C ${cx + 22} 134 ${cx} 136 ${cx} 180" fill="none" stroke="${metal.mid}" stroke-width="5" stroke-linecap="round"/>`);
  out.push(contactShadow(defs, cx, FLOOR_Y + 12, 240, 12, 0.15));
  const hem = 720;
  // Sleeves hang behind the body.
  out.push(`<path d="M${cx - 200} 240 C ${cx - 236} 380 ${cx - 240} 560 ${cx - 226} ${hem - 40} L${cx - 170} ${hem - 36} C ${cx - 176} 560 ${cx - 160} 380 ${cx - 150} 300 Z" fill="${volume(defs, darken(color, 0.12))}"/>`);
  out.push(`<path d="M${cx + 200} 240 C ${cx + 236} 380 ${cx + 240} 560 ${cx + 226} ${hem - 40} L${cx + 170} ${hem - 36} C ${cx + 176} 560 ${cx + 160} 380 ${cx + 150} 300 Z" fill="${volume(defs, darken(color, 0.25))}"/>`);
  const body = `M${cx - 60} 176 L${cx - 200} 222 C ${cx - 214} 300 ${cx - 196} 420 ${cx - 168} 470 C ${cx - 180} 560 ${cx - 190} 650 ${cx - 186} ${hem} L${cx + 186} ${hem} C ${cx + 190} 650 ${cx + 180} 560 ${cx + 168} 470 C ${cx + 196} 420 ${cx + 214} 300 ${cx + 200} 222 L${cx + 60} 176 Z`;
  out.push(`<path d="${body}" fill="${volume(defs, color, 0.8)}"/>`);
  // Shirt and tie in the V.
  const vBottom = rnd.float(440, 480);
  out.push(`<path d="M${cx - 58} 178 L${cx} ${r1(vBottom)} L${cx + 58} 178 Q${cx} 196 ${cx - 58} 178 Z" fill="${shirt}"/>`);
  if (rnd.chance(0.6)) out.push(`<path d="M${cx - 10} 196 L${cx + 10} 196 L${cx + 14} ${r1(vBottom - 40)} L${cx} ${r1(vBottom - 10)} L${cx - 14} ${r1(vBottom - 40)} Z" fill="${rnd.pick([P.oxblood, P.green, P.onyx, P.gold])}"/>`);
  else out.push(`<path d="M${cx - 22} 194 L${cx} 206 L${cx + 22} 194 L${cx + 22} 214 L${cx} 204 L${cx - 22} 214 Z" fill="${P.onyx}"/>`);
  // Lapels with a notch.
  const lapel = (s: number) =>
    `<path d="M${cx + s * 58} 176 L${cx + s * 96} 186 L${cx + s * 104} 262 L${cx + s * 84} 268 L${cx + s * 98} 300 L${cx} ${r1(vBottom)} L${cx + s * 2} ${r1(vBottom)} Z" fill="${darken(color, s > 0 ? 0.2 : 0.05)}" stroke="#000" stroke-opacity="0.2"/>`;
  out.push(lapel(-1), lapel(1));
  // Buttons, pockets, a pocket square.
  for (const dy of [0, 70]) out.push(`<circle cx="${cx + 6}" cy="${r1(vBottom + 30 + dy)}" r="8" fill="${metalFill(defs, metal)}"/>`);
  out.push(`<path d="M${cx - 160} 560 L${cx - 70} 556 M${cx + 70} 556 L${cx + 160} 560" stroke="#000" stroke-opacity="0.3" stroke-width="3"/>`);
  out.push(`<path d="M${cx + 104} 330 L${cx + 160} 326" stroke="#000" stroke-opacity="0.3" stroke-width="3"/><path d="M${cx + 112} 330 l10 -18 l10 14 l10 -16 l8 20 Z" fill="${P.ivory}"/>`);
  out.push(`<path d="M${cx} ${r1(vBottom)} L${cx} ${hem}" stroke="#000" stroke-opacity="0.25" stroke-width="2"/>`);
  return out.join('');
};

const car: Draw = ({ defs, rnd, color, metal, theme }) => {
  const g = FLOOR_Y - 24; // ground line
  const out: string[] = [];
  const paint = color === P.taupe ? P.green : color;
  out.push(contactShadow(defs, 400, g + 4, 330, 16, 0.45));
  // Reflection of the car on a polished floor.
  out.push(softEllipse(defs, 400, g + 30, 330, 36, paint, 0.2));
  const body = `M70 ${g - 34} C 66 ${g - 70} 90 ${g - 92} 150 ${g - 100} L300 ${g - 116} C 350 ${g - 160} 400 ${g - 190} 470 ${g - 192} C 540 ${g - 192} 600 ${g - 160} 660 ${g - 128} C 716 ${g - 114} 736 ${g - 84} 732 ${g - 40} L722 ${g - 22} L660 ${g - 22} A 66 66 0 0 0 528 ${g - 22} L272 ${g - 22} A 66 66 0 0 0 140 ${g - 22} L84 ${g - 22} Z`;
  out.push(`<path d="${body}" fill="${volume(defs, paint, 0.6)}"/>`);
  out.push(`<path d="${body}" fill="${defs.linear([[0, '#fff', 0.3], [0.35, '#fff', 0.05], [0.5, '#000', 0.05], [1, '#000', 0.35]])}"/>`);
  // Glasshouse.
  const glass = defs.linear([[0, '#3A4147'], [0.5, '#15181B'], [1, '#2A2F33']], 0, 0, 1, 0);
  out.push(`<path d="M330 ${g - 118} C 372 ${g - 158} 416 ${g - 178} 470 ${g - 178} C 526 ${g - 178} 574 ${g - 154} 616 ${g - 126} Z" fill="${glass}"/>`);
  out.push(`<path d="M470 ${g - 178} L476 ${g - 122}" stroke="${paint}" stroke-width="6"/>`);
  out.push(`<path d="M350 ${g - 128} C 390 ${g - 160} 430 ${g - 172} 470 ${g - 172}" fill="none" stroke="#fff" stroke-opacity="0.3" stroke-width="2"/>`);
  // Character line and trim.
  out.push(`<path d="M96 ${g - 70} C 300 ${g - 84} 520 ${g - 86} 720 ${g - 72}" fill="none" stroke="#fff" stroke-opacity="0.3" stroke-width="2"/>`);
  out.push(`<path d="M290 ${g - 42} L520 ${g - 42}" stroke="${metal.mid}" stroke-width="3" stroke-linecap="round"/>`);
  out.push(`<path d="M80 ${g - 74} l34 -6 l0 12 Z" fill="#F6F1E4" fill-opacity="0.9"/><path d="M716 ${g - 92} l14 4 l0 16 l-14 -2 Z" fill="${P.oxblood}"/>`);
  // Wheels.
  for (const wx of [206, 594]) {
    out.push(`<circle cx="${wx}" cy="${g - 22}" r="58" fill="#0E0E0E"/>`);
    out.push(`<circle cx="${wx}" cy="${g - 22}" r="38" fill="${metalFill(defs, { light: '#E6E4DF', mid: '#A9A7A1', dark: '#57554F' }, 1)}"/>`);
    const spokes = rnd.int(5, 10);
    const turn = rnd.float(0, Math.PI);
    for (let i = 0; i < spokes; i++) {
      const a = turn + (i / spokes) * Math.PI * 2;
      out.push(`<line x1="${wx}" y1="${g - 22}" x2="${r1(wx + Math.cos(a) * 34)}" y2="${r1(g - 22 + Math.sin(a) * 34)}" stroke="#3A3936" stroke-width="4"/>`);
    }
    out.push(`<circle cx="${wx}" cy="${g - 22}" r="9" fill="${metal.mid}"/>`);
  }
  if (isDark(theme)) out.push(`<path d="${body}" fill="none" stroke="#fff" stroke-opacity="0.12" stroke-width="1.5"/>`);
  return out.join('');
};

const jet: Draw = ({ defs, rnd, metal, theme }) => {
  const y = rnd.float(400, 470);
  const livery = rnd.pick([P.gold, P.oxblood, P.green, P.onyx]);
  const skin = isDark(theme) ? P.ivory : P.porcelain;
  const out: string[] = [];
  out.push(softEllipse(defs, 420, y + 300, 320, 22, '#000', 0.14));
  // Far wing, tail, fuselage, near wing, engine.
  out.push(`<path d="M430 ${r1(y + 8)} L520 ${r1(y - 40)} L560 ${r1(y - 40)} L500 ${r1(y + 10)} Z" fill="${darken(skin, 0.2)}"/>`);
  out.push(`<path d="M600 ${r1(y - 10)} L660 ${r1(y - 150)} L708 ${r1(y - 150)} L690 ${r1(y - 6)} Z" fill="${volume(defs, skin, 0.5)}"/>`);
  out.push(`<path d="M656 ${r1(y - 150)} L716 ${r1(y - 154)} L716 ${r1(y - 142)} L652 ${r1(y - 140)} Z" fill="${livery}"/>`);
  const fuselage = `M70 ${r1(y + 22)} C 90 ${r1(y - 10)} 150 ${r1(y - 30)} 230 ${r1(y - 32)} L640 ${r1(y - 30)} C 690 ${r1(y - 28)} 720 ${r1(y - 14)} 740 ${r1(y - 2)} L720 ${r1(y + 24)} L230 ${r1(y + 40)} C 150 ${r1(y + 40)} 90 ${r1(y + 36)} 70 ${r1(y + 22)} Z`;
  out.push(`<path d="${fuselage}" fill="${defs.linear([[0, lighten(skin, 0.4)], [0.55, skin], [1, darken(skin, 0.22)]])}"/>`);
  out.push(`<path d="M90 ${r1(y + 20)} C 300 ${r1(y + 30)} 560 ${r1(y + 20)} 728 ${r1(y + 6)}" fill="none" stroke="${livery}" stroke-width="5"/>`);
  out.push(`<path d="M98 ${r1(y - 2)} C 110 ${r1(y - 14)} 130 ${r1(y - 20)} 150 ${r1(y - 22)} L146 ${r1(y - 6)} Z" fill="#1D2126"/>`);
  for (let i = 0; i < 7; i++) out.push(`<rect x="${220 + i * 46}" y="${r1(y - 16)}" width="18" height="16" rx="8" fill="#23282D"/>`);
  out.push(`<path d="M330 ${r1(y + 28)} L470 ${r1(y + 24)} L560 ${r1(y + 110)} L520 ${r1(y + 112)} Z" fill="${volume(defs, darken(skin, 0.05), 0.6)}"/>`);
  out.push(`<rect x="560" y="${r1(y - 52)}" width="110" height="36" rx="18" fill="${volume(defs, skin, 0.7)}"/><rect x="560" y="${r1(y - 52)}" width="14" height="36" rx="7" fill="${metal.mid}"/>`);
  return out.join('');
};

const villa: Draw = ({ defs, rnd, theme }) => {
  const g = 660;
  const wall = isDark(theme) ? P.bone : P.porcelain;
  const glass = defs.linear([[0, '#4A5956'], [0.5, '#1C2624'], [1, '#2E3A37']], 0, 0, 1, 1);
  const out: string[] = [];
  // Pool in front, reflecting the sky.
  out.push(`<rect x="60" y="${g + 18}" width="680" height="${FLOOR_Y - g + 40}" fill="${defs.linear([[0, '#5E7E74'], [1, P.green]])}"/>`);
  for (let i = 0; i < 6; i++) out.push(`<line x1="${r1(rnd.float(80, 400))}" x2="${r1(rnd.float(420, 720))}" y1="${g + 40 + i * 22}" y2="${g + 40 + i * 22}" stroke="#fff" stroke-opacity="0.16" stroke-width="2"/>`);
  out.push(`<rect x="60" y="${g + 10}" width="680" height="10" fill="${P.linen}"/>`);
  // Lower storey, cantilevered upper storey, thin roof slabs.
  out.push(`<rect x="130" y="${g - 150}" width="520" height="150" fill="${wall}"/><rect x="190" y="${g - 130}" width="400" height="130" fill="${glass}"/>`);
  for (let x = 270; x < 590; x += 80) out.push(`<line x1="${x}" x2="${x}" y1="${g - 130}" y2="${g}" stroke="${wall}" stroke-width="4"/>`);
  out.push(`<rect x="100" y="${g - 166}" width="620" height="16" fill="${darken(wall, 0.08)}"/>`);
  out.push(`<rect x="260" y="${g - 300}" width="470" height="134" fill="${wall}"/><rect x="300" y="${g - 282}" width="300" height="100" fill="${glass}"/>`);
  out.push(`<rect x="230" y="${g - 316}" width="520" height="16" fill="${darken(wall, 0.08)}"/>`);
  out.push(`<rect x="130" y="${g - 150}" width="520" height="22" fill="${defs.linear([[0, '#000', 0.2], [1, '#000', 0]])}"/>`);
  // Warm interior light and a gold line detail.
  out.push(`<rect x="200" y="${g - 120}" width="120" height="110" fill="${P.champagne}" fill-opacity="0.35"/><rect x="610" y="${g - 276}" width="100" height="90" fill="${P.goldLight}" fill-opacity="0.3"/>`);
  out.push(`<line x1="100" x2="720" y1="${g - 150}" y2="${g - 150}" stroke="${P.gold}" stroke-width="2"/>`);
  // A slim cypress or two.
  for (const x of rnd.sample([70, 110, 700, 745], 2)) out.push(`<path d="M${x} ${g + 10} C ${x - 22} ${g - 80} ${x - 10} ${g - 200} ${x} ${g - 240} C ${x + 10} ${g - 200} ${x + 22} ${g - 80} ${x} ${g + 10} Z" fill="${P.greenDeep}"/>`);
  return out.join('');
};

const yacht: Draw = ({ defs, rnd, theme }) => {
  const w = 640;
  const hull = isDark(theme) ? P.ivory : P.porcelain;
  const accent = rnd.pick([P.onyx, P.green, P.oxblood]);
  const out: string[] = [];
  out.push(`<rect x="0" y="650" width="800" height="350" fill="${defs.linear([[0, '#6E8A86', 0.6], [1, P.green, 0.9]])}"/>`);
  for (let i = 0; i < 9; i++) out.push(`<line x1="${r1(rnd.float(40, 380))}" x2="${r1(rnd.float(420, 760))}" y1="${680 + i * 26}" y2="${680 + i * 26}" stroke="#fff" stroke-opacity="${r1(0.22 - i * 0.02)}" stroke-width="2"/>`);
  const x0 = (800 - w) / 2;
  out.push(`<path d="M${x0} 600 L${x0 + w} 590 L${x0 + w - 40} 666 L${x0 + 60} 672 Z" fill="${volume(defs, hull, 0.5)}"/>`);
  out.push(`<path d="M${x0 + 30} 640 L${x0 + w - 20} 632" stroke="${accent}" stroke-width="6"/>`);
  out.push(`<path d="M${x0 + 120} 600 L${x0 + 180} 540 L${x0 + w - 120} 536 L${x0 + w - 80} 592 Z" fill="${volume(defs, hull, 0.4)}"/>`);
  out.push(`<path d="M${x0 + 200} 560 L${x0 + w - 130} 556 L${x0 + w - 112} 580 L${x0 + 180} 584 Z" fill="#1D2427"/>`);
  out.push(`<path d="M${x0 + 240} 536 L${x0 + 280} 494 L${x0 + w - 200} 492 L${x0 + w - 170} 534 Z" fill="${volume(defs, hull, 0.3)}"/>`);
  out.push(`<path d="M${x0 + 296} 512 L${x0 + w - 206} 510 L${x0 + w - 196} 526 L${x0 + 286} 528 Z" fill="#1D2427"/>`);
  out.push(softEllipse(defs, 400, 690, 320, 26, '#fff', 0.16));
  return out.join('');
};

const necklace: Draw = ({ defs, rnd, metal, words }) => {
  const gem = rnd.pick(['#F4F7FA', P.green, P.oxblood, '#22365A']);
  const pearls = words.includes('pearls') || words.includes('pearl') || rnd.chance(0.3);
  const out: string[] = [];
  // A velvet bust form.
  const velvet = rnd.pick([P.onyx, P.green, P.oxblood, P.charcoal]);
  const bust = `M250 ${FLOOR_Y} C 250 700 236 640 200 600 C 170 566 190 520 250 500 C 300 484 340 470 356 430 C 364 400 362 340 358 300 L442 300 C 438 340 436 400 444 430 C 460 470 500 484 550 500 C 610 520 630 566 600 600 C 564 640 550 700 550 ${FLOOR_Y} Z`;
  out.push(contactShadow(defs, 400, FLOOR_Y + 4, 220, 16, 0.3));
  out.push(`<path d="${bust}" fill="${volume(defs, velvet, 0.6)}"/><ellipse cx="400" cy="300" rx="48" ry="12" fill="${lighten(velvet, 0.1)}"/>`);
  // The chain (or string of pearls) draped around the neck.
  const n = pearls ? 26 : 46;
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const a = Math.PI * (0.08 + 0.84 * t);
    const x = 400 - Math.cos(a) * 96;
    const y = 380 + Math.sin(a) * 150;
    out.push(pearls ? `<circle cx="${r1(x)}" cy="${r1(y)}" r="8" fill="${defs.radial([[0, '#FFFFFF'], [0.6, P.pearl], [1, P.stone]], 0.35, 0.3, 0.7)}"/>` : `<circle cx="${r1(x)}" cy="${r1(y)}" r="3" fill="${metal.mid}"/>`);
  }
  const py = 540;
  out.push(`<path d="M400 ${py - 20} L426 ${py + 12} L400 ${py + 60} L374 ${py + 12} Z" fill="${defs.linear([[0, lighten(gem, 0.5)], [0.5, gem], [1, darken(gem, 0.35)]], 0, 0, 1, 1)}" stroke="${metal.mid}" stroke-width="3"/>`);
  out.push(`<path d="M374 ${py + 12} L426 ${py + 12} M400 ${py - 20} L400 ${py + 60}" stroke="#fff" stroke-opacity="0.5" stroke-width="1"/>`);
  return out.join('');
};

const sunglasses: Draw = ({ defs, rnd, color, metal }) => {
  const cat = rnd.chance(0.5);
  const frame = color === P.ivory || color === P.champagne ? P.onyx : color;
  const lens = defs.linear([[0, '#5A4A3E'], [0.6, '#1E1A17'], [1, '#0E0C0B']]);
  const out: string[] = [];
  out.push(softEllipse(defs, 400, 640, 290, 28, '#000', 0.25));
  // Temples receding behind.
  out.push(`<path d="M150 470 L118 520 M650 470 L682 520" stroke="${darken(frame, 0.2)}" stroke-width="12" stroke-linecap="round"/>`);
  const eye = (s: number) => {
    const x = 400 + s * 130;
    const d = cat
      ? `M${x - 120} 460 C ${x - 120 + (s > 0 ? 20 : 0)} 420 ${x + 110} 410 ${x + 120} 440 C ${x + 126} 520 ${x + 60} 560 ${x} 560 C ${x - 80} 560 ${x - 120} 520 ${x - 120} 460 Z`
      : `M${x} 400 A 110 104 0 1 1 ${x - 0.1} 400 Z`;
    return `<path d="${d}" fill="${volume(defs, frame)}" transform="${s < 0 && cat ? `matrix(-1 0 0 1 ${2 * x} 0)` : ''}"/><path d="${d}" fill="${lens}" transform="${s < 0 && cat ? `matrix(-1 0 0 1 ${2 * x} 0) ` : ''}translate(${x} 485) scale(0.84) translate(${-x} -485)"/>`;
  };
  out.push(eye(-1), eye(1));
  out.push(`<path d="M360 470 Q400 448 440 470" fill="none" stroke="${frame}" stroke-width="12"/>`);
  out.push(`<path d="M206 450 Q240 430 290 436 M466 450 Q500 430 550 436" fill="none" stroke="#fff" stroke-opacity="0.35" stroke-width="6" stroke-linecap="round"/>`);
  out.push(`<rect x="138" y="454" width="26" height="10" rx="3" fill="${metal.mid}"/><rect x="636" y="454" width="26" height="10" rx="3" fill="${metal.mid}"/>`);
  return out.join('');
};

const sculpture: Draw = ({ defs, rnd, color, metal, theme }) => {
  const out: string[] = [];
  const stone = isDark(theme) ? lighten(theme.bottom, 0.12) : darken(theme.top, 0.06);
  out.push(contactShadow(defs, 400, FLOOR_Y + 4, 240, 18, 0.3));
  // Stepped plinths.
  out.push(`<rect x="190" y="${FLOOR_Y - 90}" width="420" height="90" fill="${volume(defs, stone, 0.5)}"/><rect x="190" y="${FLOOR_Y - 90}" width="420" height="5" fill="#fff" fill-opacity="0.3"/>`);
  out.push(`<rect x="260" y="${FLOOR_Y - 170}" width="280" height="80" fill="${volume(defs, lighten(stone, 0.05), 0.5)}"/><rect x="260" y="${FLOOR_Y - 170}" width="280" height="5" fill="#fff" fill-opacity="0.3"/>`);
  const form = rnd.pick(['sphere', 'arch', 'ovoid'] as const);
  const base = FLOOR_Y - 170;
  if (form === 'sphere') {
    out.push(softEllipse(defs, 400, base, 126, 14, '#000', 0.35));
    out.push(`<circle cx="400" cy="${base - 120}" r="120" fill="${defs.radial([[0, lighten(color, 0.35)], [0.6, color], [1, darken(color, 0.45)]], 0.35, 0.3, 0.75)}"/>`);
  } else if (form === 'arch') {
    out.push(`<path fill-rule="evenodd" d="M280 ${base} L280 ${base - 170} A120 120 0 0 1 520 ${base - 170} L520 ${base} Z M340 ${base} L340 ${base - 170} A60 60 0 0 1 460 ${base - 170} L460 ${base} Z" fill="${volume(defs, color)}"/>`);
  } else {
    out.push(`<ellipse cx="400" cy="${base - 150}" rx="90" ry="150" fill="${defs.radial([[0, lighten(color, 0.3)], [0.65, color], [1, darken(color, 0.45)]], 0.35, 0.3, 0.8)}"/>`);
  }
  out.push(`<line x1="300" x2="500" y1="${FLOOR_Y - 130}" y2="${FLOOR_Y - 130}" stroke="${metal.mid}" stroke-width="2"/>`);
  return out.join('');
};

const DRAW: Record<ProductObject, Draw> = { bag, shoe, watch, ring, bottle, dress, suit, car, jet, villa, yacht, necklace, sunglasses, sculpture };
