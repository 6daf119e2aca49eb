// Garments on a hanger (gowns, dresses, blouses; suits, jackets, coats) and the dress form that stands for a fitting.
import { darken, PALETTE as P, r1 } from './svg-kit.ts';
import { contactShadow, type Draw, FLOOR_Y, isDark, metalFill, volume } from './still-life-kit.ts';

export const dress: Draw = ({ defs, rnd, color, metal, theme, style }) => {
  const cx = 400;
  const waistY = 430;
  // A gown sweeps the floor, a dress stops at the knee, a blouse at the hip.
  const hemY = style === 'blouse' ? 560 : style === 'dress' ? 680 : FLOOR_Y - 20;
  const hem = style === 'blouse' ? 110 : style === 'dress' ? rnd.float(170, 200) : rnd.float(230, 280);
  const out: string[] = [];
  // A brass hanger rail and hook.
  out.push(
    `<path d="M${cx - 2} 122 C ${cx - 2} 100 ${cx + 22} 98 ${cx + 22} 118 C ${cx + 22} 134 ${cx} 136 ${cx} 176" fill="none" stroke="${metal.mid}" stroke-width="5" stroke-linecap="round"/>`,
  );
  out.push(
    `<path d="M${cx - 130} 212 Q${cx} 138 ${cx + 130} 212" fill="none" stroke="${metal.mid}" stroke-width="8" stroke-linecap="round"/>`,
  );
  out.push(contactShadow(defs, cx, FLOOR_Y + 10, hem * 0.9, 14, 0.18));
  // Straps, bodice, skirt.
  out.push(
    `<path d="M${cx - 92} 200 L${cx - 70} 282 M${cx + 92} 200 L${cx + 70} 282" stroke="${darken(color, 0.15)}" stroke-width="6" stroke-linecap="round"/>`,
  );
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
    const fold = defs.linear(
      [
        [0, tone, 0],
        [0.5, tone, dark ? 0.22 : 0.16],
        [1, tone, 0],
      ],
      0,
      0,
      1,
      0,
    );
    foldParts.push(
      `<path d="M${r1(xw - 3)} ${waistY + 6} C ${r1(xw + (xh - xw) * 0.2 - half * 0.4)} ${waistY + 160} ${r1(xh - (xh - xw) * 0.1 - half)} ${hemY - 160} ${r1(xh - half)} ${hemY + 14} L${r1(xh + half)} ${hemY + 14} C ${r1(xh - (xh - xw) * 0.1 + half)} ${hemY - 160} ${r1(xw + (xh - xw) * 0.2 + half * 0.4)} ${waistY + 160} ${r1(xw + 3)} ${waistY + 6} Z" fill="${fold}"/>`,
    );
  }
  out.push(`<g clip-path="${defs.clip(`<path d="${skirt}"/>`)}">${foldParts.join('')}</g>`);
  // Waist: a thin gold belt.
  out.push(`<rect x="${cx - 64}" y="${waistY - 5}" width="128" height="10" fill="${metalFill(defs, metal)}"/>`);
  if (isDark(theme)) out.push(`<path d="${skirt}" fill="none" stroke="#fff" stroke-opacity="0.08" stroke-width="2"/>`);
  return out.join('');
};

