/**
 * The site's faces (fonts.css, ~120 KB of woff2) are fetched once a first visit's page is drawn, not beside its
 * stylesheet and hero picture (docs/decisions/017-fonts-after-first-visit-load.md).
 *
 * On a phone's slow line the four faces took as long as everything else the first paint needs, and they arrived
 * before it: the page waited on type it could show in a fallback. Now a first visit paints in the fallback stack
 * (`--font-display`, `--font-sans` in app.css) and swaps the faces in after `load` (at most
 * {@link FONTS_WAIT_LIMIT_MS}). The browser keeps them in its cache, so every later page, in this visit or another,
 * asks for them at once from its `<head>` and paints in them as before. Which build's faces were seen is remembered
 * by the stylesheet's hashed name, so new faces count as a first visit again.
 */
export const FONTS_WAIT_LIMIT_MS = 3_000;

/** localStorage key holding the href of the faces' stylesheet this browser has already loaded. */
export const FONTS_SEEN_KEY = 'sbz-fonts';

/** The inline script (in `<head>`, with the page's nonce) that adds the faces' stylesheet. */
export function fontsAfterLoadScript(href: string): string {
  const h = JSON.stringify(href);
  const k = JSON.stringify(FONTS_SEEN_KEY);
  return [
    '(()=>{',
    `const add=()=>{if(document.querySelector("link[data-fonts]"))return;const l=document.createElement("link");l.rel="stylesheet";l.href=${h};l.dataset.fonts="";document.head.append(l)};`,
    `let seen=false;try{seen=localStorage.getItem(${k})===${h}}catch{}`,
    'if(seen)return add();',
    `let done=false;const later=()=>{if(done)return;done=true;add();try{localStorage.setItem(${k},${h})}catch{}};`,
    `if(document.readyState==="complete")later();else{addEventListener("load",later,{once:true});setTimeout(later,${FONTS_WAIT_LIMIT_MS})}`,
    '})();',
  ].join('');
}
