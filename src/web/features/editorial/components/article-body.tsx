import { Link } from 'react-router';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { bag } from '../../catalog/bag/bag-store.ts';
import { formatPrice } from '../../catalog/components/price.tsx';
import type { ContentBlock, ContentProduct, ContentStylist } from '../api.ts';
import { ContentImage } from './content-image.tsx';

/**
 * A piece's body: runs of HTML the server rendered through its allowlist (nothing in them can run), and the shoppable
 * embeds drawn here with the house's components, so a reader can add a piece to the bag without leaving the story.
 */
export function ArticleBody({ blocks }: { blocks: readonly ContentBlock[] }) {
  return (
    <div className="editorial-body">
      {blocks.map((block, i) => {
        switch (block.kind) {
          case 'html':
            // Rendered by the server's allowlist renderer (editorial/render.ts): escaped throughout, nothing in it can run.
            return <div key={i} className="editorial-prose" dangerouslySetInnerHTML={{ __html: block.html }} />;
          case 'products':
            return <ProductRow key={i} title={block.title} products={block.products} />;
          case 'look':
            return <Look key={i} look={block} index={i} />;
          case 'stylist':
            return <StylistEmbed key={i} stylist={block.stylist} book={block.layout === 'book'} label={block.label} />;
        }
      })}
    </div>
  );
}

function ProductRow({ title, products }: { title: string; products: readonly ContentProduct[] }) {
  return (
    <section aria-label={title || 'Pieces in this story'} className="my-14 border-y border-line py-10">
      {title && <p className="eyebrow text-gold-deep">{title}</p>}
      <ul className="mt-8 grid grid-cols-2 gap-x-6 gap-y-10 md:grid-cols-4">
        {products.map((p) => (
          <li key={p.productId}>
            <PieceCard product={p} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A piece live from the catalogue: its picture, house, name and price, and Add to bag while it can be bought. */
export function PieceCard({ product }: { product: ContentProduct }) {
  const { toast } = useToast();
  if (product.state === 'UNAVAILABLE' || !product.slug) {
    return (
      <div className="flex aspect-[4/5] items-center justify-center bg-sand p-6 text-center text-sm text-stone">
        <p>This piece is no longer available.</p>
      </div>
    );
  }
  const needsChoice = (product.sizes?.length ?? 0) > 1 || (product.colors?.length ?? 0) > 1;
  const buyable = product.state === 'AVAILABLE' && product.purchaseMode === 'BUY_NOW' && !needsChoice;
  const add = () => {
    bag.add({
      productId: product.productId,
      slug: product.slug!,
      name: product.name ?? '',
      brand: product.brandName ?? '',
      ...(product.priceOnRequest || !product.price ? {} : { price: product.price }),
      ...(product.image ? { image: { src: product.image.url, alt: product.image.alt } } : {}),
    });
    toast({ title: 'Added to your bag', description: product.name ?? '', tone: 'success' });
  };
  return (
    <article className="group relative flex h-full flex-col">
      <ContentImage
        src={product.image?.url}
        alt=""
        sizes="(min-width: 768px) 18vw, 45vw"
        width={960}
        height={1200}
        className="aspect-[4/5]"
      />
      <p className="eyebrow mt-4 text-stone">{product.brandName}</p>
      <h3 className="mt-1 font-display text-lg leading-snug text-ink">
        <Link to={`/products/${product.slug}`} className="hover:underline">
          {product.name}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-ink-soft">
        {product.priceOnRequest || !product.price ? 'Price on request' : formatPrice(product.price)}
      </p>
      <div className="mt-4">
        {product.state === 'SOLD_OUT' ? (
          <p className="eyebrow text-stone">Sold out</p>
        ) : buyable ? (
          <Button size="sm" variant="secondary" onClick={add} aria-label={`Add ${product.name} to bag`}>
            Add to bag
          </Button>
        ) : (
          <ButtonLink size="sm" variant="secondary" to={`/products/${product.slug}`}>
            {needsChoice ? 'Choose a size' : 'Discover'}
          </ButtonLink>
        )}
      </div>
    </article>
  );
}

function Look({ look, index }: { look: Extract<ContentBlock, { kind: 'look' }>; index: number }) {
  const id = `look-${index}`;
  return (
    <section aria-labelledby={`${id}-caption`} className="my-16">
      <figure className="relative">
        <ContentImage
          src={look.image.src}
          alt={look.image.alt}
          sizes="(min-width: 1024px) 60vw, 100vw"
          width={1600}
          height={900}
          className="aspect-[16/9]"
        />
        {look.hotspots.map((h, i) =>
          h.product.slug && h.product.state !== 'UNAVAILABLE' ? (
            <Link
              key={i}
              to={`/products/${h.product.slug}`}
              style={{ left: `${h.x}%`, top: `${h.y}%` }}
              className="absolute flex size-9 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border border-ivory bg-ink/70 text-sm text-ivory backdrop-blur-sm transition-transform hover:scale-110"
              aria-label={`${i + 1}. ${h.product.name ?? 'Piece'}`}
            >
              {i + 1}
            </Link>
          ) : null,
        )}
        <figcaption id={`${id}-caption`} className="mt-4 text-sm text-stone">
          {look.image.caption || 'The look'}
        </figcaption>
      </figure>
      <ul aria-label="Pieces in this look" className="mt-8 grid grid-cols-2 gap-x-6 gap-y-10 md:grid-cols-3">
        {look.hotspots.map((h, i) => (
          <li key={i}>
            <PieceCard product={h.product} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function StylistEmbed({ stylist, book, label }: { stylist: ContentStylist; book: boolean; label: string }) {
  if (!stylist.available || !stylist.name) return null;
  const to = `/stylists/${stylist.stylistId}`;
  if (book) {
    return (
      <div className="my-12 flex flex-col items-start gap-4 bg-sand p-8 sm:flex-row sm:items-center sm:justify-between">
        <p className="font-display text-2xl text-ink">
          {stylist.name}
          <span className="mt-1 block font-sans text-sm text-stone">{[stylist.headline, stylist.city].filter(Boolean).join(' · ')}</span>
        </p>
        <ButtonLink to={to}>{label || `Book ${stylist.name}`}</ButtonLink>
      </div>
    );
  }
  return (
    <Link to={to} className="group my-12 flex items-center gap-6 border-y border-line py-8">
      {stylist.portrait && <img src={stylist.portrait} alt="" width={96} height={120} loading="lazy" className="h-28 w-24 object-cover" />}
      <span>
        <span className="eyebrow text-gold-deep">The stylist</span>
        <span className="mt-2 block font-display text-2xl text-ink group-hover:underline">{stylist.name}</span>
        <span className="mt-1 block text-sm text-stone">{[stylist.headline, stylist.city].filter(Boolean).join(' · ')}</span>
      </span>
    </Link>
  );
}
