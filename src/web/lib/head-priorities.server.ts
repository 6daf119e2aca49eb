import { Transform, type TransformCallback } from 'node:stream';

const HEAD_END = Buffer.from('</head>');
const MODULE_PRELOAD = '<link rel="modulepreload"';

/**
 * Marks every module preload of a document's <head> `fetchpriority="low"`.
 *
 * React Router preloads the whole module graph of the page (a dozen files, ~140 KB) at the top of <head>, and a
 * browser fetches module preloads at high priority: on a slow phone connection they then share the line with the
 * stylesheet, the hero image and the fonts the first paint needs, although hydration can wait for the page to
 * show. Low priority keeps the graph known from the first bytes (no import waterfall) while what is seen first
 * comes first. React Router offers no attribute for those links, hence this pass over the markup.
 */
export function lowerModulePreloads(head: string): string {
  return head.replaceAll(MODULE_PRELOAD, `${MODULE_PRELOAD} fetchpriority="low"`);
}

/**
 * A stream that applies {@link lowerModulePreloads} to the document up to `</head>` and passes the rest through
 * untouched. The head arrives in the shell's first chunks; a chunk may end inside a tag, so it is held until the
 * end of the head is seen (or the stream ends).
 */
export function lowerModulePreloadsInHead(): Transform {
  let held: Buffer[] = [];
  let heldBytes = 0;
  let done = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (done) return callback(null, chunk);
      held.push(chunk);
      heldBytes += chunk.length;
      const all = held.length === 1 ? chunk : Buffer.concat(held, heldBytes);
      // Look again only where a newly arrived `</head>` could start.
      const end = all.indexOf(HEAD_END, Math.max(0, heldBytes - chunk.length - HEAD_END.length));
      if (end < 0) {
        held = [all];
        return callback();
      }
      done = true;
      held = [];
      const head = lowerModulePreloads(all.subarray(0, end).toString('utf8'));
      callback(null, Buffer.concat([Buffer.from(head, 'utf8'), all.subarray(end)]));
    },
    flush(callback: TransformCallback) {
      if (!done && heldBytes > 0) return callback(null, Buffer.from(lowerModulePreloads(Buffer.concat(held).toString('utf8')), 'utf8'));
      callback();
    },
  });
}
