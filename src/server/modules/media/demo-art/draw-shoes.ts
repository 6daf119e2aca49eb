// Shoes: the stiletto pump (and sandal), the flat (loafer, ballet flat, oxford) and the ankle boot.
import { darken, lighten, mix, PALETTE as P, softEllipse } from './svg-kit.ts';
import { contactShadow, type Draw, FLOOR_Y, isDark, metalFill, volume } from './still-life-kit.ts';

export const shoe: Draw = ({ defs, rnd, color, metal, theme }) => {
  const sole = rnd.chance(0.4) ? P.oxblood : darken(color, 0.45);
  const lining = isDark(theme) ? P.bone : mix(P.sand, P.porcelain, 0.4);
  const y = FLOOR_Y;
  const out: string[] = [];
  out.push(contactShadow(defs, 300, y + 1, 190, 10, 0.3));
  out.push(softEllipse(defs, 606, y + 1, 26, 7, '#000', 0.45));
  // Stiletto heel, from the heel seat down to a metal tip.
  out.push(
    `<path d="M586 ${y - 172} C 594 ${y - 110} 598 ${y - 50} 598 ${y - 6} L612 ${y - 6} C 612 ${y - 60} 616 ${y - 130} 624 ${y - 190} Z" fill="${volume(defs, darken(color, 0.08))}"/>`,
  );
  out.push(`<rect x="597" y="${y - 7}" width="16" height="7" rx="2" fill="${metal.dark}"/>`);
  // Lining: the far side of the shoe seen through the opening, above the near top line.
  out.push(
    `<path d="M318 ${y - 84} C 420 ${y - 118} 540 ${y - 190} 604 ${y - 276} C 560 ${y - 200} 450 ${y - 100} 330 ${y - 78} Z" fill="${lining}"/>`,
  );
  out.push(
    `<path d="M318 ${y - 84} C 420 ${y - 118} 540 ${y - 190} 604 ${y - 276}" fill="none" stroke="${darken(color, 0.1)}" stroke-width="5" stroke-linecap="round"/>`,
  );
  // Upper: pointed toe, low vamp, top line rising to the heel counter, sole line back down.
  const upper = `M112 ${y - 16} C 150 ${y - 48} 240 ${y - 74} 322 ${y - 80} C 440 ${y - 96} 548 ${y - 172} 606 ${y - 272} C 624 ${y - 250} 630 ${y - 214} 622 ${y - 186} C 612 ${y - 176} 596 ${y - 172} 584 ${y - 168} C 520 ${y - 128} 430 ${y - 30} 350 ${y - 8} C 290 ${y + 4} 190 ${y + 4} 140 ${y - 4} C 124 ${y - 6} 112 ${y - 10} 112 ${y - 16} Z`;
  out.push(`<path d="${upper}" fill="${volume(defs, color)}"/>`);
  out.push(
    `<path d="${upper}" fill="${defs.linear([
      [0, '#fff', 0.16],
      [0.45, '#fff', 0],
      [1, '#000', 0.15],
    ])}"/>`,
  );
  // Sole edge along the bottom.
  out.push(
    `<path d="M118 ${y - 10} C 170 ${y + 2} 290 ${y + 4} 350 ${y - 8} C 430 ${y - 30} 520 ${y - 128} 584 ${y - 168}" fill="none" stroke="${sole}" stroke-width="5" stroke-linecap="round"/>`,
  );
  // Highlight along the toe box.
  out.push(
    `<path d="M150 ${y - 36} C 200 ${y - 58} 260 ${y - 70} 310 ${y - 74}" fill="none" stroke="#fff" stroke-opacity="0.2" stroke-width="5" stroke-linecap="round"/>`,
  );
  if (rnd.chance(0.5)) out.push(`<path d="M300 ${y - 84} l12 -9 l12 9 l-12 9 Z" fill="${metalFill(defs, metal)}"/>`);
  return out.join('');
};

