import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GeneratedKind, ImageFormat } from '../../../shared/media.ts';
import { IMAGERY_VERSION } from './demo-art/compose.ts';
import { renderImage } from './render.ts';

export interface GeneratedImage {
  body: Buffer;
  etag: string;
  /** True when this call rendered it (a cache miss). */
  rendered: boolean;
}

export interface GeneratedImageStore {
  /** The encoded image, from disk when it was rendered before; concurrent first requests share one render. */
  get(kind: GeneratedKind, name: string, width: number, format: ImageFormat): Promise<GeneratedImage>;
}

/**
 * A disk cache of rendered images under `root` (e.g. `${dataDir}/media/generated`), one file per rendition, in a folder
 * per generator version. Files are written to a temporary name and renamed, so a crash or a concurrent reader never
 * sees half a file. At most `maxConcurrentRenders` renders run at once; the rest queue.
 */
export function createGeneratedImageStore(
  root: string,
  opts: { maxConcurrentRenders?: number; render?: typeof renderImage } = {},
): GeneratedImageStore {
  const render = opts.render ?? renderImage;
  const inFlight = new Map<string, Promise<GeneratedImage>>();
  const limit = createLimiter(opts.maxConcurrentRenders ?? 2);

  async function produce(
    relative: string,
    kind: GeneratedKind,
    name: string,
    width: number,
    format: ImageFormat,
    etag: string,
  ): Promise<GeneratedImage> {
    const file = join(root, relative);
    const cached = await readFile(file).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (cached) return { body: cached, etag, rendered: false };
    const body = await limit(() => render(kind, name, width, format));
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, body);
      await rename(temp, file);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return { body, etag, rendered: true };
  }

  return {
    get(kind, name, width, format) {
      const relative = `v${IMAGERY_VERSION}/${kind}/${name}-${width}.${format}`;
      const running = inFlight.get(relative);
      if (running) return running.then((image) => ({ ...image, rendered: false }));
      // The picture is a pure function of the generator version and the path, so the path names its content.
      const etag = `"${createHash('sha256').update(relative).digest('base64url').slice(0, 22)}"`;
      const promise = produce(relative, kind, name, width, format, etag).finally(() => inFlight.delete(relative));
      inFlight.set(relative, promise);
      return promise;
    },
  };
}

/** Runs at most `max` tasks at a time, first come first served. */
function createLimiter(max: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
