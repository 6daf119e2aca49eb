import type { ReactNode } from 'react';
import { formatDate } from '../../account/format.ts';
import type { StylistReview } from '../api/stylists.ts';
import { RatingStars } from './rating-stars.tsx';

/** Reviews as printed testimonials: stars, the words in the display face, the author, and the stylist's reply. */
export function ReviewList({
  reviews,
  stylistName,
  renderReply,
}: {
  reviews: readonly StylistReview[];
  stylistName: string;
  renderReply?: (review: StylistReview) => ReactNode;
}) {
  if (reviews.length === 0) return <p className="text-stone">No reviews yet. {stylistName}’s first clients will write here.</p>;
  return (
    <ul className="divide-y divide-line border-y border-line">
      {reviews.map((r) => (
        <li key={r.reviewId} className="grid gap-6 py-10 md:grid-cols-[12rem_1fr] md:gap-12">
          <div>
            <RatingStars rating={r.rating} single size="sm" />
            <p className="mt-3 text-sm text-ink">{r.author}</p>
            <p className="text-sm text-stone">{formatDate(r.createdAt)}</p>
          </div>
          <div>
            <blockquote className="font-display text-2xl leading-snug text-ink">“{r.text}”</blockquote>
            {r.reply ? (
              <div className="mt-6 border-l-2 border-gold pl-5">
                <p className="eyebrow text-gold-deep">{stylistName} replied</p>
                <p className="mt-2 leading-relaxed text-ink-soft">{r.reply}</p>
              </div>
            ) : (
              renderReply?.(r)
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
