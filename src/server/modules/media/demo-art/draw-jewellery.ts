// Jewellery: rings on a plinth, necklaces and pendants on a velvet bust, bracelets and earrings.
import type { Random } from '../../../../shared/random.ts';
import { darken, lighten, PALETTE as P, r1, softEllipse } from './svg-kit.ts';
import { contactShadow, type Draw, FLOOR_Y, isDark, metalFill, volume } from './still-life-kit.ts';

export const ring: Draw = ({ defs, rnd, metal, theme, words }) => {
  const cx = 400;
  const gem = gemOf(words, rnd);
  const out: string[] = [];
  // A small plinth the ring stands on.
  const plinthTop = FLOOR_Y - 70;
  const stone = isDark(theme) ? lighten(theme.bottom, 0.1) : darken(theme.top, 0.08);
  out.push(contactShadow(defs, cx, FLOOR_Y + 4, 220, 18, 0.3));
  out.push(
    `<rect x="200" y="${plinthTop}" width="400" height="${FLOOR_Y - plinthTop}" fill="${volume(defs, stone, 0.5)}"/><rect x="200" y="${plinthTop}" width="400" height="6" fill="#fff" fill-opacity="0.25"/>`,
  );
  const by = plinthTop - 130;
  out.push(softEllipse(defs, cx, plinthTop - 2, 136, 16, '#000', 0.4));
  // The band: an upright ellipse ring, in perspective.
  out.push(
    `<path fill-rule="evenodd" d="M${cx - 128} ${by} A128 130 0 1 0 ${cx + 128} ${by} A128 130 0 1 0 ${cx - 128} ${by} Z M${cx - 108} ${by + 4} A108 112 0 1 0 ${cx + 108} ${by + 4} A108 112 0 1 0 ${cx - 108} ${by + 4} Z" fill="${metalFill(defs, metal, 1)}"/>`,
  );
  out.push(
    `<path d="M${cx - 112} ${by + 40} A118 122 0 0 0 ${cx + 40} ${by + 120}" fill="none" stroke="#fff" stroke-opacity="0.35" stroke-width="3"/>`,
  );
  // Setting and stone (a brilliant cut in profile: crown above the girdle, pavilion below).
  const gy = by - 130;
  out.push(
    `<path d="M${cx - 26} ${gy + 66} L${cx - 40} ${gy + 10} M${cx + 26} ${gy + 66} L${cx + 40} ${gy + 10}" stroke="${metal.mid}" stroke-width="7" stroke-linecap="round"/>`,
  );
  const girdle = gy;
  const gemFill = defs.linear(
    [
      [0, lighten(gem, 0.5)],
      [0.5, gem],
      [1, darken(gem, 0.3)],
    ],
    0,
    0,
    1,
    1,
  );
  out.push(
    `<path d="M${cx - 62} ${girdle} L${cx - 40} ${girdle - 30} L${cx + 40} ${girdle - 30} L${cx + 62} ${girdle} L${cx} ${girdle + 70} Z" fill="${gemFill}"/>`,
  );
  out.push(
    `<path d="M${cx - 62} ${girdle} L${cx + 62} ${girdle} M${cx - 40} ${girdle - 30} L${cx - 20} ${girdle} L${cx} ${girdle - 30} L${cx + 20} ${girdle} L${cx + 40} ${girdle - 30} M${cx - 20} ${girdle} L${cx} ${girdle + 70} L${cx + 20} ${girdle} M${cx - 62} ${girdle} L${cx} ${girdle + 70} L${cx + 62} ${girdle}" fill="none" stroke="#fff" stroke-opacity="0.55" stroke-width="1.2"/>`,
  );
  out.push(
    `<circle cx="${cx - 18}" cy="${girdle - 18}" r="4" fill="#fff"/><path d="M${cx - 18} ${girdle - 34} V${girdle - 2} M${cx - 34} ${girdle - 18} H${cx - 2}" stroke="#fff" stroke-width="1.2" stroke-opacity="0.8"/>`,
  );
  return out.join('');
};

