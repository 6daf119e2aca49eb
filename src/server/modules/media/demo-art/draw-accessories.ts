// Accessories: sunglasses, silk carrés and stoles, gloves, and the fragrance flacon.
import { darken, lighten, PALETTE as P, r1, softEllipse } from './svg-kit.ts';
import { contactShadow, type Draw, FLOOR_Y, isDark, metalFill, volume } from './still-life-kit.ts';

export const sunglasses: Draw = ({ defs, rnd, color, metal }) => {
  const cat = rnd.chance(0.5);
  const frame = color === P.ivory || color === P.champagne ? P.onyx : color;
  const lens = defs.linear([
    [0, '#5A4A3E'],
    [0.6, '#1E1A17'],
    [1, '#0E0C0B'],
  ]);
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
  out.push(
    `<path d="M206 450 Q240 430 290 436 M466 450 Q500 430 550 436" fill="none" stroke="#fff" stroke-opacity="0.35" stroke-width="6" stroke-linecap="round"/>`,
  );
  out.push(
    `<rect x="138" y="454" width="26" height="10" rx="3" fill="${metal.mid}"/><rect x="636" y="454" width="26" height="10" rx="3" fill="${metal.mid}"/>`,
  );
  return out.join('');
};

export const bottle: Draw = ({ defs, rnd, color, metal, theme, named }) => {
  // The juice's tone is the fragrance's own (amber, iris, rose…) when the name says it.
  const juice = named ? color : rnd.pick(['#E9C98D', '#D9A86C', '#EBD9C4', '#B9C7A8', '#E4B9AE', '#C98E5E']);
  const cx = 400;
  const bw = rnd.float(220, 280);
  const top = rnd.float(430, 470);
  const x0 = cx - bw / 2;
  const out: string[] = [];
  out.push(contactShadow(defs, cx, FLOOR_Y + 2, bw * 0.75, 16, 0.3));
  // Coloured light thrown through the glass onto the floor.
  out.push(softEllipse(defs, cx + 40, FLOOR_Y + 24, bw * 0.8, 34, juice, 0.45));
  const glass = defs.linear(
    [
      [0, '#ffffff', 0.55],
      [0.15, lighten(juice, 0.6), 0.35],
      [0.8, juice, 0.4],
      [1, darken(juice, 0.3), 0.6],
    ],
    0,
    0,
    1,
    0,
  );
  out.push(
    `<rect x="${r1(x0)}" y="${r1(top)}" width="${r1(bw)}" height="${r1(FLOOR_Y - top)}" rx="14" fill="${glass}" stroke="#fff" stroke-opacity="0.5" stroke-width="1.5"/>`,
  );
  const liquid = defs.linear(
    [
      [0, lighten(juice, 0.2)],
      [0.6, juice],
      [1, darken(juice, 0.25)],
    ],
    0,
    0,
    1,
    0.3,
  );
  out.push(
    `<rect x="${r1(x0 + 16)}" y="${r1(top + 60)}" width="${r1(bw - 32)}" height="${r1(FLOOR_Y - top - 90)}" rx="6" fill="${liquid}"/>`,
  );
  out.push(`<rect x="${r1(x0 + 16)}" y="${r1(top + 60)}" width="${r1(bw - 32)}" height="4" fill="#fff" fill-opacity="0.45"/>`);
  // Thick glass base and highlights.
  out.push(`<rect x="${r1(x0 + 6)}" y="${FLOOR_Y - 30}" width="${r1(bw - 12)}" height="24" rx="8" fill="#fff" fill-opacity="0.25"/>`);
  out.push(
    `<rect x="${r1(x0 + 22)}" y="${r1(top + 20)}" width="10" height="${r1(FLOOR_Y - top - 70)}" rx="5" fill="#fff" fill-opacity="0.5"/>`,
  );
  out.push(
    `<rect x="${r1(x0 + bw - 30)}" y="${r1(top + 40)}" width="4" height="${r1(FLOOR_Y - top - 110)}" rx="2" fill="#fff" fill-opacity="0.35"/>`,
  );
  // Label: a gold-framed plaque, no words.
  const ly = top + (FLOOR_Y - top) * 0.45;
  out.push(
    `<rect x="${cx - 50}" y="${r1(ly)}" width="100" height="56" fill="${isDark(theme) ? P.ivory : P.porcelain}" fill-opacity="0.85"/><rect x="${cx - 44}" y="${r1(ly + 6)}" width="88" height="44" fill="none" stroke="${metal.mid}" stroke-width="1.5"/>`,
  );
  out.push(`<line x1="${cx - 24}" x2="${cx + 24}" y1="${r1(ly + 28)}" y2="${r1(ly + 28)}" stroke="${metal.mid}" stroke-width="1.2"/>`);
  // Neck and cap.
  out.push(`<rect x="${cx - 26}" y="${r1(top - 26)}" width="52" height="30" fill="${metalFill(defs, metal)}"/>`);
  const capStyle = rnd.pick(['block', 'sphere', 'tall'] as const);
  const capColor = named
    ? rnd.chance(0.5)
      ? P.onyx
      : metal.mid
    : color === P.ivory || color === P.champagne || color === P.blush
      ? P.onyx
      : color;
  if (capStyle === 'sphere') {
    out.push(
      `<circle cx="${cx}" cy="${r1(top - 82)}" r="58" fill="${defs.radial(
        [
          [0, lighten(capColor, 0.35)],
          [0.7, capColor],
          [1, darken(capColor, 0.4)],
        ],
        0.35,
        0.3,
        0.7,
      )}"/>`,
    );
  } else {
    const ch = capStyle === 'tall' ? 150 : 96;
    const cw = capStyle === 'tall' ? 84 : 132;
    out.push(
      `<rect x="${r1(cx - cw / 2)}" y="${r1(top - 26 - ch)}" width="${cw}" height="${ch}" rx="4" fill="${volume(defs, capColor)}"/>`,
    );
    out.push(`<rect x="${r1(cx - cw / 2)}" y="${r1(top - 26 - ch)}" width="${cw}" height="5" fill="#fff" fill-opacity="0.25"/>`);
  }
  return out.join('');
};

