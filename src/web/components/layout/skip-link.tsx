/** First stop for keyboard users: hidden until focused, then it jumps past the header to the page. */
export function SkipLink({ target = 'content' }: { target?: string }) {
  return (
    <a
      href={`#${target}`}
      className="eyebrow sr-only z-[70] bg-ink px-5 py-3 text-ivory focus:not-sr-only focus:fixed focus:top-4 focus:left-4"
    >
      Skip to content
    </a>
  );
}
