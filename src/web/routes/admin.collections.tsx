import type { Route } from './+types/admin.collections';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { Input } from '../components/ui/input.tsx';
import { Textarea } from '../components/ui/textarea.tsx';
import { Select } from '../components/ui/select.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import {
  useCreateCollection,
  useDeleteCollection,
  useUpdateCollection,
  type CollectionInput,
  type Visibility,
} from '../features/catalog/api/admin.ts';
import { useCollections, type Collection } from '../features/catalog/api/taxonomy.ts';
import { TaxonomyList, type FieldsProps, type RowPanel } from '../features/catalog/components/admin/taxonomy-list.tsx';
import { pageMeta } from '../lib/seo.ts';
import { VISIBILITIES } from '../features/catalog/components/admin/visibilities.ts';
import { CollectionPieces } from '../features/catalog/components/admin/collection-pieces.tsx';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Collections — The house office',
    description: 'The curated collections of StyleByZaga.',
    image: 'private-client-salon',
  }),
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
  return (
    <TaxonomyList
      title="Collections"
      lede="Edits composed by the stylists. A VIP-only collection is shown to everyone else with a lock and none of its pieces."
      addTitle="Compose a collection"
      addLabel="Create the collection"
      listTitle="All collections"
      listLabel="Collections"
      messages={{ added: 'Collection created', saved: 'Collection saved', deleted: 'Collection deleted' }}
      list={{ ...collections, items: collections.data ?? [] }}
      loadingRows={3}
      keyOf={(c) => c.collectionId}
      nameOf={(c) => c.name}
      summary={(collection) => (
        <div>
          <p className="font-display text-xl text-ink">
            {collection.name}{' '}
            {collection.visibility !== 'PUBLIC' && (
              <Badge tone={collection.visibility === 'VIP_ONLY' ? 'gold' : 'neutral'}>
                {collection.visibility === 'VIP_ONLY' ? 'VIP only' : 'Draft'}
              </Badge>
            )}
          </p>
          <p className="text-sm text-stone">
            /collections/{collection.slug} · {collection.productCount} pieces
          </p>
        </div>
      )}
      fields={CollectionFields}
      inputOf={collectionInput}
      useCreate={useCreateCollection}
      useUpdate={useUpdateCollection}
      updateOf={(c, input) => ({ collectionId: c.collectionId, input })}
      useDelete={useDeleteCollection}
      deleteOf={(c) => c.collectionId}
      confirmDelete={(c) => `Delete ${c.name}? Its pieces stay in the catalogue.`}
      panels={PANELS}
    />
  );
}

const PANELS: RowPanel<Collection>[] = [
  {
    id: 'pieces',
    label: (collection) => (
      <>
        Pieces <span className="sr-only">of {collection.name}</span>
      </>
    ),
    render: (collection, close) => <CollectionPieces collection={collection} onDone={close} />,
  },
];

function CollectionFields({ item: collection, onSubmit, problem, pending, submitLabel }: FieldsProps<Collection>) {
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