export const necklace: Draw = ({ defs, rnd, metal, words, style }) => {
  const gem = gemOf(words, rnd);
  // A pendant hangs on a fine chain; only a piece of pearls is strung with them.
  const pearls = style !== 'pendant' && (words.includes('pearls') || words.includes('pearl'));
  const out: string[] = [];
  // A velvet bust form.
  const velvet = rnd.pick([P.onyx, P.green, P.oxblood, P.charcoal]);
  const bust = `M250 ${FLOOR_Y} C 250 700 236 640 200 600 C 170 566 190 520 250 500 C 300 484 340 470 356 430 C 364 400 362 340 358 300 L442 300 C 438 340 436 400 444 430 C 460 470 500 484 550 500 C 610 520 630 566 600 600 C 564 640 550 700 550 ${FLOOR_Y} Z`;
  out.push(contactShadow(defs, 400, FLOOR_Y + 4, 220, 16, 0.3));
  out.push(
    `<path d="${bust}" fill="${volume(defs, velvet, 0.6)}"/><ellipse cx="400" cy="300" rx="48" ry="12" fill="${lighten(velvet, 0.1)}"/>`,
  );
  // The chain (or string of pearls) draped around the neck.
  const n = pearls ? 26 : 46;
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const a = Math.PI * (0.08 + 0.84 * t);
    const x = 400 - Math.cos(a) * 96;
    const y = 380 + Math.sin(a) * 150;
    out.push(
      pearls
        ? `<circle cx="${r1(x)}" cy="${r1(y)}" r="8" fill="${defs.radial(
            [
              [0, '#FFFFFF'],
              [0.6, P.pearl],
              [1, P.stone],
            ],
            0.35,
            0.3,
            0.7,
          )}"/>`
        : `<circle cx="${r1(x)}" cy="${r1(y)}" r="3" fill="${metal.mid}"/>`,
    );
  }
  const py = 540;
  out.push(
    `<path d="M400 ${py - 20} L426 ${py + 12} L400 ${py + 60} L374 ${py + 12} Z" fill="${defs.linear(
      [
        [0, lighten(gem, 0.5)],
        [0.5, gem],
        [1, darken(gem, 0.35)],
      ],
      0,
      0,
      1,
      1,
    )}" stroke="${metal.mid}" stroke-width="3"/>`,
  );
  out.push(
    `<path d="M374 ${py + 12} L426 ${py + 12} M400 ${py - 20} L400 ${py + 60}" stroke="#fff" stroke-opacity="0.5" stroke-width="1"/>`,
  );
  return out.join('');
};

/** The stone a name speaks of ("…-with-emeralds"), else mostly diamonds. */
function gemOf(words: readonly string[], rnd: Random): string {
  if (words.some((w) => w.startsWith('emerald') || w === 'malachite')) return '#1E6B4A';
  if (words.some((w) => w.startsWith('rub'))) return '#9B1B30';
  if (words.some((w) => w.startsWith('sapphire'))) return '#1F3F8A';
  if (words.includes('onyx')) return '#141414';
  if (words.some((w) => w.startsWith('pearl') || w === 'mother')) return '#F3EEE6';
  if (words.some((w) => w.startsWith('diamond') || w === 'brilliant')) return '#F4F7FA';
  return rnd.weighted([
    ['#F4F7FA', 4],
    [P.green, 1],
    ['#22365A', 1],
  ] as const);
}

