import { Link, useLocation } from 'react-router';
import { useToast } from '../../../components/ui/toast.tsx';
import { cn } from '../../../lib/cn.ts';
import { signInPath } from '../../auth/next-path.ts';
import { problemMessage, toProblem } from '../../../lib/api/problem.ts';
import { useSessionState } from '../../auth/session.tsx';
import { useToggleWishlist, useWishlist } from '../api/wishlist.ts';

function Heart({ filled }: { filled: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-4"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth="1.3"
    >
      <path d="M12 20.5s-7.5-4.6-7.5-10.3A4.2 4.2 0 0 1 12 7.6a4.2 4.2 0 0 1 7.5 2.6c0 5.7-7.5 10.3-7.5 10.3Z" />
    </svg>
  );
}

const classes = 'eyebrow inline-flex h-12 items-center justify-center gap-3 border px-6 transition-colors';

/** Save to, or remove from, the client's wishlist; a visitor is asked to sign in and brought back here. */
export function WishlistButton({
  productId,
  productName,
  className,
  tone = 'light',
}: {
  productId: string;
  productName: string;
  className?: string;
  tone?: 'light' | 'dark';
}) {
  const session = useSessionState();
  const location = useLocation();
  if (session.status !== 'signed-in') {
    return (
      <Link
        to={signInPath(`${location.pathname}${location.search}`)}
        className={cn(
          classes,
          tone === 'dark' ? 'border-ivory/40 text-ivory hover:border-ivory' : 'border-line text-ink hover:border-ink',
          className,
        )}
        aria-disabled={session.status === 'unknown' || undefined}
      >
        <Heart filled={false} />
        Save to wishlist
      </Link>
    );
  }
  return <SignedInWishlistButton productId={productId} productName={productName} className={className} tone={tone} />;
}

function SignedInWishlistButton({
  productId,
  productName,
  className,
  tone,
}: {
  productId: string;
  productName: string;
  className?: string | undefined;
  tone: 'light' | 'dark';
}) {
  const wishlist = useWishlist();
  const toggle = useToggleWishlist();
  const { toast } = useToast();
  const saved = wishlist.data?.items.some((i) => i.product.productId === productId) ?? false;
  const busy = toggle.isPending || wishlist.isPending;
  return (
    <button
      type="button"
      aria-pressed={saved}
      disabled={busy}
      onClick={() =>
        toggle.mutate(
          { productId, save: !saved },
          {
            onSuccess: () => toast({ title: saved ? 'Removed from your wishlist' : 'Saved to your wishlist', description: productName }),
            onError: (error) =>
              toast({ title: 'The wishlist did not change', description: problemMessage(toProblem(error)), tone: 'error' }),
          },
        )
      }
      className={cn(
        classes,
        tone === 'dark'
          ? saved
            ? 'border-ivory bg-ivory/10 text-ivory'
            : 'border-ivory/40 text-ivory hover:border-ivory'
          : saved
            ? 'border-ink bg-sand text-ink'
            : 'border-line text-ink hover:border-ink',
        'disabled:opacity-60',
        className,
      )}
    >
      <Heart filled={saved} />
      {saved ? 'Saved to wishlist' : 'Save to wishlist'}
    </button>
  );
}
