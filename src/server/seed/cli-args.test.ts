import { describe, expect, it } from 'vitest';
import { parseSeedArgs } from './cli-args.ts';

describe('parseSeedArgs', () => {
  it('reads the seed, the selection, reset and any count', () => {
    expect(parseSeedArgs(['--seed', '7', '--only', 'brands, products', '--reset', '--products=100000', '--stylists', '40'])).toEqual({
      seed: 7,
      only: ['brands', 'products'],
      reset: true,
      options: { products: 100000, stylists: 40 },
    });
    expect(parseSeedArgs([])).toEqual({ reset: false, options: {} });
  });

  it('rejects what it does not understand', () => {
    expect(() => parseSeedArgs(['products'])).toThrow('Unexpected argument "products"');
    expect(() => parseSeedArgs(['--products'])).toThrow('--products needs a value');
    expect(() => parseSeedArgs(['--products', 'many'])).toThrow('--products takes a whole number, got "many"');
    expect(() => parseSeedArgs(['--seed', '-1'])).toThrow('--seed takes a whole number');
  });
});
