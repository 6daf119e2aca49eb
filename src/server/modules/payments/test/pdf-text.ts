/**
 * Reads back the words of a PDF pdfkit wrote, for tests: text drawn with an embedded (subset) font is a run of glyph
 * codes, which each font's ToUnicode map turns back into characters. Every run is read through every font's map, so
 * the result holds each line correctly once (and noise besides); enough for `toContain`.
 */
import { createRequire } from 'node:module';
import { inflateSync, constants } from 'node:zlib';

function streams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  const start = /(?<!end)stream\r?\n/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const from = m.index + m[0].length;
    const to = text.indexOf('endstream', from);
    if (to < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(from, to), { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1'));
    } catch {
      out.push(pdf.subarray(from, to).toString('latin1'));
    }
    start.lastIndex = to;
  }
  return out;
}

const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

function cmapOf(source: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, from, list] of source.matchAll(/<([0-9a-f]+)>\s*<[0-9a-f]+>\s*\[([^\]]*)\]/gi)) {
    [...list!.matchAll(/<([0-9a-f]+)>/gi)].forEach(([, u], i) => map.set(parseInt(from!, 16) + i, utf16(u!)));
  }
  for (const [, code, u] of source.matchAll(/^<([0-9a-f]{4})>\s*<([0-9a-f]+)>$/gim)) map.set(parseInt(code!, 16), utf16(u!));
  return map;
}

/** The text of a pdfkit PDF, line by line, once per embedded font's map. */
export function pdfText(pdf: Buffer): string {
  const all = streams(pdf);
  const maps = all.filter((s) => s.includes('begincmap')).map(cmapOf);
  const runs = all
    .filter((s) => s.includes(' Tf'))
    .flatMap((s) =>
      [...s.matchAll(/\[([^\]]*)\]\s*TJ/g)].map(([, body]) => [...body!.matchAll(/<([0-9a-f]+)>/gi)].map(([, h]) => h).join('')),
    );
  return maps
    .map((map) => runs.map((hex) => (hex.match(/.{4}/g) ?? []).map((c) => map.get(parseInt(c, 16)) ?? '').join('')).join('\n'))
    .join('\n');
}

interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string): FontkitFont };

/** The characters of `text` that `fontPath` has no glyph for (a receipt would print them as empty boxes). */
export function missingGlyphs(fontPath: string, text: string): string[] {
  const font = fontkit.openSync(fontPath);
  return [...new Set(text)].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
}
