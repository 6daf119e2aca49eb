import { useState, type FormEvent } from 'react';
import type { Route } from './+types/studio.reviews';
import { Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { Textarea } from '../components/ui/textarea.tsx';
import { useToast } from '../components/ui/toast.tsx';
import { PageTitle, SettingsSection } from '../features/account/components/settings-section.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { LoadMore } from '../components/ui/load-more.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { toProblem } from '../lib/api/problem.ts';
import { useReplyToReview } from '../features/stylists/api/studio.ts';
import { CalendarFeed } from '../features/bookings/components/calendar-feed.tsx';
import { useStudioStylist } from '../features/stylists/studio-context.ts';
import { useStylistReviews, type StylistReview } from '../features/stylists/api/stylists.ts';
import { RatingStars } from '../features/stylists/components/rating-stars.tsx';
import { ReviewList } from '../features/stylists/components/review-list.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Reviews — Your studio', description: 'Reviews from your clients.', image: 'private-client-atelier' }),
  { name: 'robots', content: 'noindex' },
];

export default function StudioReviews() {
  const stylist = useStudioStylist();
  return (
    <>
      <PageTitle
        eyebrow="The studio"
        title="Reviews"
        lede="Each client may review a completed session once; you may answer each review once, in public."
      />
      {stylist.status === 'APPROVED' ? (
        <Reviews />
      ) : (
        <p className="mb-14 text-stone">Reviews appear here once your profile is listed and your first sessions are completed.</p>
      )}
      <SettingsSection
        title="Your sessions in your calendar"
        description="A private address your calendar app subscribes to; confirmed sessions appear and update there."
      >
        <CalendarFeed />
      </SettingsSection>
    </>
  );
}

/** Reviews are public, and only listed stylists have a public page. */
function Reviews() {
  const stylist = useStudioStylist();
  const reviews = useStylistReviews(stylist.stylistId, 20);
  const rows = reviews.data?.pages.flatMap((p) => p.reviews) ?? [];
  return (
    <>
      <RatingStars rating={stylist.rating} count={stylist.reviewCount} className="mb-12" />
      <SettingsSection title="From your clients">
        {reviews.isPending ? (
          <ListLoading rows={3} />
        ) : reviews.isError ? (
          <ListError error={reviews.error} />
        ) : (
          <>
            <ReviewList
              reviews={rows}
              stylistName={stylist.firstName}
              renderReply={(r) => <ReplyForm review={r} stylistId={stylist.stylistId} />}
            />
            <LoadMore
              shown={rows.length}
              noun={rows.length === 1 ? 'review' : 'reviews'}
              hasMore={reviews.hasNextPage}
              loading={reviews.isFetchingNextPage}
              onMore={() => void reviews.fetchNextPage()}
            />
          </>
        )}
      </SettingsSection>
    </>
  );
}

function ReplyForm({ review, stylistId }: { review: StylistReview; stylistId: string }) {
  const [open, setOpen] = useState(false);
  const reply = useReplyToReview(stylistId);
  const { toast } = useToast();
  const problem = reply.error ? toProblem(reply.error) : null;
  if (!open) {
    return (
      <Button variant="ghost" size="sm" className="mt-6" onClick={() => setOpen(true)}>
        Reply to {review.author}
      </Button>
    );
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('reply') ?? '').trim();
    reply.mutate({ reviewId: review.reviewId, reply: text }, { onSuccess: () => toast({ title: 'Reply published', tone: 'success' }) });
  }
  return (
    <form onSubmit={submit} noValidate className="mt-6 space-y-4" aria-label={`Reply to ${review.author}`}>
      <FormAlert problem={problem} fields={['reply']} />
      <Field label="Your reply" hint="Published under the review; once only." error={problem?.field('reply')}>
        {(p) => <Textarea {...p} name="reply" rows={3} required maxLength={2000} />}
      </Field>
      <Button type="submit" size="sm" loading={reply.isPending}>
        Publish the reply
      </Button>
    </form>
  );
}
