import { describe, expect, it } from 'vitest';
import { imagesFor } from './present.ts';

describe('a product page’s pictures follow the colour picker', () => {
  const images = [
    { url: 'black-front', color: 'Black' },
    { url: 'gold-front', color: 'Gold' },
    { url: 'black-back', color: 'Black' },
    { url: 'detail' },
  ];

  it('shows the chosen colour’s pictures and those of every colour', () => {
    expect(imagesFor(images, 'Gold').map((i) => i.url)).toEqual(['gold-front', 'detail']);
    expect(imagesFor(images, 'Black').map((i) => i.url)).toEqual(['black-front', 'black-back', 'detail']);
  });

  it('shows everything when no colour is chosen or none of the pictures is of that colour', () => {
    expect(imagesFor(images, undefined)).toHaveLength(4);
    expect(imagesFor(images, 'Red')).toHaveLength(4);
    expect(imagesFor([{ url: 'uploaded' } as { url: string; color?: string }], 'Black').map((i) => i.url)).toEqual(['uploaded']);
  });
});
