import { useState } from 'react';
import type { Route } from './+types/studio.requests';
import { PageTitle, SettingsSection } from '../features/account/components/settings-section.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { useStylistRequests } from '../features/bookings/api/studio.ts';
import { RequestInboxCard } from '../features/bookings/components/request-inbox-card.tsx';
import { useStudioStylist } from '../features/stylists/studio-context.ts';
import { zoneLabel } from '../features/stylists/time.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Requests — Your studio', description: 'Requests from clients.', image: 'private-client-atelier' }),
  { name: 'robots', content: 'noindex' },
];

export default function StudioRequests() {
  const stylist = useStudioStylist();
  const pending = useStylistRequests({ status: 'PENDING', maxResults: 100 });
  // Fixed at mount: the query key must not change with every render.
  const [now] = useState(() => new Date().toISOString());
  const upcoming = useStylistRequests({ status: 'ACCEPTED', from: now, maxResults: 20 });
  return (
    <>
      <PageTitle
        eyebrow="The studio"
        title="Requests"
        lede={`Answer each within two days. Times are in ${zoneLabel(stylist.timeZone, stylist.city)}, your schedule’s clock.`}
      />
      <SettingsSection
        title="Awaiting your answer"
        aside={pending.data ? <span className="text-sm text-stone">{pending.data.requests.length}</span> : undefined}
      >
        {pending.isPending ? (
          <ListLoading rows={2} />
        ) : pending.isError ? (
          <ListError error={pending.error} />
        ) : pending.data.requests.length === 0 ? (
          <p className="text-stone">No request is waiting. New ones arrive here and by email.</p>
        ) : (
          <ul className="space-y-6">
            {pending.data.requests.map((r) => (
              <li key={r.requestId}>
                <RequestInboxCard request={r} stylist={stylist} />
              </li>
            ))}
          </ul>
        )}
      </SettingsSection>
      <SettingsSection title="Confirmed, ahead">
        {upcoming.isPending ? (
          <ListLoading rows={2} />
        ) : upcoming.isError ? (
          <ListError error={upcoming.error} />
        ) : upcoming.data.requests.length === 0 ? (
          <p className="text-stone">Nothing confirmed yet.</p>
        ) : (
          <ul className="space-y-6">
            {upcoming.data.requests.map((r) => (
              <li key={r.requestId}>
                <RequestInboxCard request={r} stylist={stylist} />
              </li>
            ))}
          </ul>
        )}
      </SettingsSection>
    </>
  );
}
