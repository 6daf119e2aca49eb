// Wide editorial compositions (1600 × 900, 16:9): arcades, drapery, horizons, deco lines, plinths.
import type { Random } from '../../../../shared/random.ts';
import { darken, type Defs, lighten, luminance, mix, PALETTE as P, r1 } from './svg-kit.ts';

const W = 1600;
const H = 900;

interface Mood {
  light: string;
  mid: string;
  deep: string;
  accent: string;
}

const MOODS: readonly (readonly [Mood, number])[] = [
  [{ light: P.porcelain, mid: '#E6D9C3', deep: '#B9A586', accent: P.gold }, 3],
  [{ light: '#F1E3CC', mid: '#D7BE95', deep: '#9A7B52', accent: P.goldDeep }, 2],
  [{ light: '#3D6353', mid: P.green, deep: P.greenDeep, accent: P.goldLight }, 2],
  [{ light: '#8A3A40', mid: P.oxblood, deep: P.oxbloodDeep, accent: P.goldLight }, 1.5],
  [{ light: '#4A4640', mid: '#24221F', deep: '#0F0E0D', accent: P.goldLight }, 1.5],
  [{ light: '#F2E6E0', mid: '#DCC5BA', deep: '#A7867A', accent: P.gold }, 1.5],
];

type Scene = (defs: Defs, rnd: Random, m: Mood) => string;

/** An arcade: a wall pierced by arches, low sun throwing long arched patches of light across the floor. */
const arcade: Scene = (defs, rnd, m) => {
  const out: string[] = [];
  const n = rnd.int(3, 5);
  const floorY = 640;
  out.push(
    `<rect width="${W}" height="${floorY}" fill="${defs.linear([
      [0, m.mid],
      [1, darken(m.mid, 0.1)],
    ])}"/>`,
  );
  out.push(
    `<rect y="${floorY}" width="${W}" height="${H - floorY}" fill="${defs.linear([
      [0, darken(m.mid, 0.2)],
      [1, darken(m.deep, 0.1)],
    ])}"/>`,
  );
  const gap = W / n;
  const aw = gap * rnd.float(0.52, 0.62);
  const top = rnd.float(150, 210);
  const sky = defs.linear([
    [0, lighten(m.light, 0.4)],
    [1, m.light],
  ]);
  const slant = rnd.pick([-1, 1]) * rnd.float(160, 260);
  for (let i = 0; i < n; i++) {
    const x = gap * i + (gap - aw) / 2;
    const archPath = (left: number, width: number) =>
      `M${r1(left)} ${floorY} L${r1(left)} ${r1(top + aw / 2)} A${r1(width / 2)} ${r1(width / 2)} 0 0 1 ${r1(left + width)} ${r1(top + aw / 2)} L${r1(left + width)} ${floorY} Z`;
    // The reveal (the wall's thickness, in shade) shows along the right of each opening.
    out.push(`<path d="${archPath(x, aw)}" fill="${darken(m.mid, 0.25)}"/>`);
    out.push(`<path d="${archPath(x, aw - 24)}" fill="${sky}"/>`);
    // The patch of light on the floor, sheared by the low sun.
    out.push(
      `<path d="M${r1(x)} ${floorY} L${r1(x + aw)} ${floorY} L${r1(x + aw + slant)} ${H} L${r1(x + slant)} ${H} Z" fill="${lighten(m.light, 0.2)}" fill-opacity="0.35"/>`,
    );
  }
  out.push(`<line x1="0" x2="${W}" y1="${floorY}" y2="${floorY}" stroke="${m.accent}" stroke-opacity="0.6" stroke-width="2"/>`);
  return out.join('');
};

