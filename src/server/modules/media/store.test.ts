import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IMAGERY_VERSION } from './demo-art/compose.ts';
import { createGeneratedImageStore } from './store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(delayMs = 20) {
  const root = mkdtempSync(join(tmpdir(), 'sbz-media-'));
  dirs.push(root);
  const renders: string[] = [];
  let active = 0;
  let peak = 0;
  const render = async (kind: string, name: string, width: number, format: string) => {
    renders.push(`${kind}/${name}-${width}.${format}`);
    peak = Math.max(peak, ++active);
    await new Promise((r) => setTimeout(r, delayMs));
    active--;
    return Buffer.from(`${kind}:${name}:${width}:${format}`);
  };
  return { root, renders, peak: () => peak, render };
}

describe('createGeneratedImageStore', () => {
  it('renders concurrent first requests once, writes the file atomically and serves it from disk afterwards', async () => {
    const { root, renders, render } = setup();
    const store = createGeneratedImageStore(root, { render });
    const results = await Promise.all(Array.from({ length: 6 }, () => store.get('product', 'onyx-bag', 640, 'webp')));
    expect(renders).toEqual(['product/onyx-bag-640.webp']);
    expect(results.filter((r) => r.rendered)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.toString()))).toEqual(new Set(['product:onyx-bag:640:webp']));

    const dir = join(root, `v${IMAGERY_VERSION}`, 'product');
    expect(readdirSync(dir)).toEqual(['onyx-bag-640.webp']); // no temporary file left behind
    expect(readFileSync(join(dir, 'onyx-bag-640.webp'), 'utf8')).toBe('product:onyx-bag:640:webp');

    // A new process (new store) finds the file on disk.
    const again = await createGeneratedImageStore(root, { render }).get('product', 'onyx-bag', 640, 'webp');
    expect(again).toMatchObject({ rendered: false, etag: results[0]!.etag });
    expect(renders).toHaveLength(1);
  });

  it('gives each rendition its own stable ETag', async () => {
    const { root, render } = setup(0);
    const store = createGeneratedImageStore(root, { render });
    const a = await store.get('product', 'onyx-bag', 640, 'webp');
    const b = await store.get('product', 'onyx-bag', 640, 'avif');
    expect(a.etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(a.etag).not.toBe(b.etag);
    expect((await store.get('product', 'onyx-bag', 640, 'webp')).etag).toBe(a.etag);
  });

  it('runs at most maxConcurrentRenders renders at once', async () => {
    const { root, render, peak, renders } = setup(15);
    const store = createGeneratedImageStore(root, { render, maxConcurrentRenders: 2 });
    await Promise.all(Array.from({ length: 7 }, (_, i) => store.get('editorial', `story-${i}`, 320, 'jpg')));
    expect(renders).toHaveLength(7);
    expect(peak()).toBe(2);
  });

  it('leaves nothing on disk when a render fails, and tries again next time', async () => {
    const { root } = setup();
    let fail = true;
    const store = createGeneratedImageStore(root, {
      render: async () => {
        if (fail) throw new Error('rasteriser crashed');
        return Buffer.from('ok');
      },
    });
    await expect(store.get('portrait', 'sitter', 320, 'jpg')).rejects.toThrow('rasteriser crashed');
    fail = false;
    expect((await store.get('portrait', 'sitter', 320, 'jpg')).body.toString()).toBe('ok');
  });
});
