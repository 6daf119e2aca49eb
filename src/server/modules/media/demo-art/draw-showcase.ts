// Showcase pieces outdoors: cars, jets, yachts and residences (villa, chalet, penthouse), and the abstract sculpture.
import { darken, lighten, PALETTE as P, r1, softEllipse } from './svg-kit.ts';
import { contactShadow, type Draw, FLOOR_Y, isDark, metalFill, volume, W, H } from './still-life-kit.ts';

export const car: Draw = ({ defs, rnd, color, metal, theme }) => {
  const g = FLOOR_Y - 24; // ground line
  const out: string[] = [];
  const paint = color === P.taupe ? P.green : color;
  out.push(contactShadow(defs, 400, g + 4, 330, 16, 0.45));
  // Reflection of the car on a polished floor.
  out.push(softEllipse(defs, 400, g + 30, 330, 36, paint, 0.2));
  const body = `M70 ${g - 34} C 66 ${g - 70} 90 ${g - 92} 150 ${g - 100} L300 ${g - 116} C 350 ${g - 160} 400 ${g - 190} 470 ${g - 192} C 540 ${g - 192} 600 ${g - 160} 660 ${g - 128} C 716 ${g - 114} 736 ${g - 84} 732 ${g - 40} L722 ${g - 22} L660 ${g - 22} A 66 66 0 0 0 528 ${g - 22} L272 ${g - 22} A 66 66 0 0 0 140 ${g - 22} L84 ${g - 22} Z`;
  out.push(`<path d="${body}" fill="${volume(defs, paint, 0.6)}"/>`);
  out.push(
    `<path d="${body}" fill="${defs.linear([
      [0, '#fff', 0.3],
      [0.35, '#fff', 0.05],
      [0.5, '#000', 0.05],
      [1, '#000', 0.35],
    ])}"/>`,
  );
  // Glasshouse.
  const glass = defs.linear(
    [
      [0, '#3A4147'],
      [0.5, '#15181B'],
      [1, '#2A2F33'],
    ],
    0,
    0,
    1,
    0,
  );
  out.push(
    `<path d="M330 ${g - 118} C 372 ${g - 158} 416 ${g - 178} 470 ${g - 178} C 526 ${g - 178} 574 ${g - 154} 616 ${g - 126} Z" fill="${glass}"/>`,
  );
  out.push(`<path d="M470 ${g - 178} L476 ${g - 122}" stroke="${paint}" stroke-width="6"/>`);
  out.push(
    `<path d="M350 ${g - 128} C 390 ${g - 160} 430 ${g - 172} 470 ${g - 172}" fill="none" stroke="#fff" stroke-opacity="0.3" stroke-width="2"/>`,
  );
  // Character line and trim.
  out.push(
    `<path d="M96 ${g - 70} C 300 ${g - 84} 520 ${g - 86} 720 ${g - 72}" fill="none" stroke="#fff" stroke-opacity="0.3" stroke-width="2"/>`,
  );
  out.push(`<path d="M290 ${g - 42} L520 ${g - 42}" stroke="${metal.mid}" stroke-width="3" stroke-linecap="round"/>`);
  out.push(
    `<path d="M80 ${g - 74} l34 -6 l0 12 Z" fill="#F6F1E4" fill-opacity="0.9"/><path d="M716 ${g - 92} l14 4 l0 16 l-14 -2 Z" fill="${P.oxblood}"/>`,
  );
  // Wheels.
  for (const wx of [206, 594]) {
    out.push(`<circle cx="${wx}" cy="${g - 22}" r="58" fill="#0E0E0E"/>`);
    out.push(
      `<circle cx="${wx}" cy="${g - 22}" r="38" fill="${metalFill(defs, { light: '#E6E4DF', mid: '#A9A7A1', dark: '#57554F' }, 1)}"/>`,
    );
    const spokes = rnd.int(5, 10);
    const turn = rnd.float(0, Math.PI);
    for (let i = 0; i < spokes; i++) {
      const a = turn + (i / spokes) * Math.PI * 2;
      out.push(
        `<line x1="${wx}" y1="${g - 22}" x2="${r1(wx + Math.cos(a) * 34)}" y2="${r1(g - 22 + Math.sin(a) * 34)}" stroke="#3A3936" stroke-width="4"/>`,
      );
    }
    out.push(`<circle cx="${wx}" cy="${g - 22}" r="9" fill="${metal.mid}"/>`);
  }
  if (isDark(theme)) out.push(`<path d="${body}" fill="none" stroke="#fff" stroke-opacity="0.12" stroke-width="1.5"/>`);
  return out.join('');
};