/** Silk drapery: broad overlapping bands with sheen, a thin gold line crossing them. */
const drapery: Scene = (defs, rnd, m) => {
  const out: string[] = [];
  out.push(`<rect width="${W}" height="${H}" fill="${m.deep}"/>`);
  const bands = rnd.int(4, 6);
  for (let i = 0; i < bands; i++) {
    const y0 = -200 + (i / bands) * (H + 300) + rnd.float(-40, 40);
    const amp = rnd.float(90, 200);
    const tone = i % 2 === 0 ? m.mid : mix(m.mid, m.light, 0.4);
    const sheen = defs.linear(
      [
        [0, darken(tone, 0.35)],
        [0.45, lighten(tone, 0.25)],
        [0.55, tone],
        [1, darken(tone, 0.4)],
      ],
      0,
      0,
      0.3,
      1,
    );
    const d = `M-50 ${r1(y0)} C ${r1(W * 0.3)} ${r1(y0 - amp)} ${r1(W * 0.6)} ${r1(y0 + amp * 1.4)} ${W + 50} ${r1(y0 + rnd.float(-60, 60))} L${W + 50} ${H + 100} L-50 ${H + 100} Z`;
    out.push(`<path d="${d}" fill="${sheen}"/>`);
    out.push(
      `<path d="M-50 ${r1(y0)} C ${r1(W * 0.3)} ${r1(y0 - amp)} ${r1(W * 0.6)} ${r1(y0 + amp * 1.4)} ${W + 50} ${r1(y0)}" fill="none" stroke="#000" stroke-opacity="0.14" stroke-width="8"/>`,
    );
  }
  const gy = rnd.float(250, 650);
  out.push(
    `<path d="M-20 ${r1(gy)} C ${r1(W * 0.35)} ${r1(gy - 160)} ${r1(W * 0.65)} ${r1(gy + 160)} ${W + 20} ${r1(gy - 40)}" fill="none" stroke="${P.goldLight}" stroke-width="2.2"/>`,
  );
  return out.join('');
};

/** A horizon: sky, a low sun or moon, calm water with its reflection, sometimes a lone monolith. */
const horizon: Scene = (defs, rnd, m) => {
  const out: string[] = [];
  const hy = rnd.float(470, 560);
  out.push(
    `<rect width="${W}" height="${r1(hy)}" fill="${defs.linear([
      [0, darken(m.mid, 0.1)],
      [0.7, m.light],
      [1, lighten(m.light, 0.3)],
    ])}"/>`,
  );
  const sx = rnd.float(500, 1100);
  const sr = rnd.float(70, 120);
  const sy = hy - rnd.float(60, 200);
  out.push(
    `<circle cx="${r1(sx)}" cy="${r1(sy)}" r="${r1(sr * 2.4)}" fill="${defs.radial([
      [0, P.champagne, 0.5],
      [1, P.champagne, 0],
    ])}"/>`,
  );
  const lightSky = luminance(m.light) > 0.6;
  out.push(
    `<circle cx="${r1(sx)}" cy="${r1(sy)}" r="${r1(sr)}" fill="${lightSky ? mix(P.champagne, P.gold, 0.35) : lighten(P.champagne, 0.3)}"/>`,
  );
  out.push(
    `<rect y="${r1(hy)}" width="${W}" height="${r1(H - hy)}" fill="${defs.linear([
      [0, m.mid],
      [1, m.deep],
    ])}"/>`,
  );
  for (let i = 0; i < 12; i++) {
    const y = hy + 12 + i * ((H - hy) / 12);
    const w = rnd.float(60, 220) * (1 + i * 0.12);
    out.push(
      `<rect x="${r1(sx - w / 2 + rnd.float(-20, 20))}" y="${r1(y)}" width="${r1(w)}" height="${r1(2 + i * 0.4)}" fill="${P.champagne}" fill-opacity="${r1(0.7 - i * 0.045)}"/>`,
    );
  }
  out.push(`<line x1="0" x2="${W}" y1="${r1(hy)}" y2="${r1(hy)}" stroke="${m.accent}" stroke-width="1.5" stroke-opacity="0.7"/>`);
  if (rnd.chance(0.5)) {
    const mx = rnd.pick([rnd.float(180, 420), rnd.float(1180, 1420)]);
    out.push(`<rect x="${r1(mx)}" y="${r1(hy - 300)}" width="70" height="${r1(300 + 20)}" fill="${darken(m.deep, 0.2)}"/>`);
    out.push(`<rect x="${r1(mx)}" y="${r1(hy + 20)}" width="70" height="140" fill="${darken(m.deep, 0.2)}" fill-opacity="0.35"/>`);
  }
  return out.join('');
};

