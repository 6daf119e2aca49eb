// Stylists' portraits: a figure in profile on a tonal ground, drawn in an 800 × 1000 space (4:5). Each name draws its own
// person: skin tone, hair (colour and style), garment and jewel, the way they face and how closely they are framed.
import type { Random } from '../../../../shared/random.ts';
import { darken, type Defs, lighten, luminance, mix, PALETTE as P, r1 } from './svg-kit.ts';

interface Scheme {
  ground: string;
  figure: string;
  accent: string;
}

const SCHEMES: readonly (readonly [Scheme, number])[] = [
  [{ ground: '#E9DCC6', figure: P.onyx, accent: P.gold }, 3],
  [{ ground: P.ivory, figure: '#2A2522', accent: P.gold }, 2],
  [{ ground: '#1F3A2F', figure: '#E4D2AE', accent: P.goldLight }, 2],
  [{ ground: '#5A1D23', figure: '#EBD9C2', accent: P.goldLight }, 1.5],
  [{ ground: '#DCC6B9', figure: P.oxbloodDeep, accent: P.gold }, 1.5],
  [{ ground: '#2B2926', figure: '#C9B48C', accent: P.goldLight }, 1.5],
  [{ ground: '#CBD0C4', figure: P.greenDeep, accent: P.gold }, 1],
];

const W = 800;
const H = 1000;

/** The face and neck in profile, facing left; the head is centred near (430, 400). */
const PROFILE =
  'M446 236 C 400 234 362 258 350 300 C 344 322 342 338 336 352 C 328 370 312 386 306 398 C 302 406 308 412 320 414 ' +
  'C 326 416 326 424 322 430 C 330 434 332 438 328 444 C 324 452 326 458 334 462 C 338 466 336 480 338 490 ' +
  'C 342 506 362 514 382 514 C 398 514 404 530 404 548 C 404 580 400 610 394 640 ' +
  'L 540 640 C 528 600 522 560 524 520 C 552 500 572 460 574 410 C 578 320 524 238 446 236 Z';

/** The front contour alone (brow, nose, lips, chin, throat), for a rim light. */
const FACE_EDGE =
  'M350 300 C 344 322 342 338 336 352 C 328 370 312 386 306 398 C 302 406 308 412 320 414 C 326 416 326 424 322 430 ' +
  'C 330 434 332 438 328 444 C 324 452 326 458 334 462 C 338 466 336 480 338 490 C 342 506 362 514 382 514 C 398 514 404 530 404 548';

/** Shoulders and chest under the neck, sloping gently on both sides; a neckline variant is drawn on top. */
const SHOULDERS = `M398 590 C 396 650 364 684 300 704 C 220 728 150 754 122 820 C 106 862 98 930 94 ${H} L744 ${H} C 740 930 728 862 704 822 C 676 764 606 724 566 694 C 544 674 534 640 532 590 Z`;

function shoulders(figure: string, defs: Defs): string {
  const fill = defs.linear(
    [
      [0, lighten(figure, 0.08)],
      [1, darken(figure, 0.12)],
    ],
    0,
    0,
    1,
    0.2,
  );
  return `<path d="${SHOULDERS}" fill="${fill}"/>`;
}

type Hair = (tone: string, accent: string, rnd: Random) => string;

/** Skin tones from deep to fair. */
const SKIN = ['#4A2E22', '#5E3A28', '#7A4B33', '#8D5A3B', '#A86F4C', '#BF8A64', '#D2A17D', '#E0B896', '#EAC9AA', '#F1D6BF'];
/** Hair: black, browns, auburn, blond, silver. */
const HAIR_TONES = ['#141110', '#241A15', '#3B2A20', '#5A3A26', '#7A3F24', '#B08850', '#D2B27A', '#A9A6A2'];
/** What they wear: the house palette's blacks, ivories, camels, greens and oxbloods. */
const CLOTH = [P.onyx, P.ink, P.ivory, '#B98B5A', P.green, P.oxblood, '#1E2A44', P.taupe, P.blush];

// Every style starts at the hairline on the forehead (348, 304) so it meets the face without a notch.
const CROWN = 'M348 304 C 342 252 390 220 448 222 C 534 224 584 300 580 402';
const HAIRLINE = 'C 520 470 504 440 490 420 C 468 380 430 330 382 312 C 366 306 356 304 348 304 Z';

