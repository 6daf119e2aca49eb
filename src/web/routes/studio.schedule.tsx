import type { Route } from './+types/studio.schedule';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { useSchedule } from '../features/stylists/api/studio.ts';
import { useStudioStylist } from '../features/stylists/studio-context.ts';
import { ExceptionsEditor } from '../features/stylists/components/exceptions-editor.tsx';
import { CancellationPolicyEditor, ScheduleEditor } from '../features/stylists/components/schedule-editor.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Schedule — Your studio', description: 'Your weekly hours and exceptions.', image: 'private-client-atelier' }),
  { name: 'robots', content: 'noindex' },
];

export default function StudioSchedule() {
  const stylist = useStudioStylist();
  const schedule = useSchedule(stylist.stylistId);
  return (
    <>
      <PageTitle
        eyebrow="The studio"
        title="Schedule"
        lede="Your week, the days that differ, and your cancellation policy. Open times are computed from all three and your confirmed sessions."
      />
      {schedule.isPending ? (
        <ListLoading rows={6} />
      ) : schedule.isError ? (
        <ListError error={schedule.error} />
      ) : (
        <>
          <ScheduleEditor
            key={schedule.dataUpdatedAt}
            stylistId={stylist.stylistId}
            schedule={schedule.data.schedule}
            city={stylist.city}
          />
          <ExceptionsEditor
            stylistId={stylist.stylistId}
            zone={schedule.data.schedule.timeZone}
            city={stylist.city}
            windows={schedule.data.windows}
          />
          <CancellationPolicyEditor
            key={schedule.data.cancellationPolicy.freeCancellationHours}
            stylistId={stylist.stylistId}
            hours={schedule.data.cancellationPolicy.freeCancellationHours}
          />
        </>
      )}
    </>
  );
}
