import type { Route } from './+types/admin.stylists';
import { formatMoney } from '../../shared/money.ts';
import { Badge } from '../components/ui/badge.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { formatDate } from '../features/account/format.ts';
import { DecisionQueue, useQueueStatus, type QueueStatus } from '../features/admin/components/decision-queue.tsx';
import type { Stylist } from '../features/stylists/api/stylists.ts';
import { useVettingQueue, type StylistStatus } from '../features/stylists/api/vetting.ts';
import { fullName, placeOf } from '../features/stylists/components/stylist-card.tsx';
import { StylistPortrait } from '../features/stylists/components/stylist-portrait.tsx';
import { VettingForm } from '../features/stylists/components/vetting-form.tsx';
import { imageSources } from '../features/stylists/images.ts';
import { languageName, serviceKindLabel, specialtyLabel } from '../features/stylists/vocabulary.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Stylist vetting — The house office',
    description: 'Stylist applications and standing at StyleByZaga.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

const STATUSES: ReadonlyArray<QueueStatus<StylistStatus>> = [
  { value: 'PENDING_REVIEW', label: 'Awaiting review' },
  { value: 'APPROVED', label: 'Approved' },
  { value: 'SUSPENDED', label: 'Suspended' },
  { value: 'REJECTED', label: 'Rejected' },
];

export default function AdminStylists() {
  const status = useQueueStatus(STATUSES);
  const queue = useVettingQueue(status);
  return (
    <>
      <PageTitle
        eyebrow="The house office"
        title="Stylist vetting"
        lede="Only approved stylists are listed, matched and bookable. Read the profile and portfolio in full; the notes go to the stylist with your decision."
      />
      <DecisionQueue
        label="Stylist status"
        statuses={STATUSES}
        status={status}
        query={queue}
        rows={queue.data?.pages.flatMap((p) => p.stylists) ?? []}
        noun={['stylist', 'stylists']}
        caughtUp="No stylist is waiting. All caught up."
        none="None."
      >
        {(s) => <VettingCard key={s.stylistId} stylist={s} />}
      </DecisionQueue>
    </>
  );
}

function VettingCard({ stylist: s }: { stylist: Stylist }) {
  const name = fullName(s);
  return (
    <li className="grid gap-8 border border-line bg-ivory p-8 md:grid-cols-[9rem_1fr] md:p-10">
      <StylistPortrait url={s.portraitUrl} name={name} sizes="9rem" className="w-36 self-start" />
      <div className="min-w-0">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h2 className="font-display text-3xl text-ink">{name}</h2>
            <p className="mt-1 text-sm text-stone">
              {placeOf(s)} · {s.experienceYears} years · {formatMoney(s.rate, { compactWhole: true })} an hour · applied{' '}
              {formatDate(s.createdAt)}
            </p>
          </div>
          <Badge tone={s.status === 'PENDING_REVIEW' ? 'gold' : s.status === 'APPROVED' ? 'ink' : 'neutral'}>
            {STATUSES.find((x) => x.value === s.status)?.label ?? s.status}
          </Badge>
        </div>
        {s.headline && <p className="mt-5 font-display text-xl text-ink-soft italic">{s.headline}</p>}
        <p className="mt-4 line-clamp-4 leading-relaxed text-ink-soft">{s.bio}</p>
        <dl className="mt-6 grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="eyebrow text-stone">Specialties</dt>
            <dd className="mt-1 text-ink">{s.specialties.map(specialtyLabel).join(', ')}</dd>
          </div>
          <div>
            <dt className="eyebrow text-stone">Languages</dt>
            <dd className="mt-1 text-ink">{s.languages.map(languageName).join(', ') || '—'}</dd>
          </div>
          <div>
            <dt className="eyebrow text-stone">Services</dt>
            <dd className="mt-1 text-ink">{s.services.map((x) => serviceKindLabel(x.kind)).join(', ') || 'None yet'}</dd>
          </div>
          <div>
            <dt className="eyebrow text-stone">Portfolio</dt>
            <dd className="mt-1 text-ink">{s.portfolio?.length ?? 0} pieces</dd>
          </div>
        </dl>
        {(s.portfolio?.length ?? 0) > 0 && (
          <ul aria-label={`${name}’s portfolio`} className="mt-6 flex gap-3 overflow-x-auto">
            {s.portfolio!.slice(0, 6).map((item) => {
              const src = imageSources(item.imageUrl, 320);
              return (
                <li key={item.itemId} className="w-24 shrink-0">
                  <img
                    src={src.src}
                    alt={item.title}
                    width={96}
                    height={120}
                    loading="lazy"
                    className="aspect-[4/5] w-24 bg-veil object-cover"
                  />
                </li>
              );
            })}
          </ul>
        )}
        {s.vettingNotes && <p className="mt-6 text-sm text-stone">Last notes — “{s.vettingNotes}”</p>}
        <div className="mt-8 border-t border-line pt-8">
          <VettingForm stylistId={s.stylistId} name={name} status={s.status} />
        </div>
      </div>
    </li>
  );
}
