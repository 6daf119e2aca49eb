// Small helpers to write SVG by hand: colours, gradients and filters collected into one <defs>.

/** The house palette: ivory, black, muted gold, champagne, deep green and oxblood, with their neighbours. */
export const PALETTE = {
  porcelain: '#FBF8F2',
  ivory: '#F4EEE3',
  bone: '#E8DFD0',
  linen: '#DCD0BC',
  sand: '#CDBEA4',
  champagne: '#E3CFA6',
  goldLight: '#D8BE86',
  gold: '#B3935A',
  goldDeep: '#82683A',
  taupe: '#8C7F6D',
  stone: '#A79C8B',
  onyx: '#121212',
  ink: '#1C1B1A',
  charcoal: '#2C2A27',
  green: '#1E3A2F',
  greenDeep: '#132820',
  sage: '#6F806F',
  oxblood: '#5A1D23',
  oxbloodDeep: '#3C1217',
  blush: '#E7D2C6',
  rose: '#C9A093',
  cognac: '#8A5535',
  steel: '#B9B8B3',
  pearl: '#F1ECE4',
} as const;

/** Mixes two #rrggbb colours; `t` 0 gives `a`, 1 gives `b`. */
export function mix(a: string, b: string, t: number): string {
  const pa = parse(a);
  const pb = parse(b);
  const c = pa.map((v, i) => Math.round(v + (pb[i]! - v) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export const lighten = (c: string, t: number) => mix(c, '#ffffff', t);
export const darken = (c: string, t: number) => mix(c, '#000000', t);

/** Relative luminance 0…1, to pick a tone that reads against a background. */
export function luminance(c: string): number {
  const [r, g, b] = parse(c).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function parse(c: string): [number, number, number] {
  const n = Number.parseInt(c.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Rounds coordinates so the SVG stays short and byte-identical across platforms. */
export const r1 = (n: number) => Math.round(n * 10) / 10;

type Stop = readonly [offset: number, color: string, opacity?: number];

/** Collects <defs> entries under unique ids while a composition is drawn. */
export class Defs {
  private items: string[] = [];
  private n = 0;

  private id(prefix: string): string {
    return `${prefix}${++this.n}`;
  }

  /** A linear gradient from (x1,y1) to (x2,y2) in object-bounding-box units (0…1) unless `user` is set. */
  linear(stops: readonly Stop[], x1 = 0, y1 = 0, x2 = 0, y2 = 1, user = false): string {
    const id = this.id('l');
    const units = user ? ' gradientUnits="userSpaceOnUse"' : '';
    this.items.push(
      `<linearGradient id="${id}" x1="${r1(x1)}" y1="${r1(y1)}" x2="${r1(x2)}" y2="${r1(y2)}"${units}>${stopsSvg(stops)}</linearGradient>`,
    );
    return `url(#${id})`;
  }

  /** A radial gradient centred at (cx,cy) with radius r (bounding-box units unless `user`). */
  radial(stops: readonly Stop[], cx = 0.5, cy = 0.5, r = 0.5, user = false, fx?: number, fy?: number): string {
    const id = this.id('r');
    const units = user ? ' gradientUnits="userSpaceOnUse"' : '';
    const focus = fx !== undefined && fy !== undefined ? ` fx="${r1(fx)}" fy="${r1(fy)}"` : '';
    this.items.push(
      `<radialGradient id="${id}" cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(r)}"${focus}${units}>${stopsSvg(stops)}</radialGradient>`,
    );
    return `url(#${id})`;
  }

  /** A clip path from raw shape markup. */
  clip(shapes: string): string {
    const id = this.id('c');
    this.items.push(`<clipPath id="${id}">${shapes}</clipPath>`);
    return `url(#${id})`;
  }

  toString(): string {
    return `<defs>${this.items.join('')}</defs>`;
  }
}

function stopsSvg(stops: readonly Stop[]): string {
  return stops
    .map(
      ([o, c, a]) =>
        `<stop offset="${r1(o * 100)}%" stop-color="${c}"${a === undefined || a === 1 ? '' : ` stop-opacity="${r1(a * 100) / 100}"`}/>`,
    )
    .join('');
}

/**
 * A soft-edged ellipse (shadow, glow, reflection) drawn with a radial gradient. It looks like a blurred shape, but
 * librsvg renders it in microseconds where a large feGaussianBlur at 2048 px takes seconds; compositions use no filters.
 */
export function softEllipse(
  defs: Defs,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  color: string,
  opacity: number,
  core = 0.3,
): string {
  const fill = defs.radial([
    [0, color, opacity],
    [core, color, opacity * 0.85],
    [1, color, 0],
  ]);
  return `<ellipse cx="${r1(cx)}" cy="${r1(cy)}" rx="${r1(rx)}" ry="${r1(ry)}" fill="${fill}"/>`;
}

/** A polygon path through points, closed. */
export function poly(points: readonly (readonly [number, number])[]): string {
  return `M${points.map(([x, y]) => `${r1(x)} ${r1(y)}`).join(' L')} Z`;
}
