import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { lowerModulePreloads, lowerModulePreloadsInHead } from './head-priorities.server.ts';

const HEAD =
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>' +
  '<link rel="stylesheet" href="/assets/app.css" data-precedence="site"/>' +
  '<link rel="modulepreload" href="/assets/entry.client.js" nonce="n"/>' +
  '<link rel="modulepreload" href="/assets/framework.js" nonce="n"/></head>';
const BODY = '<body><p>Écrit à Paris — <code>&lt;link rel="modulepreload"</code></p></body></html>';

async function through(chunks: string[]): Promise<string> {
  return text(Readable.from(chunks.map((c) => Buffer.from(c, 'utf8'))).pipe(lowerModulePreloadsInHead()));
}

describe('module preloads at low priority (#12)', () => {
  it('marks every module preload fetchpriority="low" and leaves the other links alone', () => {
    const head = lowerModulePreloads(HEAD);
    expect(head.match(/<link rel="modulepreload" fetchpriority="low" href=/g)).toHaveLength(2);
    expect(head).toContain('<link rel="stylesheet" href="/assets/app.css" data-precedence="site"/>');
  });

  it('rewrites the head only, however the stream cuts it, and passes the body through byte for byte', async () => {
    const page = HEAD + BODY;
    const expected = lowerModulePreloads(HEAD) + BODY;
    expect(await through([page])).toBe(expected);
    // Every cut, including inside a link, inside `</head>` and inside a two-byte character of the body.
    const bytes = Buffer.from(page, 'utf8');
    for (let cut = 1; cut < bytes.length; cut += 7) {
      const out = await text(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]).pipe(lowerModulePreloadsInHead()));
      expect(out, `cut at byte ${cut}`).toBe(expected);
    }
    expect(await through([...page])).toBe(expected);
  });

  it('passes a document without </head> through, rewritten, when it ends', async () => {
    expect(await through(['<link rel="modulepreload" href="/a.js"/>'])).toBe(
      '<link rel="modulepreload" fetchpriority="low" href="/a.js"/>',
    );
  });
});