export const jet: Draw = ({ defs, rnd, metal, theme }) => {
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
  out.push(
    `<path d="${fuselage}" fill="${defs.linear([
      [0, lighten(skin, 0.4)],
      [0.55, skin],
      [1, darken(skin, 0.22)],
    ])}"/>`,
  );
  out.push(
    `<path d="M90 ${r1(y + 20)} C 300 ${r1(y + 30)} 560 ${r1(y + 20)} 728 ${r1(y + 6)}" fill="none" stroke="${livery}" stroke-width="5"/>`,
  );
  out.push(`<path d="M98 ${r1(y - 2)} C 110 ${r1(y - 14)} 130 ${r1(y - 20)} 150 ${r1(y - 22)} L146 ${r1(y - 6)} Z" fill="#1D2126"/>`);
  for (let i = 0; i < 7; i++) out.push(`<rect x="${220 + i * 46}" y="${r1(y - 16)}" width="18" height="16" rx="8" fill="#23282D"/>`);
  out.push(
    `<path d="M330 ${r1(y + 28)} L470 ${r1(y + 24)} L560 ${r1(y + 110)} L520 ${r1(y + 112)} Z" fill="${volume(defs, darken(skin, 0.05), 0.6)}"/>`,
  );
  out.push(
    `<rect x="560" y="${r1(y - 52)}" width="110" height="36" rx="18" fill="${volume(defs, skin, 0.7)}"/><rect x="560" y="${r1(y - 52)}" width="14" height="36" rx="7" fill="${metal.mid}"/>`,
  );
  return out.join('');
};

export const villa: Draw = ({ defs, rnd, theme }) => {
  const g = 660;
  const wall = isDark(theme) ? P.bone : P.porcelain;
  const glass = defs.linear(
    [
      [0, '#4A5956'],
      [0.5, '#1C2624'],
      [1, '#2E3A37'],
    ],
    0,
    0,
    1,
    1,
  );
  const out: string[] = [];
  // Pool in front, reflecting the sky.
  out.push(
    `<rect x="60" y="${g + 18}" width="680" height="${FLOOR_Y - g + 40}" fill="${defs.linear([
      [0, '#5E7E74'],
      [1, P.green],
    ])}"/>`,
  );
  for (let i = 0; i < 6; i++)
    out.push(
      `<line x1="${r1(rnd.float(80, 400))}" x2="${r1(rnd.float(420, 720))}" y1="${g + 40 + i * 22}" y2="${g + 40 + i * 22}" stroke="#fff" stroke-opacity="0.16" stroke-width="2"/>`,
    );
  out.push(`<rect x="60" y="${g + 10}" width="680" height="10" fill="${P.linen}"/>`);
  // Lower storey, cantilevered upper storey, thin roof slabs.
  out.push(
    `<rect x="130" y="${g - 150}" width="520" height="150" fill="${wall}"/><rect x="190" y="${g - 130}" width="400" height="130" fill="${glass}"/>`,
  );
  for (let x = 270; x < 590; x += 80) out.push(`<line x1="${x}" x2="${x}" y1="${g - 130}" y2="${g}" stroke="${wall}" stroke-width="4"/>`);
  out.push(`<rect x="100" y="${g - 166}" width="620" height="16" fill="${darken(wall, 0.08)}"/>`);
  out.push(
    `<rect x="260" y="${g - 300}" width="470" height="134" fill="${wall}"/><rect x="300" y="${g - 282}" width="300" height="100" fill="${glass}"/>`,
  );
  out.push(`<rect x="230" y="${g - 316}" width="520" height="16" fill="${darken(wall, 0.08)}"/>`);
  out.push(
    `<rect x="130" y="${g - 150}" width="520" height="22" fill="${defs.linear([
      [0, '#000', 0.2],
      [1, '#000', 0],
    ])}"/>`,
  );
  // Warm interior light and a gold line detail.
  out.push(
    `<rect x="200" y="${g - 120}" width="120" height="110" fill="${P.champagne}" fill-opacity="0.35"/><rect x="610" y="${g - 276}" width="100" height="90" fill="${P.goldLight}" fill-opacity="0.3"/>`,
  );
  out.push(`<line x1="100" x2="720" y1="${g - 150}" y2="${g - 150}" stroke="${P.gold}" stroke-width="2"/>`);
  // A slim cypress or two.
  for (const x of rnd.sample([70, 110, 700, 745], 2))
    out.push(
      `<path d="M${x} ${g + 10} C ${x - 22} ${g - 80} ${x - 10} ${g - 200} ${x} ${g - 240} C ${x + 10} ${g - 200} ${x + 22} ${g - 80} ${x} ${g + 10} Z" fill="${P.greenDeep}"/>`,
    );
  return out.join('');
};

