import { describe, expect, it } from 'vitest';
import { CatalogCache } from './catalog-cache.ts';

describe('CatalogCache', () => {
  it('computes every time while not live, keeps answers while live, drops them on invalidation', async () => {
    const cache = new CatalogCache();
    let n = 0;
    const compute = async () => ++n;
    expect(await cache.get('k', compute)).toBe(1);
    expect(await cache.get('k', compute)).toBe(2);
    cache.setLive(true);
    expect(await cache.get('k', compute)).toBe(3);
    expect(await cache.get('k', compute)).toBe(3);
    cache.invalidate();
    expect(await cache.get('k', compute)).toBe(4);
    cache.setLive(false);
    expect(await cache.get('k', compute)).toBe(5);
  });

  it('does not keep an answer computed while an invalidation arrived (it may predate the change)', async () => {
    const cache = new CatalogCache();
    cache.setLive(true);
    let release!: () => void;
    const slow = cache.get('k', () => new Promise<string>((resolve) => (release = () => resolve('stale'))));
    cache.invalidate();
    release();
    expect(await slow).toBe('stale');
    expect(await cache.get('k', async () => 'fresh')).toBe('fresh');
  });
});
