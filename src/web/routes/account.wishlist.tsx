import type { Route } from './+types/account.wishlist';
import { ButtonLink } from '../components/ui/button.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { useWishlist } from '../features/catalog/api/wishlist.ts';
import { ProductGrid } from '../features/catalog/components/product-card.tsx';
import { toCard } from '../features/catalog/present.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Your wishlist', description: 'The pieces you have saved at StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

/** The client's saved pieces, newest first. A piece that is no longer visible to them is simply not listed. */
export default function AccountWishlist() {
  const wishlist = useWishlist();
  const items = wishlist.data?.items ?? [];
  return (
    <>
      <PageTitle
        eyebrow="Private client area"
        title="Your wishlist"
        lede="Pieces you have set aside. Your stylist sees them too, and can tell you when a size returns."
      />
      {wishlist.isPending ? (
        <ListLoading rows={3} />
      ) : wishlist.isError ? (
        <ListError error={wishlist.error} />
      ) : items.length === 0 ? (
        <div className="border-y border-line py-16 text-center">
          <p className="display text-3xl text-ink">Nothing saved yet</p>
          <p className="mx-auto mt-4 max-w-md leading-relaxed text-ink-soft">Press “Save to wishlist” on any piece to keep it here.</p>
          <ButtonLink to="/shop" variant="secondary" className="mt-10">
            Visit the boutique
          </ButtonLink>
        </div>
      ) : (
        <>
          <h2 className="sr-only">Saved pieces</h2>
          <ProductGrid products={items.map((i) => toCard(i.product))} label="Saved pieces" columns={3} priorityCount={3} />
        </>
      )}
    </>
  );
}
