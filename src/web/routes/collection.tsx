import { data, useLocation } from 'react-router';
import type { Route } from './+types/collection';
import { ErrorPage } from '../components/editorial/error-page.tsx';
import { ResponsiveImage } from '../components/media/responsive-image.tsx';
import { Container } from '../components/ui/container.tsx';
import { SessionPending } from '../features/auth/components/session-pending.tsx';
import { ApiProblem } from '../lib/api/problem.ts';
import { serverApi } from '../lib/api/server.ts';
import { getCollection, useCollection, type GetCollectionOutput } from '../features/catalog/api/taxonomy.ts';
import { Pagination } from '../features/catalog/components/pagination.tsx';
import { ProductGrid } from '../features/catalog/components/product-card.tsx';
import { ProductImage } from '../features/catalog/components/product-image.tsx';
import { VipBadge } from '../features/catalog/components/vip-badge.tsx';
import { VipLock } from '../features/catalog/components/vip-lock.tsx';
import { toCard, toPicture } from '../features/catalog/present.ts';
import { excerpt, notFoundMeta } from '../features/catalog/seo.ts';
import { readBrowseState } from '../features/catalog/url-state.ts';
import { pageMeta } from '../lib/seo.ts';

/**
 * A curated collection. A VIP-only collection is shown to everyone else with a lock and none of its pieces (the
 * API sends none); a VIP's browser fetches it again with their session and the lock opens.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const after = new URL(request.url).searchParams.get('after') ?? undefined;
  try {
    return { collection: await getCollection(serverApi(context), params.slug, after) };
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 404 || error.status === 400))
      return data({ collection: null as GetCollectionOutput | null }, { status: 404 });
    throw error;
  }
}

export const meta: Route.MetaFunction = (args) => {
  const found = args.loaderData?.collection?.collection;
  if (!found) return notFoundMeta();
  return pageMeta(args, {
    title: found.name,
    description: excerpt(found.description || found.tagline || `${found.name}, a collection composed by the stylists of StyleByZaga.`),
    image: `collection-${found.slug}`,
  });
};

export default function CollectionRoute({ loaderData, params }: Route.ComponentProps) {
  const location = useLocation();
  const state = readBrowseState(new URLSearchParams(location.search));
  const { data: result, pending, viewer } = useCollection(params.slug, state.after, loaderData.collection);
  if (!result) {
    if (pending) return <SessionPending label="Opening the collection" />;
    return <ErrorPage status={404} />;
  }
  const { collection, products, nextToken } = result;
  const hero = toPicture(collection.hero, '');
  return (
    <>
      <section aria-labelledby="collection-title" className="relative">
        <Container className="grid items-end gap-12 pt-12 pb-16 lg:grid-cols-12 lg:gap-16 lg:pt-16 lg:pb-24">
          <div className="order-2 lg:order-1 lg:col-span-5 lg:pb-8">
            <div className="flex flex-wrap items-center gap-4">
              <p className="eyebrow text-gold-deep">A collection</p>
              {collection.visibility === 'VIP_ONLY' && <VipBadge />}
            </div>
            <h1 id="collection-title" className="display mt-8 text-5xl text-ink sm:text-6xl xl:text-7xl">
              {collection.name}
            </h1>
            {collection.tagline && <p className="mt-6 font-display text-2xl text-ink-soft italic">{collection.tagline}</p>}
            <div aria-hidden="true" className="mt-10 h-px w-16 bg-gold" />
            {collection.description && (
              <p className="mt-10 max-w-md text-lg leading-relaxed whitespace-pre-line text-ink-soft">{collection.description}</p>
            )}
          </div>
          {hero ? (
            <ProductImage
              picture={hero}
              alt=""
              sizes="(min-width: 1024px) 58vw, 100vw"
              priority
              className="order-1 aspect-[4/5] lg:order-2 lg:col-span-7 lg:aspect-[6/5]"
            />
          ) : (
            <ResponsiveImage
              kind="editorial"
              name={`collection-${collection.slug}`}
              alt=""
              width={1280}
              height={1600}
              sizes="(min-width: 1024px) 58vw, 100vw"
              priority
              className="order-1 aspect-[4/5] lg:order-2 lg:col-span-7 lg:aspect-[6/5]"
            />
          )}
        </Container>
      </section>
      {collection.locked ? (
        pending ? (
          <SessionPending label="Opening the collection" />
        ) : (
          <VipLock title={collection.name} signedIn={viewer.status === 'signed-in'} className="mb-24 lg:mb-32" />
        )
      ) : (
        <section aria-label="Pieces in the collection" className="border-t border-line py-16 lg:py-24">
          <Container>
            <p className="mb-12 text-sm text-stone">
              {collection.productCount.toLocaleString('en-GB')} {collection.productCount === 1 ? 'piece' : 'pieces'}
            </p>
            {products.length > 0 ? (
              <ProductGrid products={products.map(toCard)} label={collection.name} />
            ) : (
              <p className="border-y border-line py-16 text-center text-ink-soft">The pieces of this collection are being chosen.</p>
            )}
            <Pagination state={state} nextToken={nextToken} pathname={location.pathname} shown={products.length} />
          </Container>
        </section>
      )}
    </>
  );
}