/** A silk carré folded into a square and laid at an angle (its border and motif in the colour), or a stole in folds. */
export const scarf: Draw = ({ defs, rnd, color, metal, style }) => {
  const out: string[] = [];
  const cx = 400;
  if (style === 'stole') {
    // A long stole falling in soft folds over a brass rail.
    out.push(`<rect x="150" y="250" width="500" height="12" rx="6" fill="${metalFill(defs, metal, 0.1)}"/>`);
    out.push(contactShadow(defs, cx, FLOOR_Y + 6, 200, 12, 0.2));
    for (let i = 0; i < 5; i++) {
      const x = 230 + i * 68;
      const len = 430 + (i % 2) * 50 + rnd.int(-10, 10);
      out.push(
        `<path d="M${x} 256 C ${x - 10} 360 ${x + 16} ${256 + len * 0.7} ${x - 4} ${256 + len} L${x + 74} ${256 + len} C ${x + 90} ${256 + len * 0.6} ${x + 62} 360 ${x + 72} 256 Z" fill="${volume(defs, i % 2 ? darken(color, 0.08) : color, 0.7)}"/>`,
      );
      out.push(
        `<path d="M${x - 4} ${256 + len} L${x + 74} ${256 + len}" stroke="${lighten(color, 0.25)}" stroke-width="8" stroke-dasharray="2 4"/>`,
      );
    }
    return out.join('');
  }
  const s = 420;
  const y = FLOOR_Y - 80;
  out.push(contactShadow(defs, cx, y + 30, 300, 26, 0.25));
  out.push(`<g transform="translate(${cx} ${y - 40}) scale(1 0.42) rotate(${r1(rnd.float(38, 52))})">`);
  out.push(`<rect x="${-s / 2}" y="${-s / 2}" width="${s}" height="${s}" fill="${volume(defs, color, 0.5)}"/>`);
  out.push(`<rect x="${-s / 2 + 26}" y="${-s / 2 + 26}" width="${s - 52}" height="${s - 52}" fill="${lighten(color, 0.8)}"/>`);
  // The motif: a compass rose of petals and a ring of dots, in the scarf's colour and gold.
  for (let i = 0; i < 8; i++)
    out.push(
      `<ellipse cx="0" cy="-70" rx="26" ry="70" fill="${i % 2 ? color : metal.mid}" fill-opacity="0.85" transform="rotate(${i * 45})"/>`,
    );
  for (let i = 0; i < 24; i++)
    out.push(
      `<circle cx="${r1(Math.cos((i / 24) * Math.PI * 2) * 150)}" cy="${r1(Math.sin((i / 24) * Math.PI * 2) * 150)}" r="7" fill="${color}"/>`,
    );
  out.push(`<circle r="30" fill="${lighten(color, 0.8)}" stroke="${metal.mid}" stroke-width="6"/>`);
  out.push('</g>');
  return out.join('');
};

/** A pair of gloves laid one over the other, cuffs stitched. */
export const gloves: Draw = ({ defs, color }) => {
  const out: string[] = [];
  out.push(contactShadow(defs, 400, FLOOR_Y - 30, 260, 20, 0.28));
  const glove = (dx: number, rot: number, tone: string) => {
    const fingers = [0, 1, 2, 3]
      .map(
        (i) =>
          `<rect x="${-78 + i * 40}" y="-250" width="34" height="${160 - Math.abs(i - 1.5) * 26}" rx="17" fill="${tone}" transform="translate(0 ${Math.abs(i - 1.5) * 26})"/>`,
      )
      .join('');
    const thumb = `<rect x="-140" y="-120" width="34" height="120" rx="17" fill="${tone}" transform="rotate(-38 -120 -60)"/>`;
    const palm = `<path d="M-84 -110 L84 -110 L92 70 L-92 70 Z" fill="${tone}"/>`;
    const cuff = `<rect x="-96" y="60" width="192" height="90" rx="10" fill="${darken(color, 0.12)}"/><line x1="-90" y1="72" x2="90" y2="72" stroke="${lighten(color, 0.3)}" stroke-width="2" stroke-dasharray="4 4"/>`;
    return `<g transform="translate(${400 + dx} ${FLOOR_Y - 190}) rotate(${rot})"><g fill="${tone}">${fingers}${thumb}${palm}</g>${cuff}</g>`;
  };
  out.push(glove(-60, -14, volume(defs, darken(color, 0.06))), glove(70, 12, volume(defs, color)));
  return out.join('');
};
