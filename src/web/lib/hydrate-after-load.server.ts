import { Transform, type TransformCallback } from 'node:stream';

const MODULE_PRELOAD = /<link rel="modulepreload"[^>]*>/g;
const HREF = /\shref="([^"]+)"/;
const MODULE_SCRIPT = /<script\b[^>]*\stype="module"[^>]*>/;
const SCRIPT_END = '</script>';
/** Longer than any opening script tag React writes (a nonce, `type` and `async`). */
const MAX_TAG_BYTES = 512;
const STATIC_IMPORT = /^import \* as (\w+) from ("[^"]+");$/gm;
const DYNAMIC_IMPORT = /\bimport\("([^"]+)"\)/g;

/**
 * Longest wait for the page's `load` event before the scripts are fetched anyway: a picture that never finishes
 * must not leave the page without its behaviour.
 */
export const HYDRATION_WAIT_LIMIT_MS = 3_000;

/** Preload links added per task. */
const PRELOADS_PER_TASK = 4;

/**
 * Moves the fetching of a page's JavaScript after its `load` event (docs/decisions/016-hydration-after-load.md).
 *
 * React Router ends a document with one inline module script that imports the matched route modules statically and
 * then `import()`s the client entry, and it puts a `<link rel="modulepreload">` for the whole module graph in the
 * head. A browser fetches both at once, so on a phone's slow line the ~140 KB of scripts share the bandwidth with the
 * stylesheet, the hero picture and the fonts, and their evaluation (the page's heaviest main-thread work) runs before
 * the largest picture is painted. Here the preload links leave the head, and the inline script becomes one that waits
 * for `load` and the frame after it (or {@link HYDRATION_WAIT_LIMIT_MS}), then preloads the same graph in one go (no import waterfall),
 * imports the route modules dynamically and goes on exactly as React Router wrote it. Hydration then starts once the
 * page is drawn; until then links and forms work as plain HTML.
 *
 * `html` is the document up to and including the end of the module script. Anything this pass does not recognise
 * (another shape of script, no preloads) is returned untouched: the page then hydrates as React Router wrote it.
 */
export function hydrateAfterLoad(html: string): string {
  const head = html.indexOf('</head>');
  const open = MODULE_SCRIPT.exec(html);
  if (head < 0 || !open || open.index < head) return html;
  const bodyStart = open.index + open[0].length;
  const bodyEnd = html.indexOf(SCRIPT_END, bodyStart);
  if (bodyEnd < 0) return html;
  const deferred = deferredModuleScript(html.slice(bodyStart, bodyEnd), preloadsOf(html.slice(0, head)));
  if (deferred === undefined) return html;
  return html.slice(0, head).replace(MODULE_PRELOAD, '') + html.slice(head, bodyStart) + deferred + html.slice(bodyEnd);
}

/** The hrefs of the head's module preloads, in document order (the client entry first). */
function preloadsOf(head: string): string[] {
  return [...head.matchAll(MODULE_PRELOAD)].flatMap((link) => HREF.exec(link[0])?.[1] ?? []);
}

/**
 * React Router's module script with its static imports turned into dynamic ones behind the wait; undefined when the
 * script holds an import of another shape (it would stay static and be fetched at once).
 */
export function deferredModuleScript(script: string, preloads: readonly string[]): string | undefined {
  const bindings: string[] = [];
  const specifiers: string[] = [];
  const rest = script.replace(STATIC_IMPORT, (_line, binding: string, specifier: string) => {
    bindings.push(binding);
    specifiers.push(specifier);
    return '';
  });
  if (bindings.length === 0 || preloads.length === 0 || /^\s*import\s*[^\s(]/m.test(rest)) return undefined;
  // The client entry starts hydration, so it comes last, where React Router's own script imports it. The others are
  // evaluated one per task, last listed first: React Router lists a route module before the chunks it imports, so the
  // reverse order tends to evaluate a chunk's imports in tasks of their own before it (any order is correct: a module
  // evaluates its imports first in all cases).
  const entries = new Set([...rest.matchAll(DYNAMIC_IMPORT)].map((m) => m[1]));
  const modules = preloads.filter((href) => !entries.has(href)).reverse();
  return [
    '(async()=>{',
    // After `load`, and after the frame that follows it is painted (a task queued from an animation frame runs once
    // that frame is drawn): on a fast line `load` can come before the first paint, and the scripts then finished
    // before it, on its path (Lighthouse counted 130 KB of them in a stylist profile's LCP). A hidden tab draws no
    // frames, so the time limit still applies.
    `await new Promise((go)=>{const drawn=()=>requestAnimationFrame(()=>setTimeout(go,0));if(document.readyState==="complete")drawn();else addEventListener("load",drawn,{once:true});setTimeout(go,${HYDRATION_WAIT_LIMIT_MS})});`,
    // From here on the work is cut into short tasks, so that a tap or a scroll is answered between them: a phone spent
    // ~170 ms on adding the seventeen preload links of an article in one go, and each module's first evaluation is a
    // task of its own (the framework's alone is the longest). Lighthouse counts every task over 50 ms as blocking.
    'const pause=()=>globalThis.scheduler?.yield?globalThis.scheduler.yield():new Promise((go)=>setTimeout(go,0));',
    `const preloads=${JSON.stringify(preloads)};`,
    `for(let i=0;i<preloads.length;i++){const link=document.createElement("link");link.rel="modulepreload";link.href=preloads[i];document.head.append(link);if(i%${PRELOADS_PER_TASK}===${PRELOADS_PER_TASK - 1})await pause()}`,
    `for(const href of ${JSON.stringify(modules)}){await pause();await import(href)}`,
    'await pause();',
    `const [${bindings.join(',')}]=await Promise.all([${specifiers.map((s) => `import(${s})`).join(',')}]);`,
    rest.trim(),
    '})();',
  ].join('\n');
}

/**
 * A stream that applies {@link hydrateAfterLoad} to a document. The head and the module script both belong to the
 * shell, which React writes at once; what comes before the end of the module script is held (a chunk may end inside
 * a tag) and the rest, streamed data included, passes through untouched.
 */
export function hydrateAfterLoadStream(): Transform {
  let held: Buffer[] = [];
  let heldBytes = 0;
  let done = false;
  let scriptAt = -1;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (done) return callback(null, chunk);
      held.push(chunk);
      heldBytes += chunk.length;
      const all = held.length === 1 ? chunk : Buffer.concat(held, heldBytes);
      held = [all];
      if (scriptAt < 0) {
        // Look again only where a tag cut by the previous chunk could start (latin1: one character per byte).
        const from = Math.max(0, heldBytes - chunk.length - MAX_TAG_BYTES);
        const open = MODULE_SCRIPT.exec(all.subarray(from).toString('latin1'));
        if (!open) return callback();
        scriptAt = from + open.index + open[0].length;
      }
      const end = all.indexOf(SCRIPT_END, scriptAt);
      if (end < 0) return callback();
      done = true;
      held = [];
      const upTo = end + SCRIPT_END.length;
      callback(null, Buffer.concat([Buffer.from(hydrateAfterLoad(all.subarray(0, upTo).toString('utf8')), 'utf8'), all.subarray(upTo)]));
    },
    flush(callback: TransformCallback) {
      callback(null, done || heldBytes === 0 ? undefined : Buffer.concat(held));
    },
  });
}
