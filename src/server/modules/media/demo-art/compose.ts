// Demo imagery drawn as SVG: nothing can be downloaded, so products, portraits and editorial pictures are composed here.
import type { GeneratedKind } from '../../../../shared/media.ts';
import { createRandom } from '../../../../shared/random.ts';
import { drawEditorial } from './editorial-scenes.ts';
import { drawPortrait } from './stylist-portraits.ts';
import { drawProduct } from './product-still-lifes.ts';
import { Defs } from './svg-kit.ts';

/** Width : height of each kind: products and portraits 4:5, editorial 16:9. */
export const ASPECT: Record<GeneratedKind, readonly [number, number]> = { product: [4, 5], portrait: [4, 5], editorial: [16, 9] };

/** The drawing space of each kind; the SVG scales it to the requested pixel size. */
const VIEWBOX: Record<GeneratedKind, readonly [number, number]> = { product: [800, 1000], portrait: [800, 1000], editorial: [1600, 900] };

/** Bumped whenever a composition changes, so cached renders from an older generator are not served. */
export const IMAGERY_VERSION = 2;

/** Pixel height of a rendition `width` pixels wide. */
export function heightFor(kind: GeneratedKind, width: number): number {
  const [w, h] = ASPECT[kind];
  return Math.round((width * h) / w);
}

/**
 * A tasteful composition seeded by `name`: the same name always gives the same picture. Products pick their object from
 * the name's words ("bag", "watch", "villa"…). No text is ever drawn. An aspect other than the kind's is filled by cropping.
 */
export function composeSvg(kind: GeneratedKind, name: string, width: number, height: number): string {
  const rnd = createRandom(`${kind}/${name}`);
  const defs = new Defs();
  const body = kind === 'product' ? drawProduct(defs, rnd, name) : kind === 'portrait' ? drawPortrait(defs, rnd) : drawEditorial(defs, rnd);
  const [vw, vh] = VIEWBOX[kind];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${vw} ${vh}" preserveAspectRatio="xMidYMid slice">` +
    `${defs.toString()}${body}</svg>`
  );
}
