// Leather goods: bags (flap, tote, clutch, top-handle, bucket), wallets and card holders, belts.
import { darken, lighten, r1 } from './svg-kit.ts';
import { contactShadow, type Draw, FLOOR_Y, metalFill, volume, W } from './still-life-kit.ts';

export const bag: Draw = ({ defs, rnd, color, metal, words, style: art }) => {
  const picked = rnd.pick(['flap', 'tote', 'clutch'] as const);
  const fromArt = { clutch: 'clutch', tote: 'tote', bucketbag: 'tote', flapbag: 'flap', tophandle: 'flap' } as const;
  const style =
    fromArt[art as keyof typeof fromArt] ??
    (words.some((w) => ['clutch', 'pochette', 'minaudiere'].includes(w)) ? 'clutch' : words.includes('tote') ? 'tote' : picked);
  const out: string[] = [];
  const stitch = lighten(color, 0.3);
  if (style === 'clutch') {
    const top = 560;
    out.push(contactShadow(defs, 400, FLOOR_Y, 250, 22));
    out.push(
      `<path d="M170 ${FLOOR_Y} L188 ${top + 20} Q192 ${top} 214 ${top} L586 ${top} Q608 ${top} 612 ${top + 20} L630 ${FLOOR_Y} Q632 ${FLOOR_Y + 4} 626 ${FLOOR_Y + 4} L174 ${FLOOR_Y + 4} Q168 ${FLOOR_Y + 4} 170 ${FLOOR_Y} Z" fill="${volume(defs, color)}"/>`,
    );
    out.push(
      `<path d="M188 ${top + 20} Q192 ${top} 214 ${top} L586 ${top} Q608 ${top} 612 ${top + 20} L606 ${top + 95} Q400 ${top + 140} 194 ${top + 95} Z" fill="${volume(defs, lighten(color, 0.06))}"/>`,
    );
    out.push(
      `<path d="M200 ${top + 88} Q400 ${top + 130} 600 ${top + 88}" fill="none" stroke="${stitch}" stroke-opacity="0.35" stroke-width="1.5" stroke-dasharray="5 5"/>`,
    );
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
  out.push(
    `<path d="M${400 - hw - 25} ${bodyTop + 8} C ${400 - hw} ${handleTop} ${400 + hw} ${handleTop} ${400 + hw + 25} ${bodyTop + 8}" fill="none" stroke="${darken(color, 0.2)}" stroke-width="${style === 'tote' ? 16 : 13}" stroke-linecap="round"/>`,
  );
  if (style === 'flap') {
    out.push(
      `<circle cx="${400 - hw - 24}" cy="${bodyTop + 4}" r="9" fill="${metalFill(defs, metal)}"/><circle cx="${400 + hw + 24}" cy="${bodyTop + 4}" r="9" fill="${metalFill(defs, metal)}"/>`,
    );
  }
  const body = `M${botL} ${FLOOR_Y} L${topL} ${bodyTop + 18} Q${topL + 2} ${bodyTop} ${topL + 22} ${bodyTop} L${W - topL - 22} ${bodyTop} Q${W - topL - 2} ${bodyTop} ${W - topL} ${bodyTop + 18} L${W - botL} ${FLOOR_Y} Q${W - botL + 2} ${FLOOR_Y + 6} ${W - botL - 10} ${FLOOR_Y + 6} L${botL + 10} ${FLOOR_Y + 6} Q${botL - 2} ${FLOOR_Y + 6} ${botL} ${FLOOR_Y} Z`;
  out.push(`<path d="${body}" fill="${volume(defs, color)}"/>`);
  // A gentle top light on the body.
  out.push(
    `<path d="${body}" fill="${defs.linear([
      [0, '#fff', 0.14],
      [0.35, '#fff', 0],
    ])}"/>`,
  );
  out.push(
    `<path d="M${botL + 16} ${FLOOR_Y - 8} L${topL + 14} ${bodyTop + 22} Q${topL + 16} ${bodyTop + 12} ${topL + 30} ${bodyTop + 12} L${W - topL - 30} ${bodyTop + 12} Q${W - topL - 16} ${bodyTop + 12} ${W - topL - 14} ${bodyTop + 22} L${W - botL - 16} ${FLOOR_Y - 8} Z" fill="none" stroke="${stitch}" stroke-opacity="0.3" stroke-width="1.4" stroke-dasharray="5 5"/>`,
  );
  if (style === 'flap') {
    const tip = bodyTop + 150;
    out.push(
      `<path d="M${topL + 2} ${bodyTop + 14} Q${topL + 2} ${bodyTop} ${topL + 22} ${bodyTop} L${W - topL - 22} ${bodyTop} Q${W - topL - 2} ${bodyTop} ${W - topL - 2} ${bodyTop + 14} L${W - topL - 14} ${tip - 50} Q400 ${tip + 30} ${topL + 14} ${tip - 50} Z" fill="${volume(defs, lighten(color, 0.05))}"/>`,
    );
    out.push(
      `<path d="M${topL + 14} ${tip - 50} Q400 ${tip + 30} ${W - topL - 14} ${tip - 50}" fill="none" stroke="#000" stroke-opacity="0.18" stroke-width="4"/>`,
    );
    out.push(
      `<rect x="374" y="${tip - 24}" width="52" height="34" rx="5" fill="${metalFill(defs, metal)}"/><rect x="386" y="${tip - 14}" width="28" height="14" rx="3" fill="${metal.dark}" fill-opacity="0.5"/>`,
    );
  } else {
    out.push(
      `<line x1="${topL + 30}" x2="${W - topL - 30}" y1="${bodyTop + 48}" y2="${bodyTop + 48}" stroke="${darken(color, 0.25)}" stroke-width="2"/>`,
    );
    out.push(`<rect x="386" y="${bodyTop + 40}" width="28" height="16" rx="3" fill="${metalFill(defs, metal)}"/>`);
  }
  return out.join('');
};

/** A wallet or card holder lying at an angle, flap closed, with a metal stud and a card peeking out. */
export const wallet: Draw = ({ defs, rnd, color, metal, words }) => {
  const card = words.includes('card');
  const w = card ? 300 : 420;
  const h = card ? 200 : 230;
  const x = 400 - w / 2;
  const y = FLOOR_Y - h - 40;
  const tilt = rnd.float(-7, -3);
  const stitch = lighten(color, 0.32);
  const out: string[] = [];
  out.push(contactShadow(defs, 400, FLOOR_Y - 34, w * 0.62, 18, 0.32));
  const body = `M${x} ${y + 14} Q${x} ${y} ${x + 14} ${y} L${x + w - 14} ${y} Q${x + w} ${y} ${x + w} ${y + 14} L${x + w} ${y + h - 14} Q${x + w} ${y + h} ${x + w - 14} ${y + h} L${x + 14} ${y + h} Q${x} ${y + h} ${x} ${y + h - 14} Z`;
  out.push(`<g transform="rotate(${r1(tilt)} 400 ${y + h / 2})">`);
  // A card slipped half out of the top pocket.
  out.push(
    `<rect x="${x + w * 0.55}" y="${y - 34}" width="${w * 0.3}" height="70" rx="6" fill="${lighten(color, 0.55)}" transform="rotate(8 ${x + w * 0.7} ${y})"/>`,
  );
  out.push(`<path d="${body}" fill="${volume(defs, color)}"/>`);
  out.push(
    `<path d="${body}" fill="${defs.linear([
      [0, '#fff', 0.16],
      [0.4, '#fff', 0],
      [1, '#000', 0.18],
    ])}"/>`,
  );
  out.push(
    `<rect x="${x + 10}" y="${y + 10}" width="${w - 20}" height="${h - 20}" rx="8" fill="none" stroke="${stitch}" stroke-opacity="0.4" stroke-width="1.4" stroke-dasharray="5 5"/>`,
  );
  if (!card) {
    // The flap across the top third, and its stud.
    out.push(
      `<path d="M${x} ${y + 14} Q${x} ${y} ${x + 14} ${y} L${x + w - 14} ${y} Q${x + w} ${y} ${x + w} ${y + 14} L${x + w} ${y + h * 0.42} L${x} ${y + h * 0.42} Z" fill="${volume(defs, lighten(color, 0.06))}"/>`,
    );
    out.push(
      `<line x1="${x}" x2="${x + w}" y1="${y + h * 0.42}" y2="${y + h * 0.42}" stroke="#000" stroke-opacity="0.25" stroke-width="3"/>`,
    );
    out.push(`<circle cx="400" cy="${r1(y + h * 0.42)}" r="13" fill="${metalFill(defs, metal, 1)}"/>`);
  } else {
    out.push(
      `<path d="M${x + 24} ${y + 58} Q400 ${y + 74} ${x + w - 24} ${y + 58}" fill="none" stroke="${darken(color, 0.35)}" stroke-width="3"/>`,
    );
    out.push(`<rect x="${400 - 22}" y="${y + h - 54}" width="44" height="14" rx="3" fill="${metalFill(defs, metal)}"/>`);
  }
  out.push('</g>');
  return out.join('');
};

/** A belt coiled on the floor, its metal buckle on top. */
export const belt: Draw = ({ defs, color, metal }) => {
  const cx = 400;
  const cy = FLOOR_Y - 120;
  const out: string[] = [];
  out.push(contactShadow(defs, cx, FLOOR_Y - 40, 230, 26, 0.3));
  // Three turns of the strap, seen slightly from above, each a ring of leather.
  for (let i = 0; i < 3; i++) {
    const rx = 220 - i * 34;
    const ry = 96 - i * 14;
    const top = cy - i * 18;
    out.push(`<ellipse cx="${cx}" cy="${top + 38}" rx="${rx}" ry="${ry}" fill="${darken(color, 0.3)}"/>`);
    out.push(`<ellipse cx="${cx}" cy="${top}" rx="${rx}" ry="${ry}" fill="${volume(defs, color)}"/>`);
    out.push(`<ellipse cx="${cx}" cy="${top + 6}" rx="${rx - 30}" ry="${ry - 24}" fill="${darken(color, 0.45)}"/>`);
    out.push(
      `<ellipse cx="${cx}" cy="${top}" rx="${rx - 8}" ry="${ry - 6}" fill="none" stroke="${lighten(color, 0.3)}" stroke-opacity="0.35" stroke-width="1.2" stroke-dasharray="5 5"/>`,
    );
  }
  // The buckle: a rounded rectangle frame and its prong.
  const bx = cx + 96;
  const by = cy - 70;
  out.push(
    `<rect x="${bx - 46}" y="${by - 34}" width="92" height="68" rx="18" fill="none" stroke="${metalFill(defs, metal, 1)}" stroke-width="14"/>`,
  );
  out.push(`<line x1="${bx - 46}" y1="${by}" x2="${bx + 30}" y2="${by}" stroke="${metal.mid}" stroke-width="6" stroke-linecap="round"/>`);
  return out.join('');
};
