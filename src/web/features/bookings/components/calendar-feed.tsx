import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { ListError } from '../../../components/ui/list-state.tsx';
import { useCalendarFeed, useRotateCalendarFeed } from '../api/bookings.ts';

/**
 * The private .ics address of one's bookings, for Apple Calendar, Google or Outlook: copy it, or replace it with
 * a new one when it may have been shared (the old one stops at once).
 */
export function CalendarFeed() {
  const [shown, setShown] = useState(false);
  if (!shown) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setShown(true)}>
        Show my calendar link
      </Button>
    );
  }
  return <FeedLink />;
}

function FeedLink() {
  const feed = useCalendarFeed();
  const rotate = useRotateCalendarFeed();
  const { toast } = useToast();
  if (feed.isPending) return <p className="text-sm text-stone">Preparing your link…</p>;
  if (feed.isError) return <ListError error={feed.error} />;
  const url = feed.data.url;
  return (
    <div className="space-y-4">
      <label htmlFor="calendar-feed-url" className="eyebrow block text-ink-soft">
        Your private calendar address
      </label>
      <input
        id="calendar-feed-url"
        readOnly
        value={url}
        onFocus={(e) => e.currentTarget.select()}
        className="block w-full border border-line bg-ivory px-4 py-3 font-mono text-xs text-ink"
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button
          size="sm"
          onClick={() =>
            void navigator.clipboard.writeText(url).then(
              () => toast({ title: 'Link copied', description: 'Paste it into your calendar as a subscription.', tone: 'success' }),
              () => toast({ title: 'Could not copy', description: 'Select the address and copy it by hand.', tone: 'error' }),
            )
          }
        >
          Copy link
        </Button>
        <Button
          variant="ghost"
          size="sm"
          loading={rotate.isPending}
          onClick={() =>
            rotate.mutate(undefined, {
              onSuccess: () => toast({ title: 'A new link is ready', description: 'The old address no longer works.', tone: 'success' }),
            })
          }
        >
          Replace the link
        </Button>
      </div>
      <p className="text-sm text-stone">Anyone with this address can read your sessions. Replace it if it was shared by mistake.</p>
    </div>
  );
}
