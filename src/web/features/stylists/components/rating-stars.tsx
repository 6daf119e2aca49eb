import { cn } from '../../../lib/cn.ts';

const STAR = 'M10 1.5l2.6 5.5 6 .7-4.5 4.1 1.2 5.9L10 14.8l-5.3 2.9 1.2-5.9L1.4 7.7l6-.7z';

/**
 * Five gold stars filled to the rating, with the figure and the count in words for everyone. The stars are
 * drawn, not read: the text beside them carries the meaning.
 */
export function RatingStars({
  rating,
  count,
  size = 'md',
  single = false,
  className,
}: {
  rating?: number | null;
  count?: number | null;
  size?: 'sm' | 'md';
  /** One review's stars: no average, no count. */ single?: boolean;
  className?: string;
}) {
  const reviews = single ? 1 : (count ?? 0);
  if (!rating || reviews === 0) {
    return <p className={cn('text-sm text-stone', className)}>New to the house</p>;
  }
  const width = `${Math.max(0, Math.min(5, rating)) * 20}%`;
  const px = size === 'sm' ? 12 : 15;
  return (
    <p className={cn('flex items-center gap-2.5 text-sm text-ink-soft', className)}>
      <span aria-hidden="true" className="relative inline-block shrink-0" style={{ width: px * 5 + 8, height: px }}>
        <Stars px={px} className="absolute inset-0 text-line" />
        <span className="absolute inset-y-0 left-0 overflow-hidden" style={{ width }}>
          <Stars px={px} className="text-gold" />
        </span>
      </span>
      {single ? (
        <span className="sr-only">{rating} out of 5 stars</span>
      ) : (
        <span>
          <span className="text-ink">{rating.toFixed(1)}</span>
          <span className="sr-only"> out of 5</span> · {reviews} {reviews === 1 ? 'review' : 'reviews'}
        </span>
      )}
    </p>
  );
}

function Stars({ px, className }: { px: number; className?: string }) {
  return (
    <span className={cn('flex gap-0.5', className)}>
      {[0, 1, 2, 3, 4].map((i) => (
        <svg key={i} width={px} height={px} viewBox="0 0 20 20" fill="currentColor" className="shrink-0">
          <path d={STAR} />
        </svg>
      ))}
    </span>
  );
}

/** A 1–5 star choice as radio buttons: arrow keys move, the label says the value. */
/** Five stars to choose from; `value` 0 means none chosen yet (a review starts unset, never pre-filled at five). */
export function StarInput({
  name,
  value,
  onChange,
  legend,
  error,
}: {
  name: string;
  value: number;
  onChange: (v: number) => void;
  legend: string;
  error?: string | undefined;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="eyebrow text-ink-soft">{legend}</legend>
      <div className="mt-3 flex gap-1">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="relative cursor-pointer p-1 has-focus-visible:outline-2 has-focus-visible:outline-focus">
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              className="absolute inset-0 m-0 cursor-pointer appearance-none opacity-0"
            />
            <span className="sr-only">
              {n} {n === 1 ? 'star' : 'stars'}
            </span>
            <svg
              aria-hidden="true"
              width={28}
              height={28}
              viewBox="0 0 20 20"
              fill="currentColor"
              className={n <= value ? 'text-gold' : 'text-line'}
            >
              <path d={STAR} />
            </svg>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="mt-2 text-sm text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
