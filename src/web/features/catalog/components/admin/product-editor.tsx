import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button } from '../../../../components/ui/button.tsx';
import { Field } from '../../../../components/ui/field.tsx';
import { Input } from '../../../../components/ui/input.tsx';
import { Textarea } from '../../../../components/ui/textarea.tsx';
import { useToast } from '../../../../components/ui/toast.tsx';
import { PageTitle, SettingsSection } from '../../../account/components/settings-section.tsx';
import { Select } from '../../../../components/ui/select.tsx';
import { FormAlert } from '../../../../components/ui/form-alert.tsx';
import { problemMessage, toProblem, type ApiProblem } from '../../../../lib/api/problem.ts';
import { useSignedInUser } from '../../../auth/session.tsx';
import {
  useDeleteProduct,
  useSaveProduct,
  useUploadImage,
  type CreateProductInput,
  type PurchaseMode,
  type Visibility,
} from '../../api/admin.ts';
import { flattenCategories, useBrands, useCategories } from '../../api/taxonomy.ts';
import { ProductImage, type ProductPicture } from '../product-image.tsx';
import { toPicture, type Product } from '../../present.ts';
import { CURRENCY_CODES } from '../../../../../shared/money.ts';
import { VISIBILITIES } from './visibilities.ts';

/** `color`: the variant colour the picture shows, kept as the product had it (the form does not edit it). */
type ImageDraft = { key: string; mediaId?: string; url?: string; alt: string; color?: string; preview: ProductPicture | undefined };
type VariantDraft = { key: string; variantId?: string; sku: string; color: string; size: string; stock: string };
type SpecDraft = { key: string; label: string; value: string; group: string };
type CustomDraft = { key: string; slug: string; label: string; kind: 'TEXT' | 'CHOICE' | 'MEASUREMENTS'; choices: string };

type Draft = {
  name: string;
  slug: string;
  brand: string;
  category: string;
  description: string;
  amount: string;
  currency: string;
  priceOnRequest: boolean;
  visibility: Visibility;
  purchaseMode: PurchaseMode;
  limitedEdition: boolean;
  editionSize: string;
  color: string;
  size: string;
  material: string;
  dimensions: string;
  weight: string;
  images: ImageDraft[];
  variants: VariantDraft[];
  specifications: SpecDraft[];
  customisations: CustomDraft[];
};

let counter = 0;
const newKey = () => `k${++counter}`;

const MODES: { value: PurchaseMode; label: string; hint: string }[] = [
  { value: 'BUY_NOW', label: 'Add to bag', hint: 'Ready-to-wear, accessories: sized and stocked.' },
  { value: 'INQUIRE', label: 'Private viewing', hint: 'Showcase pieces: cars, residences, jets, high jewellery.' },
  { value: 'BESPOKE', label: 'Made to order', hint: 'Commissions with customisation options.' },
];

function draftFrom(product: Product | undefined): Draft {
  const a = product?.attributes ?? {};
  return {
    name: product?.name ?? '',
    slug: product?.slug ?? '',
    brand: product?.brand ?? '',
    category: product?.category ?? '',
    description: product?.description ?? '',
    amount: product ? String(product.price.amount) : '',
    currency: product?.price.currency ?? 'EUR',
    priceOnRequest: product?.priceOnRequest ?? false,
    visibility: product?.visibility ?? 'DRAFT',
    purchaseMode: product?.purchaseMode ?? 'BUY_NOW',
    limitedEdition: product?.limitedEdition ?? false,
    editionSize: product?.editionSize ? String(product.editionSize) : '',
    color: a.color ?? '',
    size: a.size ?? '',
    material: a.material ?? '',
    dimensions: a.dimensions ?? '',
    weight: a.weight ?? '',
    images: (product?.images ?? []).map((i) => ({
      key: newKey(),
      ...(i.mediaId ? { mediaId: i.mediaId } : { url: i.url }),
      alt: i.alt ?? '',
      ...(i.color ? { color: i.color } : {}),
      preview: toPicture(i, ''),
    })),
    variants: (product?.variants ?? []).map((v) => ({
      key: newKey(),
      variantId: v.variantId,
      sku: v.sku,
      color: v.color ?? '',
      size: v.size ?? '',
      stock: String(v.stock),
    })),
    specifications: (product?.specifications ?? []).map((s) => ({ key: newKey(), label: s.label, value: s.value, group: s.group ?? '' })),
    customisations: (product?.customisations ?? []).map((c) => ({
      key: newKey(),
      slug: c.key,
      label: c.label,
      kind: c.kind,
      choices: (c.choices ?? []).join(', '),
    })),
  };
}

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