/** Art-deco sunburst: fine gold rays and concentric arcs rising from the bottom edge of a dark field. */
const deco: Scene = (defs, rnd, m) => {
  const out: string[] = [];
  const base = rnd.chance(0.5) ? m.deep : darken(m.deep, 0.3);
  out.push(
    `<rect width="${W}" height="${H}" fill="${defs.radial(
      [
        [0, lighten(base, 0.12)],
        [1, base],
      ],
      0.5,
      1,
      1,
    )}"/>`,
  );
  const cx = rnd.pick([W / 2, W * 0.3, W * 0.7]);
  const cy = H + 40;
  const rays = rnd.int(18, 30);
  for (let i = 0; i <= rays; i++) {
    const a = Math.PI + (i / rays) * Math.PI;
    out.push(
      `<line x1="${r1(cx + Math.cos(a) * 260)}" y1="${r1(cy + Math.sin(a) * 260)}" x2="${r1(cx + Math.cos(a) * 1900)}" y2="${r1(cy + Math.sin(a) * 1900)}" stroke="${P.goldLight}" stroke-opacity="0.35" stroke-width="1.2"/>`,
    );
  }
  for (let i = 0; i < 5; i++) {
    const r = 260 + i * rnd.float(70, 110);
    out.push(
      `<circle cx="${r1(cx)}" cy="${cy}" r="${r1(r)}" fill="none" stroke="${P.goldLight}" stroke-opacity="${r1(0.8 - i * 0.12)}" stroke-width="${i === 0 ? 3 : 1.4}"/>`,
    );
  }
  out.push(
    `<circle cx="${r1(cx)}" cy="${cy}" r="240" fill="${defs.radial(
      [
        [0, P.champagne],
        [1, P.gold],
      ],
      0.5,
      0.3,
      0.8,
    )}"/>`,
  );
  return out.join('');
};

/** A still life of architectural plinths and a sphere in raking light. */
const plinths: Scene = (defs, rnd, m) => {
  const out: string[] = [];
  const floorY = rnd.float(600, 680);
  out.push(
    `<rect width="${W}" height="${r1(floorY)}" fill="${defs.linear(
      [
        [0, lighten(m.mid, 0.1)],
        [1, m.mid],
      ],
      0,
      0,
      1,
      0,
    )}"/>`,
  );
  out.push(`<rect y="${r1(floorY)}" width="${W}" height="${r1(H - floorY)}" fill="${darken(m.mid, 0.12)}"/>`);
  const blocks = rnd.int(2, 4);
  let x = rnd.float(200, 400);
  const stone = mix(m.light, m.mid, 0.3);
  for (let i = 0; i < blocks; i++) {
    const w = rnd.float(180, 320);
    const h = rnd.float(120, 380);
    out.push(
      `<path d="M${r1(x + w)} ${r1(floorY)} L${r1(x + w + 260)} ${r1(floorY + 80)} L${r1(x + 260)} ${r1(floorY + 80)} L${r1(x)} ${r1(floorY)} Z" fill="#000" fill-opacity="0.16"/>`,
    );
    out.push(
      `<rect x="${r1(x)}" y="${r1(floorY - h)}" width="${r1(w)}" height="${r1(h)}" fill="${defs.linear(
        [
          [0, lighten(stone, 0.2)],
          [1, darken(stone, 0.1)],
        ],
        0,
        0,
        1,
        0,
      )}"/>`,
    );
    out.push(`<rect x="${r1(x)}" y="${r1(floorY - h)}" width="${r1(w)}" height="4" fill="#fff" fill-opacity="0.4"/>`);
    if (i === blocks - 1 || rnd.chance(0.3)) {
      const sr = Math.min(w * 0.4, 110);
      out.push(
        `<circle cx="${r1(x + w / 2)}" cy="${r1(floorY - h - sr)}" r="${r1(sr)}" fill="${defs.radial(
          [
            [0, lighten(m.accent, 0.5)],
            [0.6, m.accent],
            [1, darken(m.accent, 0.5)],
          ],
          0.3,
          0.3,
          0.8,
        )}"/>`,
      );
    }
    x += w + rnd.float(40, 160);
    if (x > W - 200) break;
  }
  out.push(`<line x1="0" x2="${W}" y1="${r1(floorY)}" y2="${r1(floorY)}" stroke="${m.accent}" stroke-opacity="0.4" stroke-width="1.2"/>`);
  return out.join('');
};

