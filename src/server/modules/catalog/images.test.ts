import { describe, expect, it } from 'vitest';
import { generatedImage, picturesForEveryColour, presentImage } from './images.ts';
import type { StoredImage } from './schema.ts';

const art = (name: string, color?: string, alt = ''): StoredImage => ({ ...generatedImage(name, alt), ...(color ? { color } : {}) });

describe('picturesForEveryColour', () => {
  // As the demo seeds a gown in three colours: one picture each, and a second view of the first.
  const seeded = [
    art('gown-burgundy-trevi-1', 'Burgundy', 'Trevi Gown in burgundy'),
    art('gown-red-trevi-1', 'Red', 'Trevi Gown in red'),
    art('gown-black-trevi-1', 'Black', 'Trevi Gown in black'),
    art('gown-burgundy-trevi-32-b', 'Burgundy', 'Trevi Gown in burgundy, another view'),
  ];

  it('gives every colour as many pictures as the fullest, drawn in its own colour', () => {
    const shown = picturesForEveryColour(seeded, ['Burgundy', 'Red', 'Black']);
    expect(shown.slice(0, 4)).toEqual(seeded);
    expect(shown.slice(4)).toEqual([
      art('gown-red-trevi-32-b', 'Red', 'Trevi Gown in red, another view'),
      art('gown-black-trevi-32-b', 'Black', 'Trevi Gown in black, another view'),
    ]);
    for (const colour of ['Burgundy', 'Red', 'Black']) expect(shown.filter((i) => i.color === colour)).toHaveLength(2);
  });

  it('draws a colour that has no picture of its own (a variant added by hand)', () => {
    const shown = picturesForEveryColour(seeded, ['Burgundy', 'Red', 'Black', 'Gold', 'Gold']);
    expect(shown.filter((i) => i.color === 'Gold').map((i) => i.generated)).toEqual(['gown-gold-trevi-1', 'gown-gold-trevi-32-b']);
  });

  it('leaves uploads, colours it cannot paint and untagged pictures as they are', () => {
    const upload: StoredImage = { mediaId: 'a6f1', alt: '', width: 1600, height: 2000, widths: [640], color: 'Black' };
    expect(picturesForEveryColour([upload], ['Black', 'Ivory'])).toEqual([upload]);
    expect(picturesForEveryColour(seeded, ['Burgundy', 'Midnight Opal'])).toEqual(seeded);
    const untagged = [art('gown-black-trevi-1')];
    expect(picturesForEveryColour(untagged, ['Black', 'Gold'])).toEqual(untagged);
    expect(picturesForEveryColour(seeded, [])).toEqual(seeded);
  });

  it('answers a drawn picture like any other, at its own URL', () => {
    const [, , , , red] = picturesForEveryColour(seeded, ['Burgundy', 'Red']);
    expect(presentImage(red!)).toMatchObject({ color: 'Red', url: '/media/generated/product/gown-red-trevi-32-b-1280.jpg' });
  });
});
