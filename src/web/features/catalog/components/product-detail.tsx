import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, buttonClasses } from '../../../components/ui/button.tsx';
import { Container } from '../../../components/ui/container.tsx';
import { Dialog, DialogContent, DialogTrigger } from '../../../components/ui/dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { bag } from '../bag/bag-store.ts';
import { imagesFor, toPicture, type Product } from '../present.ts';
import { BespokeForm } from './bespoke-form.tsx';
import { Gallery } from './gallery.tsx';
import { InquiryForm } from './inquiry-form.tsx';
import { Price } from './price.tsx';
import { SizeGuide } from './size-guide.tsx';
import { SpecTable, specRowsFrom, type SpecRow } from './spec-table.tsx';
import { stockLabel, VariantPicker, variantLabel } from './variant-picker.tsx';
import { ExclusivityNote, VipBadge } from './vip-badge.tsx';
import { WishlistButton } from './wishlist-button.tsx';

type Variant = NonNullable<Product['variants']>[number];

/** Which size table a category's pieces use. */
function departmentOf(product: Product): 'women' | 'men' | 'shoes' | 'other' {
  const slugs = product.categoryPath.map((c) => c.slug).join(' ');
  if (/shoe/.test(slugs)) return 'shoes';
  if (/\bmen\b|-men\b|^men/.test(slugs) && !/women/.test(slugs)) return 'men';
  if (/women|ready-to-wear|couture/.test(slugs)) return 'women';
  return 'other';
}

/** The details list: what the piece is made of and measures, then its own specification lines. */
export function detailRows(product: Product): SpecRow[] {
  const a = product.attributes ?? {};
  const rows: SpecRow[] = [];
  if (a.material) rows.push({ label: 'Material', value: a.material });
  if (a.color && !(product.variants ?? []).some((v) => v.color)) rows.push({ label: 'Colour', value: a.color });
  if (a.dimensions) rows.push({ label: 'Dimensions', value: a.dimensions });
  if (a.weight) rows.push({ label: 'Weight', value: a.weight });
  rows.push(...specRowsFrom(a.additionalAttributes));
  for (const s of product.specifications) rows.push({ label: s.label, value: s.value });
  return rows.map((r) => ({ ...r, value: r.value.charAt(0).toUpperCase() + r.value.slice(1) }));
}

