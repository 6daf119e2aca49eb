import { preload } from 'react-dom';

/** The files of one picture as its `<picture>` offers them: a `srcset` per format, and the `<img>`'s own `src`. */
export type PictureFiles = { src: string; avif?: string; webp?: string; jpg?: string };

/**
 * Asks for a picture above the fold from the document's <head>, at high priority, as the file its `<picture>` will
 * pick (the first format of the `<source>`s, the same `srcset` and `sizes`, so the browser reuses the answer). In the
 * body, the `<img>` is found only after the head's stylesheet, fonts and module preloads; in the head, on a slow
 * connection, the largest paint of the page starts with the first requests. React puts high-priority image
 * preloads right after the character set and viewport, server-side and on client navigations alike.
 */
export function preloadPicture(files: PictureFiles, sizes: string): void {
  const [type, srcSet] = files.avif ? ['image/avif', files.avif] : files.webp ? ['image/webp', files.webp] : [undefined, files.jpg];
  preload(files.src, { as: 'image', fetchPriority: 'high', type, imageSrcSet: srcSet, imageSizes: srcSet ? sizes : undefined });
}