function inputFrom(d: Draft): CreateProductInput {
  const attributes = Object.fromEntries(
    (['color', 'size', 'material', 'dimensions', 'weight'] as const).flatMap((k) => (opt(d[k]) ? [[k, d[k].trim()]] : [])),
  );
  return {
    name: d.name.trim(),
    description: d.description.trim(),
    price: { amount: Number(d.amount.replace(/[^\d.]/g, '') || 'NaN'), currency: d.currency },
    brand: d.brand,
    category: d.category,
    ...(opt(d.slug) ? { slug: d.slug.trim() } : {}),
    visibility: d.visibility,
    purchaseMode: d.purchaseMode,
    priceOnRequest: d.priceOnRequest,
    limitedEdition: d.limitedEdition,
    ...(opt(d.editionSize) ? { editionSize: Number(d.editionSize) } : {}),
    attributes,
    images: d.images.map((i) => ({
      ...(i.mediaId ? { mediaId: i.mediaId } : { url: i.url! }),
      ...(opt(i.alt) ? { alt: i.alt.trim() } : {}),
      ...(i.color ? { color: i.color } : {}),
    })),
    variants: d.variants.map((v) => ({
      ...(v.variantId ? { variantId: v.variantId } : {}),
      ...(opt(v.sku) ? { sku: v.sku.trim() } : {}),
      ...(opt(v.color) ? { color: v.color.trim() } : {}),
      ...(opt(v.size) ? { size: v.size.trim() } : {}),
      stock: Number(v.stock || '0'),
    })),
    specifications: d.specifications
      .filter((s) => s.label.trim() || s.value.trim())
      .map((s) => ({ label: s.label.trim(), value: s.value.trim(), ...(opt(s.group) ? { group: s.group.trim() } : {}) })),
    customisations: d.customisations
      .filter((c) => c.label.trim())
      .map((c) => ({
        key:
          c.slug.trim() ||
          c.label
            .trim()
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, ''),
        label: c.label.trim(),
        kind: c.kind,
        ...(c.kind === 'CHOICE'
          ? {
              choices: c.choices
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            }
          : {}),
      })),
  };
}

