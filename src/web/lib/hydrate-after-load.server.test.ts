import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { deferredModuleScript, hydrateAfterLoad, hydrateAfterLoadStream, HYDRATION_WAIT_LIMIT_MS } from './hydrate-after-load.server.ts';

// The shape React Router 7 writes (Scripts in react-router's dom/ssr/components.tsx), trimmed.
const MODULE_SCRIPT = [
  ';',
  'import * as route0 from "/assets/root.js";',
  'import * as route1_clientLoader from "/assets/home-client-loader.js";',
  'import * as route1_main from "/assets/home.js";',
  'const route1 = {...route1_clientLoader,...route1_main};',
  '  window.__reactRouterManifest = {"entry": {"module": "/assets/entry.client.js"}};',
  '  window.__reactRouterRouteModules = {"root":route0,"routes/home":route1};',
  '',
  'import("/assets/entry.client.js");',
].join('\n');
const HEAD =
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>' +
  '<link rel="preload" as="image" fetchPriority="high" href="/media/hero.avif"/>' +
  '<link rel="stylesheet" href="/assets/app.css" data-precedence="site"/>' +
  '<link rel="modulepreload" href="/assets/entry.client.js" nonce="n"/>' +
  '<link rel="modulepreload" href="/assets/framework.js" nonce="n"/>' +
  '<link rel="modulepreload" href="/assets/root.js" nonce="n"/></head>';
const SHELL =
  HEAD +
  '<body><main><p>Écrit à Paris — <code>&lt;link rel="modulepreload"</code></p></main>' +
  '<script nonce="n">window.__reactRouterContext = {};</script>' +
  `<script nonce="n" type="module" async="">${MODULE_SCRIPT}</script>`;
const STREAMED = '<!--$--><script nonce="n">window.__reactRouterContext.streamController.close();</script><!--/$--></body></html>';

function moduleScriptOf(html: string): string {
  const open = html.indexOf('type="module" async="">') + 'type="module" async="">'.length;
  return html.slice(open, html.indexOf('</script>', open));
}

describe('hydration after the page is drawn (#12, docs/decisions/016)', () => {
  it('takes the module preloads out of the head and leaves the hero picture and the stylesheet where they were', () => {
    const html = hydrateAfterLoad(SHELL);
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).not.toContain('modulepreload');
    expect(head).toContain('<link rel="preload" as="image" fetchPriority="high" href="/media/hero.avif"/>');
    expect(head).toContain('<link rel="stylesheet" href="/assets/app.css" data-precedence="site"/>');
    // The page's own text is not markup, even when it reads like a preload.
    expect(html).toContain('<code>&lt;link rel="modulepreload"</code>');
  });

  it('imports the route modules only after load, preloading the whole graph first, then runs React Router’s script as written', () => {
    const script = moduleScriptOf(hydrateAfterLoad(SHELL));
    expect(script).not.toMatch(/^\s*import\s+\*/m);
    const wait = script.indexOf('addEventListener("load"');
    const preload = script.indexOf('["/assets/entry.client.js","/assets/framework.js","/assets/root.js"]');
    const imports = script.indexOf(
      'const [route0,route1_clientLoader,route1_main]=await Promise.all([import("/assets/root.js"),import("/assets/home-client-loader.js"),import("/assets/home.js")]);',
    );
    const merge = script.indexOf('const route1 = {...route1_clientLoader,...route1_main};');
    const entry = script.indexOf('import("/assets/entry.client.js");');
    expect([wait, preload, imports, merge, entry].every((i) => i > 0)).toBe(true);
    expect(wait).toBeLessThan(preload);
    expect(preload).toBeLessThan(imports);
    expect(imports).toBeLessThan(merge);
    expect(merge).toBeLessThan(entry);
    expect(script).toContain(`setTimeout(go,${HYDRATION_WAIT_LIMIT_MS})`);
    // A classic script body parses it too: the result is valid JavaScript.
    expect(() => new Function(script)).not.toThrow();
  });

  it('cuts the work after load into short tasks: preload links a few at a time, then one module evaluated per task', () => {
    const preloads = ['/assets/entry.client.js', '/assets/runtime.js', '/assets/framework.js', '/assets/root.js', '/assets/home.js'];
    const script = deferredModuleScript(MODULE_SCRIPT, preloads)!;
    // Each step waits for a pause (a task boundary) before the next.
    expect(script).toMatch(/document\.head\.append\(link\);if\(i%4===3\)await pause\(\)/);
    // Every module but the client entry, last listed first, each after a pause; the entry still comes last, as written.
    expect(script).toContain(
      'for(const href of ["/assets/home.js","/assets/root.js","/assets/framework.js","/assets/runtime.js"]){await pause();await import(href)}',
    );
    expect(script.indexOf('await import(href)')).toBeLessThan(script.indexOf('import("/assets/entry.client.js");'));
    expect(() => new Function(`return (async () => { ${script} })`)).not.toThrow();
  });

  it('leaves a script of another shape as React Router wrote it (it then loads at once, as before)', () => {
    expect(deferredModuleScript(`import "/assets/manifest.js";\n${MODULE_SCRIPT}`, ['/a.js'])).toBeUndefined();
    expect(deferredModuleScript('import("/assets/entry.client.js");', ['/a.js'])).toBeUndefined();
    expect(deferredModuleScript(MODULE_SCRIPT, [])).toBeUndefined();
    const withoutPreloads = SHELL.replaceAll(/<link rel="modulepreload"[^>]*>/g, '');
    expect(hydrateAfterLoad(withoutPreloads)).toBe(withoutPreloads);
    expect(hydrateAfterLoad(HEAD)).toBe(HEAD);
  });

  it('rewrites the shell however the stream cuts it, and passes what follows through byte for byte', async () => {
    const page = SHELL + STREAMED;
    const expected = hydrateAfterLoad(SHELL) + STREAMED;
    const through = (chunks: Buffer[]) => text(Readable.from(chunks).pipe(hydrateAfterLoadStream()));
    expect(await through([Buffer.from(page, 'utf8')])).toBe(expected);
    // Every cut, including inside a link, inside the module script's tags and inside a two-byte character.
    const bytes = Buffer.from(page, 'utf8');
    for (let cut = 1; cut < bytes.length; cut += 5) {
      expect(await through([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at byte ${cut}`).toBe(expected);
    }
    expect(await through([...bytes].map((b) => Buffer.from([b])))).toBe(expected);
  });

  it('passes a document without a module script through untouched when it ends', async () => {
    const plain = `${HEAD}<body><p>No scripts here.</p></body></html>`;
    expect(await text(Readable.from([Buffer.from(plain, 'utf8')]).pipe(hydrateAfterLoadStream()))).toBe(plain);
  });
});