export const yacht: Draw = ({ defs, rnd, theme, color, named, style }) => {
  const w = style === 'explorer' ? 600 : 640;
  // A named colour is the hull's (a navy or grey hull under a white superstructure); else a white yacht.
  const white = isDark(theme) ? P.ivory : P.porcelain;
  const hull = named ? color : white;
  const superstructure = named && color !== '#F5F3EE' ? white : hull;
  const accent = named && color !== '#F5F3EE' ? P.gold : rnd.pick([P.onyx, P.green, P.oxblood]);
  const out: string[] = [];
  out.push(
    `<rect x="0" y="650" width="800" height="350" fill="${defs.linear([
      [0, '#6E8A86', 0.6],
      [1, P.green, 0.9],
    ])}"/>`,
  );
  for (let i = 0; i < 9; i++)
    out.push(
      `<line x1="${r1(rnd.float(40, 380))}" x2="${r1(rnd.float(420, 760))}" y1="${680 + i * 26}" y2="${680 + i * 26}" stroke="#fff" stroke-opacity="${r1(0.22 - i * 0.02)}" stroke-width="2"/>`,
    );
  const x0 = (800 - w) / 2;
  out.push(`<path d="M${x0} 600 L${x0 + w} 590 L${x0 + w - 40} 666 L${x0 + 60} 672 Z" fill="${volume(defs, hull, 0.5)}"/>`);
  out.push(`<path d="M${x0 + 30} 640 L${x0 + w - 20} 632" stroke="${accent}" stroke-width="6"/>`);
  out.push(
    `<path d="M${x0 + 120} 600 L${x0 + 180} 540 L${x0 + w - 120} 536 L${x0 + w - 80} 592 Z" fill="${volume(defs, superstructure, 0.4)}"/>`,
  );
  out.push(`<path d="M${x0 + 200} 560 L${x0 + w - 130} 556 L${x0 + w - 112} 580 L${x0 + 180} 584 Z" fill="#1D2427"/>`);
  out.push(
    `<path d="M${x0 + 240} 536 L${x0 + 280} 494 L${x0 + w - 200} 492 L${x0 + w - 170} 534 Z" fill="${volume(defs, superstructure, 0.3)}"/>`,
  );
  // An explorer carries a tender crane and a tall mast; a motor yacht a radar arch.
  if (style === 'explorer')
    out.push(
      `<path d="M${x0 + 360} 492 L${x0 + 372} 400 L${x0 + 384} 492 Z" fill="${superstructure}"/><rect x="${x0 + 70}" y="560" width="70" height="28" rx="12" fill="${P.oxblood}"/><path d="M${x0 + 150} 590 L${x0 + 110} 520" stroke="${P.stone}" stroke-width="5"/>`,
    );
  else
    out.push(
      `<path d="M${x0 + 330} 492 C ${x0 + 340} 460 ${x0 + 400} 460 ${x0 + 410} 492" fill="none" stroke="${superstructure}" stroke-width="8"/>`,
    );
  out.push(`<path d="M${x0 + 296} 512 L${x0 + w - 206} 510 L${x0 + w - 196} 526 L${x0 + 286} 528 Z" fill="#1D2427"/>`);
  out.push(softEllipse(defs, 400, 690, 320, 26, '#fff', 0.16));
  return out.join('');
};