/** The product form: text, price, pictures in order, variants with stock, specifications, visibility. */
export function ProductEditor({ product }: { product: Product | undefined }) {
  const user = useSignedInUser();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(product));
  const save = useSaveProduct(product?.productId);
  const remove = useDeleteProduct();
  const brands = useBrands();
  const categories = useCategories();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const list = pathname.replace(/\/(new|[0-9a-f-]{36})\/?$/, '');
  const { toast } = useToast();
  const problem = save.error ? toProblem(save.error) : null;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(inputFrom(draft), {
      onSuccess: (saved) => {
        toast({ title: product ? 'Product saved' : 'Product created', description: saved.name, tone: 'success' });
        if (!product) void navigate(`${list}/${saved.productId}`, { replace: true });
      },
    });
  }

  return (
    <>
      <p className="mb-6">
        <Link to={list} className="eyebrow text-stone hover:text-ink">
          ← All products
        </Link>
      </p>
      <PageTitle
        eyebrow={user.userType === 'ADMIN' ? 'The house office' : 'Partner area'}
        title={product ? product.name : 'New product'}
        lede={
          product ? (
            <Link to={`/products/${product.slug}`} className="link-underline text-ink">
              View on the boutique
            </Link>
          ) : (
            'It stays a draft until you publish it.'
          )
        }
      />
      <form onSubmit={submit} noValidate aria-label={product ? `Edit ${product.name}` : 'New product'}>
        {problem && (
          <FormAlert
            problem={problem}
            fields={['name', 'slug', 'brand', 'category', 'description', 'price.amount', 'price.currency', 'editionSize']}
            className="mb-10"
          />
        )}

        <SettingsSection title="The piece">
          <div className="grid gap-8 sm:grid-cols-2">
            <Field label="Name" error={problem?.field('name')}>
              {(p) => <Input {...p} value={draft.name} onChange={(e) => set('name', e.target.value)} required maxLength={160} />}
            </Field>
            <Field label="Address (slug)" hint="Made from the house and name when left empty." error={problem?.field('slug')}>
              {(p) => (
                <Input
                  {...p}
                  value={draft.slug}
                  onChange={(e) => set('slug', e.target.value.toLowerCase())}
                  placeholder="e.g. hermes-kelly-28"
                />
              )}
            </Field>
            <Field label="House" error={problem?.field('brand')}>
              {(p) => (
                <Select {...p} value={draft.brand} onChange={(e) => set('brand', e.target.value)} required>
                  <option value="">Choose a house</option>
                  {(brands.data ?? []).map((b) => (
                    <option key={b.slug} value={b.slug}>
                      {b.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Category" error={problem?.field('category')}>
              {(p) => (
                <Select {...p} value={draft.category} onChange={(e) => set('category', e.target.value)} required>
                  <option value="">Choose a category</option>
                  {flattenCategories(categories.data ?? []).map(({ category, depth }) => (
                    <option key={category.slug} value={category.slug}>
                      {'\u2002'.repeat(depth)}
                      {category.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Description" className="sm:col-span-2" error={problem?.field('description')}>
              {(p) => (
                <Textarea
                  {...p}
                  rows={6}
                  value={draft.description}
                  onChange={(e) => set('description', e.target.value)}
                  required
                  maxLength={8000}
                />
              )}
            </Field>
          </div>
        </SettingsSection>

        <SettingsSection title="Price and presentation">
          <div className="grid gap-8 sm:grid-cols-3">
            <Field label="Price" error={problem?.field('price.amount') ?? problem?.field('price')}>
              {(p) => (
                <Input
                  {...p}
                  inputMode="decimal"
                  value={draft.amount}
                  onChange={(e) => set('amount', e.target.value)}
                  placeholder="1250.00"
                />
              )}
            </Field>
            <Field label="Currency" error={problem?.field('price.currency')}>
              {(p) => (
                <Select {...p} value={draft.currency} onChange={(e) => set('currency', e.target.value)}>
                  {CURRENCY_CODES.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Check
              label="Price on request"
              hint="The price is kept but not shown."
              checked={draft.priceOnRequest}
              onChange={(v) => set('priceOnRequest', v)}
            />
            <Field label="Visibility" hint="Draft: only the house and administrators. VIP only: private clients.">
              {(p) => (
                <Select {...p} value={draft.visibility} onChange={(e) => set('visibility', e.target.value as Visibility)}>
                  {VISIBILITIES.map((v) => (
                    <option key={v.value} value={v.value}>
                      {v.label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="How it is acquired" hint={MODES.find((m) => m.value === draft.purchaseMode)?.hint}>
              {(p) => (
                <Select {...p} value={draft.purchaseMode} onChange={(e) => set('purchaseMode', e.target.value as PurchaseMode)}>
                  {MODES.map((m) => (
                    <option key={m.value} value={m.value}>
                      {m.label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <div className="space-y-4">
              <Check label="Limited edition" checked={draft.limitedEdition} onChange={(v) => set('limitedEdition', v)} />
              <Field label="Numbered pieces" error={problem?.field('editionSize')}>
                {(p) => (
                  <Input
                    {...p}
                    inputMode="numeric"
                    value={draft.editionSize}
                    onChange={(e) => set('editionSize', e.target.value.replace(/\D/g, ''))}
                    placeholder="e.g. 50"
                  />
                )}
              </Field>
            </div>
          </div>
        </SettingsSection>

        <ImagesSection images={draft.images} onChange={(images) => set('images', images)} problem={problem} />

        <SettingsSection
          title="Variants and stock"
          description="One line per size or colour, each with its own stock; the product's stock is their sum. Leave empty for a single piece."
        >
          <Rows
            items={draft.variants}
            onChange={(variants) => set('variants', variants)}
            make={() => ({ key: newKey(), sku: '', color: '', size: '', stock: '0' })}
            addLabel="Add a variant"
            noun="variant"
            render={(v, update, i) => (
              <div className="grid flex-1 gap-4 sm:grid-cols-4">
                <SmallInput
                  label="Colour"
                  value={v.color}
                  onChange={(x) => update({ ...v, color: x })}
                  error={problem?.field(`variants.${i}.color`)}
                />
                <SmallInput
                  label="Size"
                  value={v.size}
                  onChange={(x) => update({ ...v, size: x })}
                  error={problem?.field(`variants.${i}.size`)}
                />
                <SmallInput
                  label="SKU"
                  value={v.sku}
                  onChange={(x) => update({ ...v, sku: x })}
                  error={problem?.field(`variants.${i}.sku`)}
                  placeholder="Generated"
                />
                <SmallInput
                  label="Stock"
                  value={v.stock}
                  inputMode="numeric"
                  onChange={(x) => update({ ...v, stock: x.replace(/\D/g, '') })}
                  error={problem?.field(`variants.${i}.stock`)}
                />
              </div>
            )}
          />
        </SettingsSection>

        <SettingsSection title="Details" description="Shown on the product page; showcase pieces show the specification as a table.">
          <div className="grid gap-8 sm:grid-cols-3">
            {(['material', 'dimensions', 'weight', 'color', 'size'] as const).map((k) => (
              <Field
                key={k}
                label={
                  k === 'color'
                    ? 'Colour (without variants)'
                    : k === 'size'
                      ? 'Size (without variants)'
                      : k.charAt(0).toUpperCase() + k.slice(1)
                }
              >
                {(p) => <Input {...p} value={draft[k]} onChange={(e) => set(k, e.target.value)} />}
              </Field>
            ))}
          </div>
          <h3 className="eyebrow mt-12 mb-6 text-ink">Specification</h3>
          <Rows
            items={draft.specifications}
            onChange={(specifications) => set('specifications', specifications)}
            make={() => ({ key: newKey(), label: '', value: '', group: '' })}
            addLabel="Add a line"
            noun="line"
            render={(s, update, i) => (
              <div className="grid flex-1 gap-4 sm:grid-cols-3">
                <SmallInput
                  label="Label"
                  value={s.label}
                  onChange={(x) => update({ ...s, label: x })}
                  error={problem?.field(`specifications.${i}.label`)}
                  placeholder="Engine"
                />
                <SmallInput
                  label="Value"
                  value={s.value}
                  onChange={(x) => update({ ...s, value: x })}
                  error={problem?.field(`specifications.${i}.value`)}
                  placeholder="6.5 L V12"
                />
                <SmallInput label="Group" value={s.group} onChange={(x) => update({ ...s, group: x })} placeholder="Performance" />
              </div>
            )}
          />
          {draft.purchaseMode === 'BESPOKE' && (
            <>
              <h3 className="eyebrow mt-12 mb-6 text-ink">Commission options</h3>
              <Rows
                items={draft.customisations}
                onChange={(customisations) => set('customisations', customisations)}
                make={(): CustomDraft => ({ key: newKey(), slug: '', label: '', kind: 'TEXT', choices: '' })}
                addLabel="Add an option"
                noun="option"
                render={(c, update) => (
                  <div className="grid flex-1 gap-4 sm:grid-cols-3">
                    <SmallInput label="Label" value={c.label} onChange={(x) => update({ ...c, label: x })} placeholder="Monogram" />
                    <div>
                      <label className="block text-xs text-stone">
                        Kind
                        <Select
                          value={c.kind}
                          onChange={(e) => update({ ...c, kind: e.target.value as CustomDraft['kind'] })}
                          className="py-2 text-sm"
                        >
                          <option value="TEXT">Text</option>
                          <option value="CHOICE">Choice</option>
                          <option value="MEASUREMENTS">Measurements</option>
                        </Select>
                      </label>
                    </div>
                    {c.kind === 'CHOICE' && (
                      <SmallInput
                        label="Choices, comma-separated"
                        value={c.choices}
                        onChange={(x) => update({ ...c, choices: x })}
                        placeholder="Cashmere, Vicuña"
                      />
                    )}
                  </div>
                )}
              />
            </>
          )}
        </SettingsSection>

        <div className="sticky bottom-0 z-10 -mx-6 flex flex-wrap items-center justify-between gap-6 border-t border-line bg-ivory/95 px-6 py-5 backdrop-blur-sm sm:mx-0 sm:px-0">
          {product ? (
            <Button
              variant="ghost"
              className="text-danger! border-danger/40!"
              loading={remove.isPending}
              onClick={() => {
                if (!window.confirm(`Delete ${product.name}? This cannot be undone.`)) return;
                remove.mutate(product.productId, {
                  onSuccess: () => {
                    toast({ title: 'Product deleted', description: product.name });
                    void navigate(list, { replace: true });
                  },
                  onError: (error) => toast({ title: 'Not deleted', description: problemMessage(toProblem(error)), tone: 'error' }),
                });
              }}
            >
              Delete product
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={save.isPending} size="lg">
            {product ? 'Save changes' : 'Create product'}
          </Button>
        </div>
      </form>
    </>
  );
}

function Check({ label, hint, checked, onChange }: { label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex cursor-pointer items-start gap-3 pt-6 text-sm text-ink">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-0.5 size-4 accent-ink" />
      <span>
        {label}
        {hint && <span className="block text-stone">{hint}</span>}
      </span>
    </label>
  );
}

function SmallInput({
  label,
  value,
  onChange,
  error,
  placeholder,
  inputMode,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  placeholder?: string;
  inputMode?: 'numeric' | 'decimal';
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-xs text-stone">
        {label}
      </label>
      <Input
        id={id}
        value={value}
        inputMode={inputMode}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-e` : undefined}
        className="py-2 text-sm"
      />
      {error && (
        <p id={`${id}-e`} className="mt-1 text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

/** An ordered list of editable lines with add, remove and move up/down (keyboard-friendly ordering). */
function Rows<T extends { key: string }>({
  items,
  onChange,
  make,
  render,
  addLabel,
  noun,
}: {
  items: T[];
  onChange: (items: T[]) => void;
  make: () => T;
  render: (item: T, update: (next: T) => void, index: number) => ReactNode;
  addLabel: string;
  noun: string;
}) {
  const move = (from: number, to: number) => {
    const next = [...items];
    const [it] = next.splice(from, 1);
    next.splice(to, 0, it!);
    onChange(next);
  };
  return (
    <div>
      {items.length > 0 && (
        <ol className="divide-y divide-line border-y border-line">
          {items.map((item, i) => (
            <li key={item.key} className="flex flex-wrap items-end gap-4 py-4">
              {render(item, (next) => onChange(items.map((x) => (x.key === item.key ? next : x))), i)}
              <div className="flex gap-3">
                <RowButton label={`Move ${noun} ${i + 1} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                  ↑
                </RowButton>
                <RowButton label={`Move ${noun} ${i + 1} down`} disabled={i === items.length - 1} onClick={() => move(i, i + 1)}>
                  ↓
                </RowButton>
                <RowButton label={`Remove ${noun} ${i + 1}`} onClick={() => onChange(items.filter((x) => x.key !== item.key))}>
                  ×
                </RowButton>
              </div>
            </li>
          ))}
        </ol>
      )}
      {addLabel && (
        <Button variant="secondary" size="sm" className="mt-6" onClick={() => onChange([...items, make()])}>
          {addLabel}
        </Button>
      )}
    </div>
  );
}

function RowButton({
  label,
  onClick,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="flex size-9 items-center justify-center border border-line text-ink transition-colors hover:border-ink disabled:opacity-30"
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}

function ImagesSection({
  images,
  onChange,
  problem,
}: {
  images: ImageDraft[];
  onChange: (images: ImageDraft[]) => void;
  problem: ApiProblem | null;
}) {
  const upload = useUploadImage();
  const fileRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const { toast } = useToast();

  async function add(files: FileList | null) {
    if (!files) return;
    let next = images;
    for (const file of Array.from(files)) {
      try {
        const asset = await upload.mutateAsync(file);
        const picture: ProductPicture = {
          src: asset.url,
          alt: '',
          width: asset.width,
          height: asset.height,
          avif: asset.srcset.avif,
          webp: asset.srcset.webp,
          jpg: asset.srcset.jpg,
          placeholder: asset.placeholder,
        };
        next = [...next, { key: newKey(), mediaId: asset.mediaId, alt: '', preview: picture }];
        onChange(next);
      } catch (error) {
        toast({ title: `${file.name} was not added`, description: problemMessage(toProblem(error)), tone: 'error' });
      }
    }
    if (fileRef.current) fileRef.current.value = '';
  }

  return (
    <SettingsSection
      title="Pictures"
      description="The first picture is the one the boutique shows in grids. JPEG, PNG, WebP or AVIF up to 20 MB; the house re-encodes each one and removes its metadata."
    >
      {problem?.field('images') && <p className="mb-4 text-sm text-danger">{problem.field('images')}</p>}
      <Rows
        items={images}
        onChange={onChange}
        make={() => ({ key: newKey(), alt: '', preview: undefined })}
        addLabel=""
        noun="picture"
        render={(img, update, i) => (
          <div className="flex flex-1 items-end gap-5">
            <ProductImage picture={img.preview} alt="" sizes="64px" className="aspect-[4/5] w-16 shrink-0" />
            <div className="flex-1">
              <p className="eyebrow mb-2 text-[0.625rem] text-stone">{i === 0 ? 'Main picture' : `Picture ${i + 1}`}</p>
              <SmallInput
                label="Description for screen readers"
                value={img.alt}
                onChange={(alt) => update({ ...img, alt })}
                error={problem?.field(`images.${i}`)}
              />
            </div>
          </div>
        )}
      />
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <label
          htmlFor={inputId}
          className="eyebrow inline-flex h-9 cursor-pointer items-center border border-ink px-5 text-[0.625rem] text-ink transition-colors hover:bg-ink hover:text-ivory focus-within:outline-2 focus-within:outline-offset-3 focus-within:outline-focus"
        >
          {upload.isPending ? 'Uploading…' : 'Upload pictures'}
          <input
            id={inputId}
            ref={fileRef}
            type="file"
            accept="image/jpeg,image/png,image/webp,image/avif"
            multiple
            className="sr-only"
            onChange={(e) => void add(e.target.files)}
          />
        </label>
      </div>
    </SettingsSection>
  );
}