const HAIR: Record<string, Hair> = {
  short: (tone) =>
    `<path d="M344 312 C 336 256 388 222 448 222 C 530 224 576 292 570 372 C 566 404 552 424 536 430 C 528 390 510 356 484 336 C 450 318 400 312 344 312 Z" fill="${tone}"/>`,
  curls: (tone, _a, rnd) =>
    Array.from({ length: 26 }, (_, i) => {
      // Around the crown and the back of the head only, never over the face.
      const a = Math.PI * (1.3 + (i / 25) * 1.1);
      const r = 118 + rnd.float(-8, 12);
      return `<circle cx="${r1(486 + Math.cos(a) * r)}" cy="${r1(352 + Math.sin(a) * r)}" r="${r1(rnd.float(30, 42))}" fill="${tone}"/>`;
    }).join('') + `<path d="${CROWN} C 578 450 560 494 532 512 ${HAIRLINE}" fill="${tone}"/>`,
  chignon: (tone, _a, rnd) =>
    `<path d="${CROWN} C 578 450 560 494 532 512 ${HAIRLINE}" fill="${tone}"/>` +
    (rnd.chance(0.5) ? `<ellipse cx="584" cy="462" rx="54" ry="46" fill="${tone}"/>` : `<circle cx="566" cy="262" r="56" fill="${tone}"/>`),
  long: (tone) =>
    `<path d="${CROWN} C 596 470 598 560 612 650 C 620 704 646 736 676 752 L 566 752 C 544 680 520 560 500 450 C 480 390 436 334 382 312 C 366 306 356 304 348 304 Z" fill="${tone}"/>`,
  crop: (tone) =>
    `<path d="M342 326 C 330 262 384 218 448 220 C 536 222 586 300 578 400 C 574 440 556 470 534 486 ${HAIRLINE}" fill="${tone}"/>`,
  hat: (tone, accent) =>
    `<path d="${CROWN} C 578 450 560 494 532 512 ${HAIRLINE}" fill="${tone}"/><ellipse cx="578" cy="466" rx="46" ry="40" fill="${tone}"/>` +
    `<g transform="rotate(-7 450 262)"><path d="M364 262 C 362 196 402 166 452 166 C 508 166 546 196 544 262 Z" fill="${tone}"/>` +
    `<rect x="364" y="236" width="180" height="13" fill="${accent}" fill-opacity="0.85"/>` +
    `<path d="M184 266 C 250 246 650 246 716 266 C 650 288 250 288 184 266 Z" fill="${tone}"/></g>`,
  wrap: (tone, accent) =>
    `<path d="M346 302 C 326 222 396 168 472 176 C 566 186 606 262 594 362 C 590 404 574 426 552 436 C 540 384 504 326 446 304 C 404 290 372 292 346 302 Z" fill="${tone}"/>` +
    `<path d="M362 282 C 420 238 520 234 580 292 M380 232 C 440 210 520 220 566 250" fill="none" stroke="${accent}" stroke-width="2.4" stroke-opacity="0.7"/>`,
};

type Neckline = (figure: string, accent: string) => string;

const NECKLINES: Record<string, Neckline> = {
  bare: (_f, accent) =>
    `<path d="M300 716 C 360 736 420 740 470 722" fill="none" stroke="${accent}" stroke-width="1.6" stroke-opacity="0.7"/>`,
  turtleneck: (f, accent) =>
    `<path d="M392 586 C 420 604 508 604 538 584 L 548 684 C 510 706 420 706 384 688 Z" fill="${darken(f, 0.14)}"/><path d="M392 586 C 420 604 508 604 538 584" fill="none" stroke="${accent}" stroke-opacity="0.5" stroke-width="1.4"/>`,
  drape: (f, accent) =>
    `<path d="M150 760 C 300 800 420 820 540 790 C 620 770 680 770 724 800 L744 ${H} L94 ${H} C 100 860 120 800 150 760 Z" fill="${darken(f, 0.12)}"/><path d="M150 760 C 300 800 420 820 540 790 C 620 770 680 770 724 800" fill="none" stroke="${accent}" stroke-width="1.6" stroke-opacity="0.7"/>`,
  pearls: (_f, accent) =>
    Array.from({ length: 11 }, (_, i) => {
      const t = i / 10;
      const x = 398 + t * 136;
      const y = 630 + Math.sin(t * Math.PI) * 34;
      return `<circle cx="${r1(x)}" cy="${r1(y)}" r="7.5" fill="${lighten(accent, 0.55)}"/>`;
    }).join(''),
};

