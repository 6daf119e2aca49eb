import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { heightFor } from './demo-art/compose.ts';
import { PRODUCT_OBJECTS } from './demo-art/product-still-lifes.ts';
import { renderImage, renderPlaceholder } from './render.ts';

const isJpeg = (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const isWebp = (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP';
const isAvif = (b: Buffer) =>
  b.subarray(4, 8).toString('latin1') === 'ftyp' && ['avif', 'avis'].includes(b.subarray(8, 12).toString('latin1'));

describe('renderImage', () => {
  it.each([
    ['product', 320, 'jpg', isJpeg],
    ['portrait', 640, 'webp', isWebp],
    ['editorial', 640, 'avif', isAvif],
    ['product', 1280, 'avif', isAvif],
  ] as const)('renders a %s at %i px as %s with the right size', async (kind, width, format, check) => {
    const body = await renderImage(kind, 'maison-aurelia-bag', width, format);
    expect(check(body)).toBe(true);
    const meta = await sharp(body).metadata();
    expect([meta.width, meta.height]).toEqual([width, heightFor(kind, width)]);
  });

  it('renders the same bytes for the same request', async () => {
    const [a, b] = await Promise.all([
      renderImage('product', 'twin-watch', 320, 'webp'),
      renderImage('product', 'twin-watch', 320, 'webp'),
    ]);
    expect(a.equals(b)).toBe(true);
  });

  it('renders every product object and scene without errors', async () => {
    const names = [...PRODUCT_OBJECTS.map((o) => `sample-${o}`), 'sample-shoes', 'sample-perfume', 'sample-vase'];
    for (const name of names) expect(isJpeg(await renderImage('product', name, 320, 'jpg'))).toBe(true);
    for (let i = 0; i < 12; i++) {
      expect(isJpeg(await renderImage('portrait', `sitter-${i}`, 320, 'jpg'))).toBe(true);
      expect(isJpeg(await renderImage('editorial', `story-${i}`, 320, 'jpg'))).toBe(true);
    }
  });
});

describe('renderPlaceholder', () => {
  it('is a tiny WebP data URI 16 px wide', async () => {
    const uri = await renderPlaceholder('editorial', 'riviera-summer');
    expect(uri).toMatch(/^data:image\/webp;base64,/);
    const body = Buffer.from(uri.split(',')[1]!, 'base64');
    expect(body.length).toBeLessThan(1000);
    const meta = await sharp(body).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 16, 9]);
    expect(await renderPlaceholder('editorial', 'riviera-summer')).toBe(uri);
  });
});
