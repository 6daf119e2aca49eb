/** Kinds of generated demo imagery the server can render (SVG compositions through sharp). */
export const GENERATED_KINDS = ['product', 'portrait', 'editorial'] as const;
export type GeneratedKind = (typeof GENERATED_KINDS)[number];

/** Widths every image is offered at; `srcset` lists them all. */
export const IMAGE_WIDTHS = [320, 640, 1280, 2048] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

export const IMAGE_FORMATS = ['avif', 'webp', 'jpg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** URL of one rendition: `/media/generated/{kind}/{name}-{width}.{format}`; `name` is a slug that seeds the composition. */
export function generatedImageUrl(kind: GeneratedKind, name: string, width: ImageWidth, format: ImageFormat): string {
  return `/media/generated/${kind}/${encodeURIComponent(name)}-${width}.${format}`;
}

/** `srcset` for one format, every width. */
export function generatedSrcSet(kind: GeneratedKind, name: string, format: ImageFormat): string {
  return IMAGE_WIDTHS.map((w) => `${generatedImageUrl(kind, name, w, format)} ${w}w`).join(', ');
}