/** A low shoe in profile: a loafer (with its bit), a ballet flat (with its bow) or an oxford (with its laces). */
export const flatShoe: Draw = ({ defs, color, metal, words, style }) => {
  const y = FLOOR_Y;
  const out: string[] = [];
  const ballet = words.includes('ballet') || words.includes('flats');
  const oxford = words.includes('oxford');
  const sole = darken(color, 0.5);
  out.push(contactShadow(defs, 400, y + 2, 280, 14, 0.32));
  // Sole and a low stacked heel.
  out.push(`<path d="M112 ${y - 14} C 130 ${y + 2} 600 ${y + 4} 690 ${y - 4} L690 ${y - 22} L112 ${y - 26} Z" fill="${sole}"/>`);
  // Upper: a rounded toe rising to a low vamp and a heel counter.
  const vamp = ballet ? 160 : 210;
  const upper = `M112 ${y - 24} C 104 ${y - 70} 150 ${y - 120} 260 ${y - 140} C 360 ${y - vamp} 470 ${y - vamp} 560 ${y - 190} C 620 ${y - 190} 680 ${y - 180} 692 ${y - 130} L694 ${y - 22} Z`;
  out.push(`<path d="${upper}" fill="${volume(defs, color)}"/>`);
  out.push(
    `<path d="${upper}" fill="${defs.linear([
      [0, '#fff', 0.2],
      [0.5, '#fff', 0],
      [1, '#000', 0.18],
    ])}"/>`,
  );
  // The opening, lined.
  out.push(
    `<path d="M${ballet ? 330 : 420} ${y - (ballet ? 150 : 196)} C 500 ${y - 206} 620 ${y - 196} 680 ${y - 170} C 620 ${y - 170} 520 ${y - 172} ${ballet ? 330 : 420} ${y - (ballet ? 150 : 196)} Z" fill="${mix(color, '#F4EEE3', 0.7)}"/>`,
  );
  if (ballet) {
    out.push(
      `<path d="M310 ${y - 150} l-26 -16 l0 32 Z M310 ${y - 150} l26 -16 l0 32 Z" fill="${darken(color, 0.2)}"/><circle cx="310" cy="${y - 150}" r="7" fill="${darken(color, 0.3)}"/>`,
    );
  } else if (oxford || style === 'oxford') {
    for (let i = 0; i < 4; i++)
      out.push(
        `<line x1="${352 + i * 24}" y1="${y - 170 - i * 4}" x2="${372 + i * 24}" y2="${y - 150 - i * 4}" stroke="${lighten(color, 0.4)}" stroke-width="3"/>`,
      );
  } else {
    // The horsebit across the vamp.
    out.push(
      `<path d="M300 ${y - 150} C 330 ${y - 168} 380 ${y - 176} 420 ${y - 176}" fill="none" stroke="${metalFill(defs, metal, 1)}" stroke-width="9" stroke-linecap="round"/>`,
    );
    out.push(
      `<circle cx="296" cy="${y - 148}" r="11" fill="none" stroke="${metal.mid}" stroke-width="5"/><circle cx="424" cy="${y - 176}" r="11" fill="none" stroke="${metal.mid}" stroke-width="5"/>`,
    );
  }
  out.push(
    `<path d="M140 ${y - 60} C 170 ${y - 100} 220 ${y - 122} 280 ${y - 130}" fill="none" stroke="#fff" stroke-opacity="0.22" stroke-width="6" stroke-linecap="round"/>`,
  );
  return out.join('');
};

/** An ankle boot in profile, with a block heel and an elastic gusset (Chelsea) or a side zip. */
export const boot: Draw = ({ defs, color, metal, words }) => {
  const y = FLOOR_Y;
  const chelsea = words.includes('chelsea');
  const out: string[] = [];
  out.push(contactShadow(defs, 400, y + 2, 270, 14, 0.32));
  const heel = chelsea ? 30 : 90;
  out.push(`<path d="M560 ${y - 22} L570 ${y} L676 ${y} L686 ${y - heel}" fill="${darken(color, 0.45)}"/>`);
  out.push(
    `<path d="M118 ${y - 12} C 140 ${y + 2} 520 ${y + 2} 560 ${y - 10} L560 ${y - 24} L118 ${y - 26} Z" fill="${darken(color, 0.5)}"/>`,
  );
  const upper = `M118 ${y - 24} C 108 ${y - 74} 170 ${y - 120} 290 ${y - 150} C 380 ${y - 176} 430 ${y - 250} 444 ${y - 380} L660 ${y - 380} C 666 ${y - 300} 682 ${y - 200} 688 ${y - heel} L560 ${y - 24} Z`;
  out.push(`<path d="${upper}" fill="${volume(defs, color)}"/>`);
  out.push(
    `<path d="${upper}" fill="${defs.linear([
      [0, '#fff', 0.18],
      [0.5, '#fff', 0],
      [1, '#000', 0.2],
    ])}"/>`,
  );
  out.push(`<ellipse cx="552" cy="${y - 380}" rx="108" ry="14" fill="${darken(color, 0.55)}"/>`);
  if (chelsea)
    out.push(
      `<path d="M500 ${y - 372} L548 ${y - 230} L596 ${y - 372} Z" fill="${darken(color, 0.35)}"/><path d="M515 ${y - 372} L548 ${y - 270} L581 ${y - 372}" fill="none" stroke="${lighten(color, 0.15)}" stroke-opacity="0.4" stroke-width="2"/>`,
    );
  else
    out.push(
      `<line x1="620" y1="${y - 372}" x2="628" y2="${y - 150}" stroke="${metal.mid}" stroke-width="4"/><rect x="612" y="${y - 380}" width="16" height="30" rx="3" fill="${metalFill(defs, metal, 1)}"/>`,
    );
  out.push(
    `<path d="M150 ${y - 62} C 190 ${y - 104} 250 ${y - 130} 300 ${y - 140}" fill="none" stroke="#fff" stroke-opacity="0.2" stroke-width="6" stroke-linecap="round"/>`,
  );
  return out.join('');
};