/** A bangle or bracelet standing on its edge on a plinth, set with a line of stones. */
export const bracelet: Draw = ({ defs, rnd, metal, theme, words }) => {
  const cx = 400;
  const gem = gemOf(words, rnd);
  const plinthTop = FLOOR_Y - 70;
  const stone = isDark(theme) ? lighten(theme.bottom, 0.1) : darken(theme.top, 0.08);
  const out: string[] = [];
  out.push(contactShadow(defs, cx, FLOOR_Y + 4, 220, 18, 0.3));
  out.push(
    `<rect x="200" y="${plinthTop}" width="400" height="${FLOOR_Y - plinthTop}" fill="${volume(defs, stone, 0.5)}"/><rect x="200" y="${plinthTop}" width="400" height="6" fill="#fff" fill-opacity="0.25"/>`,
  );
  const cy = plinthTop - 150;
  out.push(softEllipse(defs, cx, plinthTop - 2, 170, 18, '#000', 0.4));
  // The band as a wide ellipse seen a little from above: the back half first, then the front.
  out.push(
    `<path fill-rule="evenodd" d="M${cx - 170} ${cy} A170 150 0 1 0 ${cx + 170} ${cy} A170 150 0 1 0 ${cx - 170} ${cy} Z M${cx - 146} ${cy} A146 128 0 1 0 ${cx + 146} ${cy} A146 128 0 1 0 ${cx - 146} ${cy} Z" fill="${metalFill(defs, metal, 1)}"/>`,
  );
  out.push(
    `<path d="M${cx - 150} ${cy + 40} A160 140 0 0 0 ${cx + 60} ${cy + 140}" fill="none" stroke="#fff" stroke-opacity="0.4" stroke-width="3"/>`,
  );
  for (let i = 0; i < 9; i++) {
    const a = Math.PI * (0.15 + (0.7 * i) / 8);
    const x = cx - Math.cos(a) * 158;
    const y = cy + Math.sin(a) * 139;
    out.push(
      `<circle cx="${r1(x)}" cy="${r1(y)}" r="8" fill="${defs.radial(
        [
          [0, lighten(gem, 0.6)],
          [0.6, gem],
          [1, darken(gem, 0.3)],
        ],
        0.35,
        0.3,
        0.7,
      )}"/>`,
    );
  }
  return out.join('');
};

/** A pair of drop earrings hanging from a slim brass stand. */
export const earrings: Draw = ({ defs, rnd, metal, theme, words }) => {
  const gem = gemOf(words, rnd);
  const out: string[] = [];
  const bar = isDark(theme) ? lighten(theme.bottom, 0.2) : darken(theme.top, 0.25);
  out.push(contactShadow(defs, 400, FLOOR_Y + 2, 200, 14, 0.25));
  out.push(
    `<rect x="392" y="300" width="16" height="${FLOOR_Y - 300}" fill="${volume(defs, bar, 0.4)}"/><rect x="300" y="${FLOOR_Y - 16}" width="200" height="16" rx="4" fill="${volume(defs, bar, 0.4)}"/>`,
  );
  out.push(`<rect x="230" y="292" width="340" height="14" rx="7" fill="${volume(defs, bar, 0.4)}"/>`);
  for (const x of [290, 510]) {
    out.push(`<path d="M${x} 306 C ${x - 14} 330 ${x - 14} 350 ${x} 366" fill="none" stroke="${metal.mid}" stroke-width="4"/>`);
    out.push(`<circle cx="${x}" cy="376" r="14" fill="${metalFill(defs, metal, 1)}"/>`);
    out.push(`<line x1="${x}" y1="390" x2="${x}" y2="440" stroke="${metal.mid}" stroke-width="3"/>`);
    out.push(
      `<path d="M${x} 440 C ${x + 44} 480 ${x + 40} 556 ${x} 580 C ${x - 40} 556 ${x - 44} 480 ${x} 440 Z" fill="${defs.linear(
        [
          [0, lighten(gem, 0.55)],
          [0.5, gem],
          [1, darken(gem, 0.35)],
        ],
        0,
        0,
        1,
        1,
      )}" stroke="${metal.mid}" stroke-width="3"/>`,
    );
    out.push(
      `<path d="M${x - 12} 476 C ${x - 16} 500 ${x - 14} 530 ${x - 6} 550" fill="none" stroke="#fff" stroke-opacity="0.5" stroke-width="3"/>`,
    );
  }
  return out.join('');
};
