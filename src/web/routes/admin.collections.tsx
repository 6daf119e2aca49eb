import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState, type FormEvent } from 'react';
import type { Route } from './+types/admin.collections';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { Input } from '../components/ui/input.tsx';
import { Textarea } from '../components/ui/textarea.tsx';
import { useToast } from '../components/ui/toast.tsx';
import { PageTitle, SettingsSection } from '../features/account/components/settings-section.tsx';
import { ListError, ListLoading } from '../features/admin/components/list-state.tsx';
import { Select } from '../features/admin/components/select.tsx';
import { FormAlert } from '../features/auth/components/form-alert.tsx';
import { problemMessage, toProblem, type ApiProblem } from '../features/auth/problem.ts';
import { useSession } from '../features/auth/session.tsx';
import { useAdminProducts, useCreateCollection, useDeleteCollection, useSetCollectionProducts, useUpdateCollection, type CollectionInput, type Visibility } from '../features/catalog/api/admin.ts';
import { getCollectionQueryOptions, useCollections, type Collection } from '../features/catalog/api/taxonomy.ts';
import { ProductImage } from '../features/catalog/components/product-image.tsx';
import { toPicture, type Product } from '../features/catalog/present.ts';
import { pageMeta } from '../lib/seo.ts';
import { VISIBILITIES } from './admin.products.tsx';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Collections — The house office', description: 'The curated collections of StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

function collectionInput(form: FormData): CollectionInput {
  const text = (k: string) => String(form.get(k) ?? '').trim();
  return {
    name: text('name'),
    ...(text('slug') ? { slug: text('slug') } : {}),
    tagline: text('tagline'),
    description: text('description'),
    visibility: text('visibility') as Visibility,
    ...(text('position') ? { position: Number(text('position')) } : {}),
  };
}

/** Curated collections ("The Cannes Edit"): their words, who may see them, and their pieces in order. */
export default function AdminCollections() {
  const collections = useCollections();
  const create = useCreateCollection();
  const { toast } = useToast();
  const [formKey, setFormKey] = useState(0);
  return (
    <>
      <PageTitle eyebrow="The house office" title="Collections" lede="Edits composed by the stylists. A VIP-only collection is shown to everyone else with a lock and none of its pieces." />
      <SettingsSection title="Compose a collection">
        <CollectionFields
          key={formKey}
          problem={create.error ? toProblem(create.error) : null}
          pending={create.isPending}
          submitLabel="Create the collection"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(collectionInput(new FormData(e.currentTarget)), {
              onSuccess: (c) => {
                toast({ title: 'Collection created', description: c.name, tone: 'success' });
                setFormKey((k) => k + 1);
              },
            });
          }}
        />
      </SettingsSection>
      <SettingsSection title="All collections">
        {collections.isPending ? (
          <ListLoading rows={3} />
        ) : collections.isError ? (
          <ListError error={collections.error} />
        ) : (
          <ul aria-label="Collections" className="divide-y divide-line border-y border-line">
            {collections.data.map((c) => (
              <CollectionRow key={c.collectionId} collection={c} />
            ))}
          </ul>
        )}
      </SettingsSection>
    </>
  );
}

