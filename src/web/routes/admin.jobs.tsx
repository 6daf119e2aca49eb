import type { Route } from './+types/admin.jobs';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { FailedJobs } from '../features/admin/components/failed-jobs.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Background jobs — The house office',
    description: 'Mail and sweeps that failed: retry or discard.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

export default function AdminJobs() {
  return (
    <>
      <PageTitle
        eyebrow="The house office"
        title="Background jobs"
        lede="Work the platform does after a change is saved — letters, reminders, expiries. A job that keeps failing stops here after its last try, for you to run again or set aside."
      />
      <FailedJobs />
    </>
  );
}
