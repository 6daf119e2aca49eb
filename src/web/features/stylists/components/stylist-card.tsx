import { Link } from 'react-router';
import { formatMoney } from '../../../../shared/money.ts';
import type { Stylist } from '../api/stylists.ts';
import { languageName, specialtyLabel } from '../vocabulary.ts';
import { RatingStars } from './rating-stars.tsx';
import { StylistPortrait } from './stylist-portrait.tsx';

// Region names the server's and the browser's ICU data word differently; one wording keeps hydration exact.
const REGION_NAMES: Record<string, string> = {
  HK: 'Hong Kong',
  MO: 'Macao',
  US: 'United States',
  GB: 'United Kingdom',
  AE: 'United Arab Emirates',
};

/** "Paris, France"-style place, from a city and an ISO country code; a city-state is named once ("Singapore"). */
export function placeOf(stylist: Pick<Stylist, 'city' | 'country'>): string {
  let country = REGION_NAMES[stylist.country] ?? stylist.country;
  if (!REGION_NAMES[stylist.country]) {
    try {
      country = new Intl.DisplayNames(['en-GB'], { type: 'region' }).of(stylist.country) ?? stylist.country;
    } catch {
      // An unknown code is shown as it is.
    }
  }
  if (country === stylist.city) return country;
  return [stylist.city, country].filter(Boolean).join(', ');
}

export function fullName(s: { firstName: string; lastName: string }): string {
  return `${s.firstName} ${s.lastName}`;
}

/** One stylist in the directory: a large portrait, the name in the display face, then the facts a client weighs. */
export function StylistCard({ stylist, priority = false }: { stylist: Stylist; priority?: boolean }) {
  const name = fullName(stylist);
  return (
    <article className="group relative">
      <StylistPortrait
        url={stylist.portraitUrl}
        name={name}
        priority={priority}
        sizes="(min-width: 1280px) 22vw, (min-width: 768px) 30vw, 100vw"
        className="transition-opacity duration-500 ease-maison group-hover:opacity-90"
      />
      <p className="eyebrow mt-6 text-gold-deep">{stylist.specialties.slice(0, 2).map(specialtyLabel).join(' · ')}</p>
      <h3 className="display mt-3 text-3xl text-ink">
        <Link
          to={`/stylists/${stylist.stylistId}`}
          className="after:absolute after:inset-0 focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-offset-4 focus-visible:after:outline-focus"
        >
          {name}
        </Link>
      </h3>
      {stylist.headline && <p className="mt-2 line-clamp-2 leading-relaxed text-ink-soft">{stylist.headline}</p>}
      <p className="mt-3 text-sm text-stone">
        {placeOf(stylist)}
        {stylist.languages.length > 0 && <> · {stylist.languages.slice(0, 3).map(languageName).join(', ')}</>}
      </p>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-line pt-4">
        <RatingStars rating={stylist.rating} count={stylist.reviewCount} size="sm" />
        <p className="text-sm text-ink">
          {formatMoney(stylist.rate, { compactWhole: true })}
          <span className="text-stone"> / hour</span>
        </p>
      </div>
    </article>
  );
}
