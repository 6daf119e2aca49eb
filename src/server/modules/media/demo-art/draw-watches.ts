// Watches: the dress watch, with subdials for a chronograph and a diving bezel for a diver.
import { darken, lighten, luminance, PALETTE as P, r1, softEllipse } from './svg-kit.ts';
import { contactShadow, type Draw, FLOOR_Y, isDark, metalFill, volume } from './still-life-kit.ts';

export const watch: Draw = ({ defs, rnd, color, metal, theme, words, named, style }) => {
  const cx = 400;
  const cy = 470;
  const R = 150;
  // A named colour is the dial's; the case metal comes from the name ("…-in-rose-gold").
  const dial = named ? color : rnd.pick(isDark(theme) ? [P.ivory, P.onyx, '#F3EBDD'] : [P.green, P.onyx, P.ivory, P.oxblood, '#1D2A3A']);
  const bracelet = words.some((w) => ['steel', 'titanium', 'ceramic'].includes(w)) && style !== 'watch';
  const strap = bracelet ? metal.mid : luminance(dial) > 0.5 ? P.cognac : '#1B1A19';
  const out: string[] = [];
  out.push(contactShadow(defs, cx, FLOOR_Y + 10, 190, 20, 0.28));
  // Strap, top and bottom, tapering.
  const strapFill = bracelet ? metalFill(defs, metal, 0.2) : volume(defs, strap, 0.8);
  out.push(`<path d="M${cx - 78} ${cy - 120} L${cx - 70} 150 Q${cx} 138 ${cx + 70} 150 L${cx + 78} ${cy - 120} Z" fill="${strapFill}"/>`);
  out.push(
    `<path d="M${cx - 78} ${cy + 120} L${cx - 70} ${FLOOR_Y} Q${cx} ${FLOOR_Y + 12} ${cx + 70} ${FLOOR_Y} L${cx + 78} ${cy + 120} Z" fill="${strapFill}"/>`,
  );
  out.push(
    `<path d="M${cx - 60} 160 L${cx - 66} ${cy - 120} M${cx + 60} 160 L${cx + 66} ${cy - 120} M${cx - 66} ${cy + 120} L${cx - 60} ${FLOOR_Y - 8} M${cx + 66} ${cy + 120} L${cx + 60} ${FLOOR_Y - 8}" stroke="${lighten(strap, 0.35)}" stroke-opacity="0.35" stroke-width="1.3" stroke-dasharray="5 5"/>`,
  );
  // Lugs and crown.
  out.push(
    `<rect x="${cx - 92}" y="${cy - R - 22}" width="184" height="60" rx="16" fill="${metalFill(defs, metal)}"/><rect x="${cx - 92}" y="${cy + R - 38}" width="184" height="60" rx="16" fill="${metalFill(defs, metal)}"/>`,
  );
  out.push(`<rect x="${cx + R - 4}" y="${cy - 18}" width="26" height="36" rx="5" fill="${metalFill(defs, metal, 1)}"/>`);
  // Case, bezel, dial.
  out.push(softEllipse(defs, cx, cy + 14, R + 22, R + 22, '#000', 0.22, 0.72));
  out.push(`<circle cx="${cx}" cy="${cy}" r="${R}" fill="${metalFill(defs, metal, 1)}"/>`);
  out.push(
    `<circle cx="${cx}" cy="${cy}" r="${R - 16}" fill="${defs.linear(
      [
        [0, darken(metal.dark, 0.2)],
        [1, metal.light],
      ],
      0,
      0,
      1,
      1,
    )}"/>`,
  );
  const dialFill = defs.radial(
    [
      [0, lighten(dial, 0.12)],
      [0.8, dial],
      [1, darken(dial, 0.25)],
    ],
    0.4,
    0.35,
    0.75,
  );
  out.push(`<circle cx="${cx}" cy="${cy}" r="${R - 22}" fill="${dialFill}"/>`);
  const mark = luminance(dial) > 0.45 ? darken(metal.dark, 0.3) : metal.light;
  if (style === 'diver') {
    // A unidirectional bezel: a dark ring with minute marks and a luminous pip at twelve.
    out.push(`<circle cx="${cx}" cy="${cy}" r="${R - 8}" fill="none" stroke="${darken(dial, 0.35)}" stroke-width="22"/>`);
    for (let i = 0; i < 12; i++) {
      const a = (i / 12) * Math.PI * 2;
      out.push(
        `<line x1="${r1(cx + Math.sin(a) * (R - 2))}" y1="${r1(cy - Math.cos(a) * (R - 2))}" x2="${r1(cx + Math.sin(a) * (R - 14))}" y2="${r1(cy - Math.cos(a) * (R - 14))}" stroke="${metal.light}" stroke-width="3"/>`,
      );
    }
    out.push(`<circle cx="${cx}" cy="${cy - R + 8}" r="6" fill="#F2F0E6"/>`);
  }
  if (style === 'chronograph') {
    for (const [dx, dy] of [
      [-52, 0],
      [52, 0],
      [0, 56],
    ] as const)
      out.push(
        `<circle cx="${cx + dx}" cy="${cy + dy}" r="28" fill="${darken(dial, 0.12)}" stroke="${mark}" stroke-opacity="0.6" stroke-width="1.5"/>`,
      );
    out.push(
      `<rect x="${cx + R - 2}" y="${cy - 70}" width="20" height="22" rx="4" fill="${metalFill(defs, metal, 1)}" transform="rotate(-30 ${cx + R} ${cy - 60})"/><rect x="${cx + R - 2}" y="${cy + 48}" width="20" height="22" rx="4" fill="${metalFill(defs, metal, 1)}" transform="rotate(30 ${cx + R} ${cy + 60})"/>`,
    );
  }
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    const long = i % 3 === 0;
    const r0 = R - 34;
    const r1_ = r0 - (long ? 22 : 11);
    out.push(
      `<line x1="${r1(cx + Math.sin(a) * r0)}" y1="${r1(cy - Math.cos(a) * r0)}" x2="${r1(cx + Math.sin(a) * r1_)}" y2="${r1(cy - Math.cos(a) * r1_)}" stroke="${mark}" stroke-width="${long ? 5 : 2.5}" stroke-linecap="round"/>`,
    );
  }
  if (style === 'watch' && rnd.chance(0.4))
    out.push(`<circle cx="${cx}" cy="${cy + 52}" r="26" fill="none" stroke="${mark}" stroke-opacity="0.6" stroke-width="1.2"/>`);
  const hour = rnd.float(0, 12);
  const minute = rnd.float(0, 60);
  const hand = (angle: number, len: number, w: number) =>
    `<line x1="${cx}" y1="${cy}" x2="${r1(cx + Math.sin(angle) * len)}" y2="${r1(cy - Math.cos(angle) * len)}" stroke="${mark}" stroke-width="${w}" stroke-linecap="round"/>`;
  out.push(hand((hour / 12) * Math.PI * 2, 62, 6), hand((minute / 60) * Math.PI * 2, 96, 4));
  out.push(`<circle cx="${cx}" cy="${cy}" r="7" fill="${mark}"/>`);
  // Crystal reflection.
  out.push(
    `<path d="M${cx - 100} ${cy - 40} A 110 110 0 0 1 ${cx + 30} ${cy - 108} A 130 130 0 0 0 ${cx - 100} ${cy - 40} Z" fill="#fff" fill-opacity="0.18"/>`,
  );
  return out.join('');
};
