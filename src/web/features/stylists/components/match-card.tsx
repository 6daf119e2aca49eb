import { Link } from 'react-router';
import { formatMoney } from '../../../../shared/money.ts';
import type { StylistMatch } from '../api/matching.ts';
import { formatInstant } from '../time.ts';
import { specialtyLabel } from '../vocabulary.ts';
import { fullName, placeOf } from './stylist-card.tsx';
import { RatingStars } from './rating-stars.tsx';
import { StylistPortrait } from './stylist-portrait.tsx';

/**
 * One introduction: the portrait, how well they suit (a percentage and a hairline gauge), the reasons in plain
 * words, and the next open times in the visitor's zone.
 */
export function MatchCard({ match, rank, zone }: { match: StylistMatch; rank: number; zone: string }) {
  const { stylist } = match;
  const name = fullName(stylist);
  const percent = Math.round(match.matchScore * 100);
  const next = match.availability.filter((s) => s.status === 'AVAILABLE').slice(0, 3);
  return (
    <article aria-labelledby={`match-${stylist.stylistId}`} className="grid gap-8 border-t border-line pt-10 md:grid-cols-12 md:gap-12">
      <StylistPortrait
        url={stylist.portraitUrl}
        name={name}
        priority={rank < 2}
        sizes="(min-width: 768px) 30vw, 100vw"
        className="self-start md:col-span-4"
      />
      <div className="md:col-span-8">
        <div className="flex flex-wrap items-baseline justify-between gap-4">
          <p className="eyebrow text-gold-deep">
            {rank === 0 ? 'Our first introduction' : `Introduction ${rank + 1}`} ·{' '}
            {stylist.specialties.slice(0, 2).map(specialtyLabel).join(' · ')}
          </p>
          <p className="text-sm text-ink" aria-label={`Match ${percent} percent`}>
            <span className="font-display text-3xl">{percent}</span>
            <span className="text-stone">% match</span>
          </p>
        </div>
        <span aria-hidden="true" className="mt-3 block h-px bg-line">
          <span className="block h-px bg-gold-deep" style={{ width: `${percent}%` }} />
        </span>
        <h3 id={`match-${stylist.stylistId}`} className="display mt-8 text-4xl text-ink sm:text-5xl">
          {name}
        </h3>
        {stylist.headline && <p className="mt-3 font-display text-xl text-ink-soft italic">{stylist.headline}</p>}
        <p className="mt-4 text-sm text-stone">
          {placeOf(stylist)} · {formatMoney(stylist.rate, { compactWhole: true })} an hour
        </p>
        <RatingStars rating={stylist.rating} count={stylist.reviewCount} size="sm" className="mt-3" />
        <div className="mt-8">
          <p className="eyebrow text-stone">Why we suggest {stylist.firstName}</p>
          <ul className="mt-4 grid gap-x-8 gap-y-2 sm:grid-cols-2" aria-label={`Reasons for ${name}`}>
            {match.reasons.map((reason) => (
              <li key={reason} className="flex gap-3 text-ink">
                <span aria-hidden="true" className="mt-2.5 block h-px w-4 shrink-0 bg-gold" />
                {reason}
              </li>
            ))}
          </ul>
        </div>
        {next.length > 0 && (
          <div className="mt-8">
            <p className="eyebrow text-stone">Next open times</p>
            <ul className="mt-3 flex flex-wrap gap-2">
              {next.map((s) => (
                <li key={s.slotId} className="border border-line px-3 py-2 text-sm text-ink">
                  {formatInstant(s.startTime, zone)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="mt-10 flex flex-wrap items-center gap-6">
          <Link
            to={`/stylists/${stylist.stylistId}#request`}
            className="inline-flex h-12 items-center bg-ink px-8 text-[0.6875rem] font-medium tracking-[0.2em] text-ivory uppercase hover:bg-ink-soft"
          >
            Request a session<span className="sr-only"> with {name}</span>
          </Link>
          <Link to={`/stylists/${stylist.stylistId}`} className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink">
            View profile<span className="sr-only"> of {name}</span>
          </Link>
        </div>
      </div>
    </article>
  );
}