export const suit: Draw = ({ defs, rnd, color, metal }) => {
  const cx = 400;
  const shirt = color === P.ivory || color === P.champagne ? P.onyx : P.porcelain;
  const out: string[] = [];
  out.push(
    `<path d="M${cx - 2} 122 C ${cx - 2} 100 ${cx + 22} 98 ${cx + 22} 118 C ${cx + 22} 134 ${cx} 136 ${cx} 180" fill="none" stroke="${metal.mid}" stroke-width="5" stroke-linecap="round"/>`,
  );
  out.push(contactShadow(defs, cx, FLOOR_Y + 12, 240, 12, 0.15));
  const hem = 720;
  // Sleeves hang behind the body.
  out.push(
    `<path d="M${cx - 200} 240 C ${cx - 236} 380 ${cx - 240} 560 ${cx - 226} ${hem - 40} L${cx - 170} ${hem - 36} C ${cx - 176} 560 ${cx - 160} 380 ${cx - 150} 300 Z" fill="${volume(defs, darken(color, 0.12))}"/>`,
  );
  out.push(
    `<path d="M${cx + 200} 240 C ${cx + 236} 380 ${cx + 240} 560 ${cx + 226} ${hem - 40} L${cx + 170} ${hem - 36} C ${cx + 176} 560 ${cx + 160} 380 ${cx + 150} 300 Z" fill="${volume(defs, darken(color, 0.25))}"/>`,
  );
  const body = `M${cx - 60} 176 L${cx - 200} 222 C ${cx - 214} 300 ${cx - 196} 420 ${cx - 168} 470 C ${cx - 180} 560 ${cx - 190} 650 ${cx - 186} ${hem} L${cx + 186} ${hem} C ${cx + 190} 650 ${cx + 180} 560 ${cx + 168} 470 C ${cx + 196} 420 ${cx + 214} 300 ${cx + 200} 222 L${cx + 60} 176 Z`;
  out.push(`<path d="${body}" fill="${volume(defs, color, 0.8)}"/>`);
  // Shirt and tie in the V.
  const vBottom = rnd.float(440, 480);
  out.push(`<path d="M${cx - 58} 178 L${cx} ${r1(vBottom)} L${cx + 58} 178 Q${cx} 196 ${cx - 58} 178 Z" fill="${shirt}"/>`);
  if (rnd.chance(0.6))
    out.push(
      `<path d="M${cx - 10} 196 L${cx + 10} 196 L${cx + 14} ${r1(vBottom - 40)} L${cx} ${r1(vBottom - 10)} L${cx - 14} ${r1(vBottom - 40)} Z" fill="${rnd.pick([P.oxblood, P.green, P.onyx, P.gold])}"/>`,
    );
  else out.push(`<path d="M${cx - 22} 194 L${cx} 206 L${cx + 22} 194 L${cx + 22} 214 L${cx} 204 L${cx - 22} 214 Z" fill="${P.onyx}"/>`);
  // Lapels with a notch.
  const lapel = (s: number) =>
    `<path d="M${cx + s * 58} 176 L${cx + s * 96} 186 L${cx + s * 104} 262 L${cx + s * 84} 268 L${cx + s * 98} 300 L${cx} ${r1(vBottom)} L${cx + s * 2} ${r1(vBottom)} Z" fill="${darken(color, s > 0 ? 0.2 : 0.05)}" stroke="#000" stroke-opacity="0.2"/>`;
  out.push(lapel(-1), lapel(1));
  // Buttons, pockets, a pocket square.
  for (const dy of [0, 70]) out.push(`<circle cx="${cx + 6}" cy="${r1(vBottom + 30 + dy)}" r="8" fill="${metalFill(defs, metal)}"/>`);
  out.push(
    `<path d="M${cx - 160} 560 L${cx - 70} 556 M${cx + 70} 556 L${cx + 160} 560" stroke="#000" stroke-opacity="0.3" stroke-width="3"/>`,
  );
  out.push(
    `<path d="M${cx + 104} 330 L${cx + 160} 326" stroke="#000" stroke-opacity="0.3" stroke-width="3"/><path d="M${cx + 112} 330 l10 -18 l10 14 l10 -16 l8 20 Z" fill="${P.ivory}"/>`,
  );
  out.push(`<path d="M${cx} ${r1(vBottom)} L${cx} ${hem}" stroke="#000" stroke-opacity="0.25" stroke-width="2"/>`);
  return out.join('');
};

