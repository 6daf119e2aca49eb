import { Container } from '../../../components/ui/container.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';

/**
 * What a private page shows while the session is established: the server never knows who is signed in
 * (the access token lives only in the tab), so these pages are drawn in the browser after one refresh.
 */
export function SessionPending({ label = 'Opening your private area' }: { label?: string }) {
  return (
    <Container className="py-16 lg:py-24" aria-busy="true">
      <p role="status" className="sr-only">
        {label}
      </p>
      <div className="grid gap-12 lg:grid-cols-12">
        <div className="space-y-4 lg:col-span-3">
          <Skeleton className="h-3 w-24" />
          <Skeleton className="h-10 w-48" />
          <Skeleton className="mt-8 h-4 w-32" />
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-28" />
        </div>
        <div className="space-y-6 lg:col-span-8 lg:col-start-5">
          <Skeleton className="h-12 w-2/3" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-5/6" />
          <Skeleton className="mt-10 h-40 w-full" />
        </div>
      </div>
    </Container>
  );
}