/** Breadcrumbs from the boutique to the piece's department. */
export function Breadcrumbs({ product, tone = 'light' }: { product: Product; tone?: 'light' | 'dark' }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className={`eyebrow flex flex-wrap items-center gap-2 ${tone === 'dark' ? 'text-ivory/75' : 'text-stone'}`}>
        <li>
          <Link to="/shop" className="hover:underline">
            Boutique
          </Link>
        </li>
        {product.categoryPath.map((c) => (
          <li key={c.slug} className="flex items-center gap-2">
            <span aria-hidden="true">/</span>
            <Link to={`/shop/${c.slug}`} className="hover:underline">
              {c.name}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The page of a piece of fashion, jewellery or beauty: gallery, then what it is, what it costs and how to have it. */
export function ProductDetail({ product }: { product: Product }) {
  const variants = product.variants ?? [];
  const firstInStock = variants.find((v) => v.stock > 0) ?? variants[0];
  // A single default variant (no size, no colour) is not a choice to offer.
  const choosable = variants.filter((v) => v.size || v.color);
  // Sizes are a choice the client makes; a colour-only piece opens on its first colour (the picker shows it chosen),
  // so Add to bag is never held back waiting for a size that does not exist.
  const hasSizes = choosable.some((v) => v.size);
  const firstColour = choosable.find((v) => v.color)?.color;
  const initial = hasSizes
    ? choosable.length > 1
      ? undefined
      : firstInStock
    : (choosable.find((v) => v.color === firstColour && v.stock > 0) ?? choosable.find((v) => v.color === firstColour) ?? firstInStock);
  const [variantId, setVariantId] = useState<string | undefined>(initial?.variantId);
  const rows = detailRows(product);
  const chosen = variants.find((v) => v.variantId === variantId);
  // The picture follows the colour picker: the chosen colour's pictures (and those of every colour), as the picker
  // shows the first colour until one is chosen.
  const activeColor = chosen?.color ?? choosable.find((v) => v.color)?.color;
  const pictures = imagesFor(product.images, activeColor)
    .map((i) => toPicture(i, product.name))
    .filter((p) => p !== undefined);

  return (
    <Container className="pt-10 pb-20 lg:pt-14 lg:pb-28">
      <Breadcrumbs product={product} />
      <div className="mt-10 grid gap-12 lg:grid-cols-12 lg:gap-16">
        <div className="lg:col-span-7">
          <Gallery key={activeColor ?? 'all'} pictures={pictures} name={product.name} />
        </div>
        <div className="lg:col-span-5">
          <div className="lg:sticky lg:top-10">
            <div className="flex flex-wrap items-center gap-4">
              <Link to={`/shop?brand=${encodeURIComponent(product.brand)}`} className="eyebrow text-ink-soft hover:text-ink">
                {product.brandName}
              </Link>
              {product.visibility === 'VIP_ONLY' && <VipBadge />}
              {product.visibility === 'DRAFT' && (
                <span className="eyebrow border border-danger px-2.5 py-1 text-[0.625rem] text-danger">Draft — not published</span>
              )}
            </div>
            <h1 className="display mt-5 text-4xl text-ink sm:text-5xl">{product.name}</h1>
            <ExclusivityNote limitedEdition={product.limitedEdition} editionSize={product.editionSize} className="mt-5" />
            <Price price={product.price} priceOnRequest={product.priceOnRequest} size="lg" className="mt-6" />
            <div aria-hidden="true" className="mt-8 h-px w-16 bg-gold" />

            {product.purchaseMode === 'BUY_NOW' && (
              <BuyNow
                product={product}
                chosen={chosen}
                choosable={choosable.length > 0}
                variantPicker={
                  choosable.length > 0 ? (
                    <VariantPicker
                      variants={choosable}
                      selectedId={variantId}
                      onSelect={setVariantId}
                      aside={
                        choosable.some((v) => v.size) && departmentOf(product) !== 'other' ? (
                          <SizeGuide department={departmentOf(product)} />
                        ) : undefined
                      }
                    />
                  ) : null
                }
              />
            )}
            {product.purchaseMode === 'INQUIRE' && <InquireActions product={product} />}
            {product.purchaseMode === 'BESPOKE' && <BespokeActions product={product} />}

            <div className="mt-12 space-y-6 border-t border-line pt-10">
              <h2 className="eyebrow text-ink">The piece</h2>
              <div className="space-y-4 leading-relaxed whitespace-pre-line text-ink-soft">{product.description}</div>
            </div>
            {rows.length > 0 && <SpecTable rows={rows} caption="Details" className="mt-12" />}
            <p className="mt-12 border-t border-line pt-8 text-sm leading-relaxed text-stone">
              Authenticated by the house, insured in transit and delivered by hand in the major cities. A stylist can advise you on this
              piece.{' '}
              <Link to="/stylists" className="link-underline text-ink">
                Ask a stylist
              </Link>
            </p>
          </div>
        </div>
      </div>
    </Container>
  );
}

function BuyNow({
  product,
  chosen,
  choosable,
  variantPicker,
}: {
  product: Product;
  chosen: Variant | undefined;
  choosable: boolean;
  variantPicker: ReactNode;
}) {
  const { toast } = useToast();
  const soldOut = product.inventory <= 0;
  const needsChoice = choosable && !chosen;
  const chosenSoldOut = chosen ? chosen.stock <= 0 : false;

  function add() {
    const image = imagesFor(product.images, chosen?.color)[0] ?? product.images[0];
    bag.add({
      productId: product.productId,
      slug: product.slug,
      name: product.name,
      brand: product.brandName,
      ...(chosen && (chosen.size || chosen.color)
        ? { variantId: chosen.variantId, variantLabel: variantLabel(chosen) }
        : chosen
          ? { variantId: chosen.variantId }
          : {}),
      ...(product.priceOnRequest ? {} : { price: product.price }),
      ...(image ? { image: { src: image.url, srcSet: image.srcset.jpg, alt: image.alt ?? product.name } } : {}),
    });
    toast({
      title: 'Added to your bag',
      description: chosen && (chosen.size || chosen.color) ? `${product.name} — ${variantLabel(chosen)}` : product.name,
      tone: 'success',
    });
  }

  return (
    <div className="mt-10 space-y-8">
      {variantPicker}
      {!choosable && <p className="text-sm text-ink-soft">{stockLabel(product.inventory)}</p>}
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button size="lg" className="w-full sm:w-auto sm:flex-1" disabled={soldOut || needsChoice || chosenSoldOut} onClick={add}>
          {soldOut ? 'Sold out' : needsChoice ? 'Choose a size' : 'Add to bag'}
        </Button>
        <WishlistButton productId={product.productId} productName={product.name} className="h-14" />
      </div>
    </div>
  );
}

function InquireActions({ product }: { product: Product }) {
  return (
    <div className="mt-10 space-y-6">
      <p className="leading-relaxed text-ink-soft">
        Shown by private appointment. The house arranges a viewing where it suits you, in its salon or at your home.
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Dialog>
          <DialogTrigger className={buttonClasses({ size: 'lg', className: 'flex-1' })}>Request a private viewing</DialogTrigger>
          <DialogContent
            title="A private viewing"
            description={`Tell us when and how you would like to see ${product.name}; a client adviser of ${product.brandName} will reply.`}
            className="max-w-xl"
          >
            <InquiryForm productId={product.productId} productName={product.name} intent="viewing" submitLabel="Send the request" />
          </DialogContent>
        </Dialog>
        <WishlistButton productId={product.productId} productName={product.name} className="h-14" />
      </div>
    </div>
  );
}

function BespokeActions({ product }: { product: Product }) {
  return (
    <div className="mt-10 space-y-6">
      <p className="leading-relaxed text-ink-soft">
        Made to order in the atelier, to your measurements and choices. The adviser confirms the final price and the time it takes before
        anything is made.
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Dialog>
          <DialogTrigger className={buttonClasses({ size: 'lg', className: 'flex-1' })}>Begin a commission</DialogTrigger>
          <DialogContent
            title="Your commission"
            description={`The choices for ${product.name}; leave any to discuss with the atelier.`}
            className="max-h-[90vh] max-w-xl overflow-y-auto"
          >
            <BespokeForm productId={product.productId} productName={product.name} options={product.customisations} />
          </DialogContent>
        </Dialog>
        <WishlistButton productId={product.productId} productName={product.name} className="h-14" />
      </div>
    </div>
  );
}