/** A tailor's dress form on its stand, with a measuring tape over the shoulders: a fitting, a service, not a thing. */
export const dressForm: Draw = ({ defs, rnd, metal, theme }) => {
  const cx = 400;
  const linen = isDark(theme) ? '#D9CBB2' : '#3A3632';
  const out: string[] = [];
  out.push(contactShadow(defs, cx, FLOOR_Y + 2, 170, 14, 0.3));
  // Tripod stand and pole.
  out.push(
    `<path d="M${cx} 640 L${cx - 130} ${FLOOR_Y} M${cx} 640 L${cx + 130} ${FLOOR_Y} M${cx} 640 L${cx + 20} ${FLOOR_Y + 8}" stroke="${metal.dark}" stroke-width="8" stroke-linecap="round"/>`,
  );
  out.push(`<rect x="${cx - 7}" y="540" width="14" height="110" fill="${metalFill(defs, metal, 0.1)}"/>`);
  // The torso: shoulders, waist, hips, and the neck cap.
  const torso = `M${cx - 40} 200 C ${cx - 44} 226 ${cx - 70} 236 ${cx - 150} 250 C ${cx - 182} 260 ${cx - 176} 330 ${cx - 150} 370 C ${cx - 120} 420 ${cx - 96} 440 ${cx - 100} 480 C ${cx - 126} 520 ${cx - 130} 540 ${cx - 110} 556 L${cx + 110} 556 C ${cx + 130} 540 ${cx + 126} 520 ${cx + 100} 480 C ${cx + 96} 440 ${cx + 120} 420 ${cx + 150} 370 C ${cx + 176} 330 ${cx + 182} 260 ${cx + 150} 250 C ${cx + 70} 236 ${cx + 44} 226 ${cx + 40} 200 Z`;
  out.push(`<path d="${torso}" fill="${volume(defs, linen, 0.8)}"/>`);
  out.push(
    `<path d="M${cx} 206 L${cx} 556 M${cx - 100} 480 C ${cx - 40} 494 ${cx + 40} 494 ${cx + 100} 480" fill="none" stroke="${darken(linen, 0.25)}" stroke-width="2" stroke-dasharray="6 5"/>`,
  );
  out.push(
    `<ellipse cx="${cx}" cy="200" rx="42" ry="10" fill="${metalFill(defs, metal)}"/><rect x="${cx - 6}" y="170" width="12" height="30" fill="${metal.mid}"/><circle cx="${cx}" cy="166" r="12" fill="${metalFill(defs, metal, 1)}"/>`,
  );
  // The measuring tape, over the shoulders and hanging down both sides.
  const tape = '#E9D9A8';
  out.push(
    `<path d="M${cx - 140} 520 C ${cx - 150} 420 ${cx - 120} 300 ${cx - 60} 236 C ${cx - 20} 214 ${cx + 20} 214 ${cx + 60} 236 C ${cx + 110} 290 ${cx + 128} 360 ${cx + 122} ${rnd.int(430, 470)}" fill="none" stroke="${tape}" stroke-width="16"/>`,
  );
  out.push(
    `<path d="M${cx - 140} 520 C ${cx - 150} 420 ${cx - 120} 300 ${cx - 60} 236 C ${cx - 20} 214 ${cx + 20} 214 ${cx + 60} 236 C ${cx + 110} 290 ${cx + 128} 360 ${cx + 122} 440" fill="none" stroke="${darken(tape, 0.4)}" stroke-width="14" stroke-dasharray="1.5 9"/>`,
  );
  // A pincushion of pins at the waist.
  for (let i = 0; i < 5; i++)
    out.push(
      `<line x1="${cx + 30 + i * 12}" y1="${470 + (i % 2) * 8}" x2="${cx + 40 + i * 12}" y2="${450 + (i % 2) * 8}" stroke="${metal.light}" stroke-width="2"/><circle cx="${cx + 40 + i * 12}" cy="${450 + (i % 2) * 8}" r="3.5" fill="${P.oxblood}"/>`,
    );
  return out.join('');
};