/** A long gallery in one-point perspective, closing on a lit arch. */
const gallery: Scene = (defs, rnd, m) => {
  const out: string[] = [];
  const vx = rnd.float(700, 900);
  const vy = rnd.float(400, 470);
  out.push(`<rect width="${W}" height="${H}" fill="${m.mid}"/>`);
  out.push(
    `<path d="M0 ${H} L${r1(vx - 90)} ${r1(vy + 120)} L${r1(vx + 90)} ${r1(vy + 120)} L${W} ${H} Z" fill="${defs.linear([
      [0, darken(m.mid, 0.15)],
      [1, darken(m.deep, 0.05)],
    ])}"/>`,
  );
  out.push(`<path d="M0 0 L${r1(vx - 90)} ${r1(vy - 140)} L${r1(vx - 90)} ${r1(vy + 120)} L0 ${H} Z" fill="${darken(m.mid, 0.1)}"/>`);
  out.push(
    `<path d="M${W} 0 L${r1(vx + 90)} ${r1(vy - 140)} L${r1(vx + 90)} ${r1(vy + 120)} L${W} ${H} Z" fill="${lighten(m.mid, 0.06)}"/>`,
  );
  out.push(`<path d="M0 0 L${W} 0 L${r1(vx + 90)} ${r1(vy - 140)} L${r1(vx - 90)} ${r1(vy - 140)} Z" fill="${darken(m.mid, 0.2)}"/>`);
  out.push(
    `<path d="M${r1(vx - 60)} ${r1(vy + 120)} L${r1(vx - 60)} ${r1(vy - 60)} A60 60 0 0 1 ${r1(vx + 60)} ${r1(vy - 60)} L${r1(vx + 60)} ${r1(vy + 120)} Z" fill="${lighten(m.light, 0.4)}"/>`,
  );
  // Floor joints converge on the vanishing point; pilasters recede along the walls.
  for (let i = -6; i <= 6; i++)
    out.push(
      `<line x1="${r1(vx + i * 14)}" y1="${r1(vy + 120)}" x2="${r1(W / 2 + i * 260)}" y2="${H}" stroke="${m.accent}" stroke-opacity="0.25" stroke-width="1"/>`,
    );
  for (let k = 1; k <= 5; k++) {
    const t = 1 - 1 / (1 + k * 0.6);
    const xl = t * (vx - 90);
    const xr = W - t * (W - vx - 90);
    const yt = t * (vy - 140);
    const yb = H - t * (H - vy - 120);
    out.push(
      `<line x1="${r1(xl)}" y1="${r1(yt)}" x2="${r1(xl)}" y2="${r1(yb)}" stroke="${m.accent}" stroke-opacity="0.45" stroke-width="${r1(3 - t * 2)}"/>`,
    );
    out.push(
      `<line x1="${r1(xr)}" y1="${r1(yt)}" x2="${r1(xr)}" y2="${r1(yb)}" stroke="${m.accent}" stroke-opacity="0.45" stroke-width="${r1(3 - t * 2)}"/>`,
    );
  }
  out.push(
    `<rect width="${W}" height="${H}" fill="${defs.radial(
      [
        [0, '#fff', 0.2],
        [1, '#fff', 0],
      ],
      vx / W,
      vy / H,
      0.35,
    )}"/>`,
  );
  return out.join('');
};

const SCENES: readonly (readonly [Scene, number])[] = [
  [arcade, 1],
  [drapery, 1],
  [horizon, 1],
  [deco, 0.7],
  [plinths, 1],
  [gallery, 0.8],
];

/** One editorial composition, with a soft vignette. */
export function drawEditorial(defs: Defs, rnd: Random): string {
  const mood = rnd.weighted(MOODS);
  const scene = rnd.weighted(SCENES);
  const vignette = defs.radial(
    [
      [0.6, '#000', 0],
      [1, '#000', 0.28],
    ],
    0.5,
    0.5,
    0.75,
  );
  return `${scene(defs, rnd, mood)}<rect width="${W}" height="${H}" fill="${vignette}"/>`;
}
