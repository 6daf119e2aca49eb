import { Container } from '../../../components/ui/container.tsx';
import { toPicture, type Product } from '../present.ts';
import { BespokeForm } from './bespoke-form.tsx';
import { Gallery } from './gallery.tsx';
import { InquiryForm } from './inquiry-form.tsx';
import { Price } from './price.tsx';
import { Breadcrumbs, detailRows } from './product-detail.tsx';
import { ProductImage } from './product-image.tsx';
import { SpecTable, type SpecRow } from './spec-table.tsx';
import { ExclusivityNote, VipBadge } from './vip-badge.tsx';
import { WishlistButton } from './wishlist-button.tsx';

/** Specification lines grouped as the partner gave them ("Performance", "Cabin"…); ungrouped lines come first. */
function groupedSpecs(product: Product): { group: string; rows: SpecRow[] }[] {
  const groups = new Map<string, SpecRow[]>();
  for (const s of product.specifications) {
    const group = s.group ?? 'Specification';
    groups.set(group, [...(groups.get(group) ?? []), { label: s.label, value: s.value }]);
  }
  const others = detailRows({ ...product, specifications: [] });
  if (others.length)
    groups.set(groups.has('Specification') ? 'Details' : 'Specification', [...(groups.get('Specification') ?? []), ...others]);
  return [...groups].map(([group, rows]) => ({ group, rows }));
}

/**
 * The page of a showcase piece (an automobile, a residence, a jet, a yacht, an experience): a wide picture, the
 * specification on ink, the gallery, and the private-viewing request on the page itself rather than behind a button.
 */
export function ShowcaseDetail({ product }: { product: Product }) {
  const pictures = product.images.map((i) => toPicture(i, product.name)).filter((p) => p !== undefined);
  const hero = pictures[0];
  const specs = groupedSpecs(product);
  return (
    <>
      <section aria-labelledby="showcase-name" className="bg-ink text-ivory">
        <Container className="pt-10 pb-16 lg:pt-14 lg:pb-24">
          <Breadcrumbs product={product} tone="dark" />
          <div className="mt-12 grid gap-12 lg:grid-cols-12 lg:items-end lg:gap-16">
            <div className="lg:col-span-5">
              <div className="flex flex-wrap items-center gap-4">
                <p className="eyebrow text-gold-light">{product.brandName}</p>
                {product.visibility === 'VIP_ONLY' && <VipBadge tone="dark" />}
              </div>
              <h1 id="showcase-name" className="display mt-6 text-5xl sm:text-6xl xl:text-7xl">
                {product.name}
              </h1>
              <ExclusivityNote limitedEdition={product.limitedEdition} editionSize={product.editionSize} className="mt-6 text-gold-light" />
              <div aria-hidden="true" className="mt-10 h-px w-16 bg-gold" />
              <Price price={product.price} priceOnRequest={product.priceOnRequest} size="lg" className="mt-8 text-ivory" />
              <p className="mt-8 max-w-md leading-relaxed text-ivory/80">
                {product.categoryName} presented by {product.brandName}, viewed by private appointment arranged by our concierge.
              </p>
              <div className="mt-10 flex flex-wrap gap-4">
                <a
                  href="#viewing"
                  className="inline-flex h-14 items-center justify-center border border-ivory bg-ivory px-10 text-xs font-medium tracking-[0.2em] text-ink uppercase transition-colors hover:bg-transparent hover:text-ivory"
                >
                  {product.purchaseMode === 'BESPOKE' ? 'Begin a commission' : 'Request a private viewing'}
                </a>
                <WishlistButton productId={product.productId} productName={product.name} className="h-14" tone="dark" />
              </div>
            </div>
            <div className="lg:col-span-7">
              <ProductImage picture={hero} sizes="(min-width: 1024px) 58vw, 100vw" priority className="aspect-[4/5] lg:aspect-[5/6]" />
            </div>
          </div>
        </Container>
      </section>

      <section aria-labelledby="about-title" className="py-20 lg:py-28">
        <Container className="grid gap-16 lg:grid-cols-12">
          <div className="lg:col-span-5">
            <p className="eyebrow text-gold-deep">The piece</p>
            <h2 id="about-title" className="display mt-5 text-4xl text-ink">
              {product.name}, <em className="italic">in detail</em>
            </h2>
            <div className="mt-8 space-y-4 leading-relaxed whitespace-pre-line text-ink-soft">{product.description}</div>
          </div>
          <div className="space-y-14 lg:col-span-6 lg:col-start-7">
            {specs.map((s) => (
              <SpecTable key={s.group} rows={s.rows} caption={s.group} />
            ))}
          </div>
        </Container>
      </section>

      {pictures.length > 1 && (
        <section aria-label="Pictures" className="border-t border-line py-20 lg:py-28">
          <Container className="max-w-5xl">
            <Gallery pictures={pictures} name={product.name} />
          </Container>
        </section>
      )}

      <section id="viewing" aria-labelledby="viewing-title" className="scroll-mt-8 bg-sand py-20 lg:py-28">
        <Container width="narrow">
          <p className="eyebrow text-gold-deep">By appointment</p>
          <h2 id="viewing-title" className="display mt-5 text-4xl text-ink sm:text-5xl">
            {product.purchaseMode === 'BESPOKE' ? (
              <>
                Commission <em className="italic">your own</em>
              </>
            ) : (
              <>
                Arrange a <em className="italic">private viewing</em>
              </>
            )}
          </h2>
          <p className="mt-6 max-w-xl leading-relaxed text-ink-soft">
            A client adviser of {product.brandName} replies personally, usually within a day. Nothing is committed until you have seen the
            piece.
          </p>
          <div className="mt-12">
            {product.purchaseMode === 'BESPOKE' ? (
              <BespokeForm productId={product.productId} productName={product.name} options={product.customisations} />
            ) : (
              <InquiryForm
                productId={product.productId}
                productName={product.name}
                intent="viewing"
                submitLabel="Request a private viewing"
              />
            )}
          </div>
        </Container>
      </section>
    </>
  );
}
