import { data, Link } from 'react-router';
import type { Route } from './+types/product';
import { ErrorPage } from '../components/editorial/error-page.tsx';
import { Container } from '../components/ui/container.tsx';
import { SessionPending } from '../features/auth/components/session-pending.tsx';
import { ApiProblem } from '../lib/api/problem.ts';
import { useSessionState } from '../features/auth/session.tsx';
import { getProductBySlug, listProducts, useProductForViewer } from '../features/catalog/api/products.ts';
import { serverApi } from '../lib/api/server.ts';
import { ProductGrid } from '../features/catalog/components/product-card.tsx';
import { ProductDetail } from '../features/catalog/components/product-detail.tsx';
import { ShowcaseDetail } from '../features/catalog/components/showcase-detail.tsx';
import { toCard, type Product } from '../features/catalog/present.ts';
import { notFoundMeta, productMeta } from '../features/catalog/seo.ts';

/**
 * The product page, rendered on the server for what the public may see. A piece the public may not see answers
 * 404 here to a visitor; a browser with a session gets the page (200), where a signed-in VIP (or the piece's house)
 * fetches it with their own session, and anyone else sees the house 404.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const api = serverApi(context);
  try {
    const product = await getProductBySlug(api, params.slug);
    const related = await listProducts(api, { category: product.category, maxResults: 5 })
      .then((r) => r.products.filter((p) => p.productId !== product.productId).slice(0, 4))
      .catch(() => []);
    return { product, related };
  } catch (error) {
    // A browser holding a session (its sign-in cookie, which the server cannot read here) may be a VIP's: answering
    // 404 would log a console error before their own session shows the piece, so it gets the page and decides there.
    if (error instanceof ApiProblem && (error.status === 404 || error.status === 400))
      return data({ product: null, related: [] as Product[] }, { status: mayHoldSession(request) ? 200 : 404 });
    throw error;
  }
}

/** Whether the request carries the cookie a signed-in browser keeps beside its session (`sbz_csrf`, path /). */
function mayHoldSession(request: Request): boolean {
  return /(?:^|;\s*)sbz_csrf=[^;]/.test(request.headers.get('cookie') ?? '');
}

export const meta: Route.MetaFunction = (args) => (args.loaderData?.product ? productMeta(args, args.loaderData.product) : notFoundMeta());

export default function ProductRoute({ loaderData, params }: Route.ComponentProps) {
  const { product, related } = loaderData;
  if (!product) return <HiddenProduct slug={params.slug} />;
  return <ProductPage product={product} related={related} />;
}

function ProductPage({ product, related }: { product: Product; related: Product[] }) {
  return (
    <>
      {product.showcase ? <ShowcaseDetail product={product} /> : <ProductDetail product={product} />}
      {related.length > 0 && (
        <section aria-labelledby="related-title" className="border-t border-line py-20 lg:py-28">
          <Container>
            <div className="flex flex-wrap items-end justify-between gap-6">
              <div>
                <p className="eyebrow text-gold-deep">{product.categoryName}</p>
                <h2 id="related-title" className="display mt-4 text-4xl text-ink sm:text-5xl">
                  You may also <em className="italic">consider</em>
                </h2>
              </div>
              <Link to={`/shop/${product.category}`} className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink">
                All of {product.categoryName}
              </Link>
            </div>
            <div className="mt-14">
              <ProductGrid products={related.map(toCard)} label={`More from ${product.categoryName}`} priorityCount={0} />
            </div>
          </Container>
        </section>
      )}
    </>
  );
}

/** Not public: a 404 for everyone, unless the signed-in visitor's own session can see it. */
function HiddenProduct({ slug }: { slug: string }) {
  const session = useSessionState();
  const signedIn = session.status === 'signed-in';
  const query = useProductForViewer(slug, signedIn);
  if (session.status === 'unknown' || (signedIn && query.isPending)) return <SessionPending label="Opening the piece" />;
  if (query.data) return <ProductPage product={query.data} related={[]} />;
  return <ErrorPage status={404} />;
}