function CollectionFields({ collection, onSubmit, problem, pending, submitLabel }: { collection?: Collection; onSubmit: (e: FormEvent<HTMLFormElement>) => void; problem: ApiProblem | null; pending: boolean; submitLabel: string }) {
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-8 sm:grid-cols-2">
      {problem && <FormAlert problem={problem} fields={['name', 'slug', 'tagline', 'description', 'position']} className="sm:col-span-2" />}
      <Field label="Name" error={problem?.field('name')}>
        {(p) => <Input {...p} name="name" defaultValue={collection?.name} required />}
      </Field>
      <Field label="Address (slug)" hint="Made from the name when left empty." error={problem?.field('slug')}>
        {(p) => <Input {...p} name="slug" defaultValue={collection?.slug} />}
      </Field>
      <Field label="Tagline" error={problem?.field('tagline')} className="sm:col-span-2">
        {(p) => <Input {...p} name="tagline" defaultValue={collection?.tagline} />}
      </Field>
      <Field label="Description" className="sm:col-span-2" error={problem?.field('description')}>
        {(p) => <Textarea {...p} name="description" defaultValue={collection?.description} rows={3} />}
      </Field>
      <Field label="Visibility">
        {(p) => (
          <Select {...p} name="visibility" defaultValue={collection?.visibility ?? 'DRAFT'}>
            {VISIBILITIES.map((v) => (
              <option key={v.value} value={v.value}>
                {v.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Position" hint="Lower comes first." error={problem?.field('position')}>
        {(p) => <Input {...p} name="position" inputMode="numeric" defaultValue={collection?.position} />}
      </Field>
      <div className="sm:col-span-2 sm:text-right">
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

function CollectionRow({ collection }: { collection: Collection }) {
  const [open, setOpen] = useState<'none' | 'edit' | 'pieces'>('none');
  const update = useUpdateCollection();
  const remove = useDeleteCollection();
  const { toast } = useToast();
  return (
    <li className="py-5">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <p className="font-display text-xl text-ink">
            {collection.name} {collection.visibility !== 'PUBLIC' && <Badge tone={collection.visibility === 'VIP_ONLY' ? 'gold' : 'neutral'}>{collection.visibility === 'VIP_ONLY' ? 'VIP only' : 'Draft'}</Badge>}
          </p>
          <p className="text-sm text-stone">
            /collections/{collection.slug} · {collection.productCount} pieces
          </p>
        </div>
        <div className="flex gap-6">
          <button type="button" className="eyebrow text-ink underline-offset-4 hover:underline" aria-expanded={open === 'edit'} onClick={() => setOpen(open === 'edit' ? 'none' : 'edit')}>
            Edit <span className="sr-only">{collection.name}</span>
          </button>
          <button type="button" className="eyebrow text-ink underline-offset-4 hover:underline" aria-expanded={open === 'pieces'} onClick={() => setOpen(open === 'pieces' ? 'none' : 'pieces')}>
            Pieces <span className="sr-only">of {collection.name}</span>
          </button>
          <button
            type="button"
            className="eyebrow text-danger underline-offset-4 hover:underline"
            onClick={() => {
              if (!window.confirm(`Delete ${collection.name}? Its pieces stay in the catalogue.`)) return;
              remove.mutate(collection.collectionId, {
                onSuccess: () => toast({ title: 'Collection deleted', description: collection.name }),
                onError: (error) => toast({ title: 'Not deleted', description: problemMessage(toProblem(error)), tone: 'error' }),
              });
            }}
          >
            Delete <span className="sr-only">{collection.name}</span>
          </button>
        </div>
      </div>
      {open === 'edit' && (
        <div className="mt-6 border-l-2 border-gold pl-6">
          <CollectionFields
            collection={collection}
            problem={update.error ? toProblem(update.error) : null}
            pending={update.isPending}
            submitLabel="Save"
            onSubmit={(e) => {
              e.preventDefault();
              update.mutate(
                { collectionId: collection.collectionId, input: collectionInput(new FormData(e.currentTarget)) },
                {
                  onSuccess: () => {
                    toast({ title: 'Collection saved', description: collection.name, tone: 'success' });
                    setOpen('none');
                  },
                },
              );
            }}
          />
        </div>
      )}
      {open === 'pieces' && <CollectionPieces collection={collection} onDone={() => setOpen('none')} />}
    </li>
  );
}

function CollectionPieces({ collection, onDone }: { collection: Collection; onDone: () => void }) {
  const session = useSession();
  const current = useQuery(getCollectionQueryOptions(session.api, 'admin', collection.slug));
  return current.isPending ? <ListLoading rows={3} /> : current.isError ? <ListError error={current.error} /> : <PiecesEditor collection={collection} initial={current.data.products} onDone={onDone} />;
}

function PiecesEditor({ collection, initial, onDone }: { collection: Collection; initial: Product[]; onDone: () => void }) {
  const [pieces, setPieces] = useState<Product[]>(initial);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const found = useAdminProducts(deferred ? { query: deferred } : {});
  const save = useSetCollectionProducts();
  const { toast } = useToast();
  const candidates = (found.data?.pages[0]?.products ?? []).filter((p) => !pieces.some((x) => x.productId === p.productId)).slice(0, 6);
  const move = (from: number, to: number) => {
    const next = [...pieces];
    const [it] = next.splice(from, 1);
    next.splice(to, 0, it!);
    setPieces(next);
  };
  return (
    <div className="mt-6 grid gap-10 border-l-2 border-gold pl-6 lg:grid-cols-2">
      <div>
        <h3 className="eyebrow mb-4 text-ink">In the collection, in order</h3>
        {pieces.length === 0 && <p className="text-sm text-stone">No pieces yet.</p>}
        <ol className="divide-y divide-line">
          {pieces.map((p, i) => (
            <li key={p.productId} className="flex items-center gap-4 py-3">
              <ProductImage picture={toPicture(p.images[0], '')} alt="" sizes="40px" className="aspect-[4/5] w-10 shrink-0" />
              <span className="flex-1 text-sm text-ink">
                {p.name} <span className="text-stone">· {p.brandName}</span>
              </span>
              <button type="button" className="size-8 border border-line disabled:opacity-30" disabled={i === 0} aria-label={`Move ${p.name} up`} onClick={() => move(i, i - 1)}>
                <span aria-hidden="true">↑</span>
              </button>
              <button type="button" className="size-8 border border-line disabled:opacity-30" disabled={i === pieces.length - 1} aria-label={`Move ${p.name} down`} onClick={() => move(i, i + 1)}>
                <span aria-hidden="true">↓</span>
              </button>
              <button type="button" className="size-8 border border-line" aria-label={`Remove ${p.name}`} onClick={() => setPieces(pieces.filter((x) => x.productId !== p.productId))}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ol>
        <div className="mt-6 flex gap-4">
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { collectionId: collection.collectionId, productIds: pieces.map((p) => p.productId) },
                {
                  onSuccess: () => {
                    toast({ title: 'Pieces saved', description: collection.name, tone: 'success' });
                    onDone();
                  },
                  onError: (error) => toast({ title: 'Not saved', description: problemMessage(toProblem(error)), tone: 'error' }),
                },
              )
            }
          >
            Save the pieces
          </Button>
        </div>
      </div>
      <div>
        <Field label="Find a piece to add">{(p) => <Input {...p} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name" />}</Field>
        <ul className="mt-4 divide-y divide-line" aria-label="Pieces to add">
          {candidates.map((p) => (
            <li key={p.productId} className="flex items-center gap-4 py-3">
              <span className="flex-1 text-sm text-ink">
                {p.name} <span className="text-stone">· {p.brandName}</span>
              </span>
              <button type="button" className="eyebrow border-b border-ink/30 pb-0.5 text-ink hover:border-ink" onClick={() => setPieces([...pieces, p])}>
                Add <span className="sr-only">{p.name}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
