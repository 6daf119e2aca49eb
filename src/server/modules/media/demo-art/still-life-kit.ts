// What every product still life shares: the 800 × 1000 space, the floor line, the theme and the drawing context, and the
// small shading helpers (contact shadows, left-lit volumes, polished metal).
import type { Random } from '../../../../shared/random.ts';
import { darken, type Defs, lighten, softEllipse } from './svg-kit.ts';

export const W = 800;
export const H = 1000;
export const FLOOR_Y = 770;

export interface Theme {
  top: string;
  bottom: string;
  floor: string;
  /** Colours an object may take against this backdrop (when the name does not say). */
  objects: readonly string[];
  metal: 'gold' | 'steel';
}

export interface Metal {
  light: string;
  mid: string;
  dark: string;
}

export interface Ctx {
  defs: Defs;
  rnd: Random;
  /** The object's colour: the variant's colour when the name carries one ("bag-cognac-…"). */
  color: string;
  metal: Metal;
  theme: Theme;
  /** The product name's words, for variants ("tote", "pearls", "emeralds"…). */
  words: readonly string[];
  /** Which drawing of its family: "loafer" or "boot" for shoes, "tote" for bags, "chronograph" for watches… */
  style: string;
  /** True when the colour came from the name (the variant's colour), not from the theme. */
  named: boolean;
}

export const isDark = (t: Theme) =>
  t.bottom.startsWith('#1') || t.bottom.startsWith('#2') || t.bottom.startsWith('#3') || t.bottom.startsWith('#0');

export function contactShadow(defs: Defs, cx: number, cy: number, rx: number, ry: number, opacity = 0.35): string {
  return (
    softEllipse(defs, cx, cy, rx * 1.15, ry * 2.2, '#000', opacity * 0.8) +
    softEllipse(defs, cx, cy, rx * 0.85, ry * 0.6, '#000', opacity, 0.45)
  );
}

/** Left-lit volume: lighter on the left, deeper on the right. */
export function volume(defs: Defs, c: string, strength = 1): string {
  return defs.linear(
    [
      [0, lighten(c, 0.2 * strength)],
      [0.45, c],
      [1, darken(c, 0.35 * strength)],
    ],
    0,
    0,
    1,
    0.25,
  );
}

export function metalFill(defs: Defs, m: Metal, angle = 0.35): string {
  return defs.linear(
    [
      [0, m.light],
      [0.35, m.mid],
      [0.55, m.light],
      [1, m.dark],
    ],
    0,
    0,
    1,
    angle,
  );
}

export type Draw = (ctx: Ctx) => string;