export const sculpture: Draw = ({ defs, rnd, color, metal, theme }) => {
  const out: string[] = [];
  const stone = isDark(theme) ? lighten(theme.bottom, 0.12) : darken(theme.top, 0.06);
  out.push(contactShadow(defs, 400, FLOOR_Y + 4, 240, 18, 0.3));
  // Stepped plinths.
  out.push(
    `<rect x="190" y="${FLOOR_Y - 90}" width="420" height="90" fill="${volume(defs, stone, 0.5)}"/><rect x="190" y="${FLOOR_Y - 90}" width="420" height="5" fill="#fff" fill-opacity="0.3"/>`,
  );
  out.push(
    `<rect x="260" y="${FLOOR_Y - 170}" width="280" height="80" fill="${volume(defs, lighten(stone, 0.05), 0.5)}"/><rect x="260" y="${FLOOR_Y - 170}" width="280" height="5" fill="#fff" fill-opacity="0.3"/>`,
  );
  const form = rnd.pick(['sphere', 'arch', 'ovoid'] as const);
  const base = FLOOR_Y - 170;
  if (form === 'sphere') {
    out.push(softEllipse(defs, 400, base, 126, 14, '#000', 0.35));
    out.push(
      `<circle cx="400" cy="${base - 120}" r="120" fill="${defs.radial(
        [
          [0, lighten(color, 0.35)],
          [0.6, color],
          [1, darken(color, 0.45)],
        ],
        0.35,
        0.3,
        0.75,
      )}"/>`,
    );
  } else if (form === 'arch') {
    out.push(
      `<path fill-rule="evenodd" d="M280 ${base} L280 ${base - 170} A120 120 0 0 1 520 ${base - 170} L520 ${base} Z M340 ${base} L340 ${base - 170} A60 60 0 0 1 460 ${base - 170} L460 ${base} Z" fill="${volume(defs, color)}"/>`,
    );
  } else {
    out.push(
      `<ellipse cx="400" cy="${base - 150}" rx="90" ry="150" fill="${defs.radial(
        [
          [0, lighten(color, 0.3)],
          [0.65, color],
          [1, darken(color, 0.45)],
        ],
        0.35,
        0.3,
        0.8,
      )}"/>`,
    );
  }
  out.push(`<line x1="300" x2="500" y1="${FLOOR_Y - 130}" y2="${FLOOR_Y - 130}" stroke="${metal.mid}" stroke-width="2"/>`);
  return out.join('');
};