/** A profile silhouette with hair, neckline, a gold earring and an arch or disc behind. */
export function drawPortrait(defs: Defs, rnd: Random): string {
  const s = rnd.weighted(SCHEMES);
  const out: string[] = [];
  const ground = defs.radial(
    [
      [0, lighten(s.ground, 0.12)],
      [0.7, s.ground],
      [1, darken(s.ground, 0.18)],
    ],
    0.45,
    0.4,
    0.8,
  );
  out.push(`<rect width="${W}" height="${H}" fill="${ground}"/>`);
  const backdrop = rnd.pick(['arch', 'disc', 'lines', 'none'] as const);
  const tone = mix(s.ground, s.figure, 0.12);
  if (backdrop === 'arch') {
    out.push(`<path d="M190 ${H} L190 400 A230 230 0 0 1 650 400 L650 ${H} Z" fill="${tone}"/>`);
  } else if (backdrop === 'disc') {
    out.push(`<circle cx="${r1(rnd.float(420, 500))}" cy="${r1(rnd.float(360, 420))}" r="${r1(rnd.float(230, 290))}" fill="${tone}"/>`);
  } else if (backdrop === 'lines') {
    for (let i = 0; i < 3; i++)
      out.push(
        `<circle cx="460" cy="400" r="${250 + i * 28}" fill="none" stroke="${s.accent}" stroke-opacity="${r1(0.5 - i * 0.12)}" stroke-width="1.4"/>`,
      );
  }
  // The figure faces left or right.
  const facingRight = rnd.chance(0.5);
  const figure: string[] = [];
  const hair = rnd.pick(Object.keys(HAIR));
  const skin = rnd.pick(SKIN);
  const hairTone = rnd.pick(HAIR_TONES);
  const cloth = rnd.pick(CLOTH.filter((c) => Math.abs(luminance(c) - luminance(s.ground)) > 0.15));
  figure.push(shoulders(cloth, defs));
  const face = defs.linear(
    [
      [0, lighten(skin, 0.1)],
      [0.6, skin],
      [1, darken(skin, 0.18)],
    ],
    0,
    0,
    1,
    0.3,
  );
  figure.push(`<path d="${PROFILE}" fill="${face}"/>`);
  // Features, lightly: brow, closed-lid eye, a touch of colour on cheek and lips.
  const line = darken(skin, 0.55);
  figure.push(
    `<path d="M352 330 C 362 322 380 320 394 326" fill="none" stroke="${darken(hairTone, 0.1)}" stroke-width="5" stroke-linecap="round"/>`,
  );
  figure.push(
    `<path d="M360 352 C 368 358 380 358 388 352" fill="none" stroke="${line}" stroke-width="3" stroke-linecap="round"/><path d="M364 356 l-4 6 M372 358 l-2 7 M380 357 l0 7" stroke="${line}" stroke-width="1.6"/>`,
  );
  figure.push(`<ellipse cx="392" cy="410" rx="30" ry="20" fill="${rnd.pick(['#C86F63', '#B5574E', '#D98C7A'])}" fill-opacity="0.14"/>`);
  figure.push(
    `<path d="M322 431 C 328 434 330 440 327 444 M329 447 C 333 452 332 457 334 460" fill="none" stroke="${mix(skin, rnd.pick(['#8E2F35', '#A8544B', '#6E2A2E']), 0.6)}" stroke-width="4" stroke-linecap="round"/>`,
  );
  // Garments stay inside the shoulders' outline; the roll collar may rise above it.
  const neckline = rnd.pick(Object.keys(NECKLINES));
  const garment = NECKLINES[neckline]!(cloth, s.accent);
  figure.push(
    neckline === 'turtleneck' || neckline === 'pearls' ? garment : `<g clip-path="${defs.clip(`<path d="${SHOULDERS}"/>`)}">${garment}</g>`,
  );
  figure.push(HAIR[hair]!(hairTone, s.accent, rnd));
  if (hair !== 'long' && hair !== 'wrap') {
    // Earring: a small gold drop under the ear.
    const drop = rnd.chance(0.5);
    figure.push(
      drop
        ? `<line x1="484" y1="448" x2="484" y2="486" stroke="${s.accent}" stroke-width="2"/><circle cx="484" cy="494" r="9" fill="${s.accent}"/>`
        : `<circle cx="484" cy="452" r="7" fill="${s.accent}"/>`,
    );
  }
  // Rim light along the face edge, from the side the figure looks to.
  figure.push(
    `<path d="${FACE_EDGE}" fill="none" stroke="${lighten(s.figure, 0.5)}" stroke-opacity="0.2" stroke-width="3" stroke-linecap="round"/>`,
  );
  // Framing: a head-and-shoulders or a closer crop, a little off centre, the head slightly tilted.
  const zoom = rnd.pick([1, 1, 1.12, 1.22]);
  const tilt = rnd.float(-4, 4);
  const frame = `translate(400 560) scale(${zoom}) rotate(${r1(tilt)}) translate(-400 -560)`;
  out.push(`<g transform="${frame} ${facingRight ? `matrix(-1 0 0 1 ${W} 0)` : 'translate(-20 0)'}">${figure.join('')}</g>`);
  // A light wash across the whole image.
  out.push(
    `<rect width="${W}" height="${H}" fill="${defs.linear(
      [
        [0, '#fff', 0.08],
        [0.6, '#fff', 0],
        [1, '#000', 0.12],
      ],
      0,
      0,
      1,
      1,
    )}"/>`,
  );
  return out.join('');
}
