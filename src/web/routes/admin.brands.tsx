import type { Route } from './+types/admin.brands';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { Input } from '../components/ui/input.tsx';
import { Textarea } from '../components/ui/textarea.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { useCreateBrand, useDeleteBrand, useUpdateBrand, type BrandInput } from '../features/catalog/api/admin.ts';
import { useBrands, type Brand } from '../features/catalog/api/taxonomy.ts';
import { TaxonomyList, type FieldsProps } from '../features/catalog/components/admin/taxonomy-list.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Houses — The house office', description: 'The brands of StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

function brandInput(form: FormData): BrandInput {
  const text = (k: string) => String(form.get(k) ?? '').trim();
  const year = text('foundedYear');
  return {
    name: text('name'),
    ...(text('slug') ? { slug: text('slug') } : {}),
    description: text('description'),
    ...(text('country') ? { country: text('country').toUpperCase() } : {}),
    ...(year ? { foundedYear: Number(year) } : {}),
    isPartner: form.get('isPartner') === 'on',
  };
}

/** The houses: partner houses have partner accounts and an inquiry inbox. */
export default function AdminBrands() {
  const brands = useBrands();
  return (
    <TaxonomyList
      title="Houses"
      lede="The brands the boutique carries. A house with products cannot be deleted."
      addTitle="Add a house"
      addLabel="Add the house"
      listTitle="All houses"
      listLabel="Houses"
      messages={{ added: 'House added', saved: 'House saved', deleted: 'House deleted' }}
      list={{ ...brands, items: brands.data ?? [] }}
      keyOf={(b) => b.brandId}
      nameOf={(b) => b.name}
      summary={(brand) => (
        <div>
          <p className="font-display text-xl text-ink">
            {brand.name} {brand.isPartner && <Badge tone="gold">Partner</Badge>}
          </p>
          <p className="text-sm text-stone">
            {brand.slug}
            {brand.country ? ` · ${brand.country}` : ''}
            {brand.foundedYear ? ` · since ${brand.foundedYear}` : ''}
          </p>
        </div>
      )}
      fields={BrandFields}
      inputOf={brandInput}
      useCreate={useCreateBrand}
      useUpdate={useUpdateBrand}
      updateOf={(b, input) => ({ brandId: b.brandId, input })}
      useDelete={useDeleteBrand}
      deleteOf={(b) => b.brandId}
      editTogglesLabel
    />
  );
}

function BrandFields({ item: brand, onSubmit, problem, pending, submitLabel }: FieldsProps<Brand>) {
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-8 sm:grid-cols-2">
      {problem && (
        <FormAlert problem={problem} fields={['name', 'slug', 'country', 'foundedYear', 'description']} className="sm:col-span-2" />
      )}
      <Field label="Name" error={problem?.field('name')}>
        {(p) => <Input {...p} name="name" defaultValue={brand?.name} required />}
      </Field>
      <Field label="Address (slug)" hint="Made from the name when left empty." error={problem?.field('slug')}>
        {(p) => <Input {...p} name="slug" defaultValue={brand?.slug} />}
      </Field>
      <Field label="Country (ISO code)" error={problem?.field('country')}>
        {(p) => <Input {...p} name="country" defaultValue={brand?.country} maxLength={2} placeholder="FR" />}
      </Field>
      <Field label="Founded" error={problem?.field('foundedYear')}>
        {(p) => <Input {...p} name="foundedYear" inputMode="numeric" defaultValue={brand?.foundedYear} placeholder="1837" />}
      </Field>
      <Field label="Description" className="sm:col-span-2" error={problem?.field('description')}>
        {(p) => <Textarea {...p} name="description" defaultValue={brand?.description} rows={3} />}
      </Field>
      <label className="flex items-center gap-3 text-sm text-ink">
        <input type="checkbox" name="isPartner" defaultChecked={brand?.isPartner} className="size-4 accent-ink" />
        Partner house (has partner accounts and an inquiry inbox)
      </label>
      <div className="sm:text-right">
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