/** A chalet in the snow: a deep pitched roof of larch, balconies, warm windows and pines. */
export const chalet: Draw = ({ defs, rnd }) => {
  const g = 660;
  const wood = '#6B4A32';
  const out: string[] = [];
  out.push(
    `<rect x="0" y="${g}" width="${W}" height="${H - g}" fill="${defs.linear([
      [0, '#F4F4F2'],
      [1, '#D9DCDD'],
    ])}"/>`,
  );
  for (const x of rnd.sample([60, 110, 690, 740, 160], 3))
    out.push(
      `<path d="M${x} ${g + 6} L${x - 40} ${g + 6} L${x} ${g - 190} L${x + 40} ${g + 6} Z" fill="${P.greenDeep}"/><path d="M${x - 26} ${g - 60} L${x} ${g - 110} L${x + 26} ${g - 60}" fill="none" stroke="#F4F4F2" stroke-width="6"/>`,
    );
  out.push(`<rect x="200" y="${g - 210}" width="400" height="210" fill="${volume(defs, wood, 0.5)}"/>`);
  out.push(`<rect x="200" y="${g - 70}" width="400" height="70" fill="${P.stone}"/>`);
  for (let x = 230; x < 580; x += 70)
    out.push(
      `<rect x="${x}" y="${g - 180}" width="44" height="70" fill="${P.champagne}" fill-opacity="0.85"/><rect x="${x}" y="${g - 55}" width="44" height="45" fill="${P.champagne}" fill-opacity="0.6"/>`,
    );
  out.push(`<rect x="180" y="${g - 100}" width="440" height="12" fill="${darken(wood, 0.3)}"/>`);
  for (let x = 186; x < 616; x += 16)
    out.push(`<line x1="${x}" x2="${x}" y1="${g - 130}" y2="${g - 100}" stroke="${darken(wood, 0.3)}" stroke-width="4"/>`);
  // The roof, deep eaves, snow along its edge.
  out.push(
    `<path d="M140 ${g - 200} L400 ${g - 380} L660 ${g - 200} L630 ${g - 196} L400 ${g - 350} L170 ${g - 196} Z" fill="${darken(wood, 0.35)}"/>`,
  );
  out.push(
    `<path d="M130 ${g - 196} L400 ${g - 388} L670 ${g - 196}" fill="none" stroke="#F7F7F5" stroke-width="12" stroke-linejoin="round"/>`,
  );
  out.push(
    `<path d="M230 ${g - 206} L400 ${g - 330} L570 ${g - 206} Z" fill="${lighten(wood, 0.08)}"/><rect x="370" y="${g - 290}" width="60" height="70" fill="${P.champagne}" fill-opacity="0.85"/>`,
  );
  return out.join('');
};

/** A penthouse: the top floors of a tower, a terrace with a pool along its edge, the city or the sea below. */
export const penthouse: Draw = ({ defs, rnd, theme }) => {
  const dark = isDark(theme);
  const stone = dark ? P.bone : '#E9E3D7';
  const glass = defs.linear(
    [
      [0, '#54646A'],
      [0.5, '#1F2A2E'],
      [1, '#3A4A50'],
    ],
    0,
    0,
    1,
    1,
  );
  const out: string[] = [];
  // Neighbouring towers, faint.
  for (let i = 0; i < 5; i++) {
    const x = rnd.int(0, 700);
    const h = rnd.int(120, 300);
    out.push(
      `<rect x="${x}" y="${660 - h}" width="${rnd.int(50, 110)}" height="${h}" fill="${darken(theme.bottom, 0.1)}" fill-opacity="0.35"/>`,
    );
  }
  // The tower rising from below the frame, the two penthouse floors set back on top.
  out.push(`<rect x="160" y="520" width="480" height="${H - 520}" fill="${volume(defs, stone, 0.4)}"/>`);
  for (let y = 540; y < H; y += 60) out.push(`<rect x="180" y="${y}" width="440" height="38" fill="${glass}"/>`);
  out.push(`<rect x="150" y="506" width="500" height="16" fill="${darken(stone, 0.1)}"/>`);
  out.push(
    `<rect x="240" y="360" width="360" height="146" fill="${glass}"/><rect x="220" y="346" width="400" height="16" fill="${stone}"/>`,
  );
  out.push(
    `<rect x="280" y="250" width="260" height="96" fill="${glass}"/><rect x="264" y="238" width="292" height="14" fill="${stone}"/>`,
  );
  out.push(`<rect x="260" y="380" width="140" height="110" fill="${P.champagne}" fill-opacity="0.3"/>`);
  // Terrace pool along the front edge and a glass balustrade.
  out.push(
    `<rect x="160" y="486" width="260" height="20" fill="#6FA3A8"/><line x1="150" x2="650" y1="478" y2="478" stroke="#fff" stroke-opacity="0.5" stroke-width="2"/>`,
  );
  out.push(`<line x1="150" x2="650" y1="506" y2="506" stroke="${P.gold}" stroke-width="2"/>`);
  return out.join('');
};
