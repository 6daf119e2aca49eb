import { describe, expect, it } from 'vitest';
import { composeSvg, heightFor } from './compose.ts';
import { PRODUCT_OBJECTS, productArtInColour, productObjectFor } from './product-still-lifes.ts';

const NAMES = Array.from({ length: 24 }, (_, i) => `look-${i}`);

describe('composeSvg', () => {
  it('is a pure function of kind and name', () => {
    for (const kind of ['product', 'portrait', 'editorial'] as const) {
      expect(composeSvg(kind, 'aurelia-leather-bag', 640, heightFor(kind, 640))).toBe(
        composeSvg(kind, 'aurelia-leather-bag', 640, heightFor(kind, 640)),
      );
    }
  });

  it('gives every name its own picture, in several colour schemes', () => {
    for (const kind of ['product', 'portrait', 'editorial'] as const) {
      const svgs = NAMES.map((n) => composeSvg(kind, n, 320, heightFor(kind, 320)));
      expect(new Set(svgs).size).toBe(NAMES.length);
      // The first gradient stop is the backdrop's main tone: expect a real spread of moods, not one look.
      const backdrops = new Set(svgs.map((s) => /stop-color="(#[0-9A-Fa-f]{6})"/.exec(s)?.[1]));
      expect(backdrops.size).toBeGreaterThanOrEqual(4);
    }
  });

  it('sizes the SVG as asked and keeps the drawing space of its kind', () => {
    const product = composeSvg('product', 'noir-heels', 640, 800);
    expect(product).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="640" height="800" viewBox="0 0 800 1000"/);
    expect(composeSvg('editorial', 'riviera', 1280, 720)).toContain('viewBox="0 0 1600 900"');
    expect(heightFor('product', 2048)).toBe(2560);
    expect(heightFor('portrait', 320)).toBe(400);
    expect(heightFor('editorial', 1280)).toBe(720);
  });

  it('draws no text, no external references and no filters (which are slow to rasterise)', () => {
    for (const kind of ['product', 'portrait', 'editorial'] as const) {
      for (const name of [...NAMES, 'grand-tourer-car', 'silk-evening-gown', 'heritage-watch']) {
        const svg = composeSvg(kind, name, 320, heightFor(kind, 320));
        expect(svg).not.toMatch(/<text|<image|href=|<filter|<script|NaN|undefined/);
      }
    }
  });
});

describe('productObjectFor', () => {
  it.each([
    ['aurelia-leather-bag', 'flapbag'],
    ['quilted-clutch-noir', 'flapbag'],
    ['noir-stiletto-heels', 'pump'],
    ['heritage-chronograph-watch', 'watch'],
    ['emerald-solitaire-ring', 'ring'],
    ['oud-royal-perfume', 'fragrance'],
    ['silk-evening-gown', 'dress'],
    ['midnight-tuxedo', 'suit'],
    ['v12-grand-tourer-car', 'car'],
    ['gulfstream-jet-charter', 'jet'],
    ['cap-ferrat-villa', 'villa'],
    ['riviera-yacht-week', 'yacht'],
    ['south-sea-pearls', 'necklace'],
    ['cat-eye-sunglasses', 'sunglasses'],
    ['objet-no-7', 'sculpture'],
    ['ringside', 'sculpture'],
  ])('%s shows a %s', (name, object) => {
    expect(productObjectFor(name)).toBe(object);
  });

  it('reads the art word a seeded name starts with, for every object it can draw', () => {
    for (const object of PRODUCT_OBJECTS) expect(productObjectFor(`${object}-black-some-piece-12`)).toBe(object);
    expect(productObjectFor('wallet-cognac-ponte-wallet-in-smooth-calfskin-3')).toBe('wallet');
    expect(productObjectFor('dressform-plain-cannes-festival-preparation-9')).toBe('dressform');
  });

  it('draws the piece in the colour its name carries, so each variant has its own picture', () => {
    const black = composeSvg('product', 'flapbag-black-cambon-flap-bag-12', 320, 400);
    const cognac = composeSvg('product', 'flapbag-cognac-cambon-flap-bag-12', 320, 400);
    expect(black).not.toBe(cognac);
    // The paint appears in the object's shading gradient (its colour, lightened and darkened around it).
    expect(black).toContain('#17161A');
    expect(cognac).toContain('#8A4F2A');
  });

  it('draws a different object for each kind of piece', () => {
    const kinds = [
      'wallet',
      'belt',
      'watch',
      'ring',
      'necklace',
      'pump',
      'loafer',
      'boot',
      'scarf',
      'gloves',
      'fragrance',
      'gown',
      'suit',
      'car',
      'villa',
      'chalet',
      'penthouse',
      'jet',
      'yacht',
      'dressform',
      'bracelet',
      'earrings',
    ];
    // Same seed words, same colour: only the object differs, so the drawings (past the shared backdrop) must differ.
    const bodies = kinds.map((k) => composeSvg('product', `${k}-navy-x-1`, 320, 400).replace(/<defs>.*?<\/defs>/, ''));
    expect(new Set(bodies).size).toBe(kinds.length);
  });
});

describe('productArtInColour', () => {
  it.each([
    ['gown-burgundy-trevi-evening-gown-in-sequinned-tulle-32-b', 'Red', 'gown-red-trevi-evening-gown-in-sequinned-tulle-32-b'],
    ['pendant-yellowgold-cupola-pendant-with-diamonds-31-b', 'White Gold', 'pendant-whitegold-cupola-pendant-with-diamonds-31-b'],
    ['wallet-cognac-ponte-wallet-3', 'cognac', 'wallet-cognac-ponte-wallet-3'],
    // An art word without a colour word gains one; an older name gains both in front.
    ['watch-heritage-12', 'Blue', 'watch-blue-heritage-12'],
    ['quilted-clutch-noir', 'Gold', 'flapbag-gold-quilted-clutch-noir'],
  ])('%s in %s is %s', (name, colour, recoloured) => {
    expect(productArtInColour(name, colour)).toBe(recoloured);
  });

  it('has no picture for a colour it cannot paint, nor for a name past a media URL’s 80 characters', () => {
    expect(productArtInColour('gown-black-trevi-1', 'Midnight Opal')).toBeUndefined();
    expect(productArtInColour(`gown-black-${'x'.repeat(70)}`, 'Yellow Gold')).toBeUndefined();
  });

  it('draws the same piece in the chosen colour: the Gold dress is gold, not the black one', () => {
    const black = 'gown-black-trevi-evening-gown-1';
    const gold = productArtInColour(black, 'Gold')!;
    const svg = composeSvg('product', gold, 320, 400);
    expect(productObjectFor(gold)).toBe(productObjectFor(black));
    expect(composeSvg('product', black, 320, 400)).toContain('#17161A');
    expect(svg).toContain('#C9A55C');
    expect(svg).not.toContain('#17161A');
  });
});
