import { useState, type FormEvent } from 'react';
import type { Route } from './+types/admin.brands';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { Input } from '../components/ui/input.tsx';
import { Textarea } from '../components/ui/textarea.tsx';
import { useToast } from '../components/ui/toast.tsx';
import { PageTitle, SettingsSection } from '../features/account/components/settings-section.tsx';
import { ListError, ListLoading } from '../features/admin/components/list-state.tsx';
import { FormAlert } from '../features/auth/components/form-alert.tsx';
import { problemMessage, toProblem } from '../features/auth/problem.ts';
import { useCreateBrand, useDeleteBrand, useUpdateBrand, type BrandInput } from '../features/catalog/api/admin.ts';
import { useBrands, type Brand } from '../features/catalog/api/taxonomy.ts';
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
  const create = useCreateBrand();
  const { toast } = useToast();
  const problem = create.error ? toProblem(create.error) : null;
  const [formKey, setFormKey] = useState(0);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(brandInput(new FormData(event.currentTarget)), {
      onSuccess: (brand) => {
        toast({ title: 'House added', description: brand.name, tone: 'success' });
        setFormKey((k) => k + 1);
      },
    });
  }

  return (
    <>
      <PageTitle eyebrow="The house office" title="Houses" lede="The brands the boutique carries. A house with products cannot be deleted." />
      <SettingsSection title="Add a house">
        <BrandFields key={formKey} onSubmit={submit} problem={problem} pending={create.isPending} submitLabel="Add the house" />
      </SettingsSection>
      <SettingsSection title="All houses">
        {brands.isPending ? (
          <ListLoading />
        ) : brands.isError ? (
          <ListError error={brands.error} />
        ) : (
          <ul aria-label="Houses" className="divide-y divide-line border-y border-line">
            {brands.data.map((b) => (
              <BrandRow key={b.brandId} brand={b} />
            ))}
          </ul>
        )}
      </SettingsSection>
    </>
  );
}

function BrandFields({ brand, onSubmit, problem, pending, submitLabel }: { brand?: Brand; onSubmit: (e: FormEvent<HTMLFormElement>) => void; problem: ReturnType<typeof toProblem> | null; pending: boolean; submitLabel: string }) {
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-8 sm:grid-cols-2">
      {problem && <FormAlert problem={problem} fields={['name', 'slug', 'country', 'foundedYear', 'description']} className="sm:col-span-2" />}
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

function BrandRow({ brand }: { brand: Brand }) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateBrand();
  const remove = useDeleteBrand();
  const { toast } = useToast();
  const problem = update.error ? toProblem(update.error) : null;
  return (
    <li className="py-5">
      <div className="flex flex-wrap items-center justify-between gap-4">
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
        <div className="flex gap-6">
          <button type="button" className="eyebrow text-ink underline-offset-4 hover:underline" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {editing ? 'Close' : 'Edit'} <span className="sr-only">{brand.name}</span>
          </button>
          <button
            type="button"
            className="eyebrow text-danger underline-offset-4 hover:underline"
            onClick={() => {
              if (!window.confirm(`Delete ${brand.name}?`)) return;
              remove.mutate(brand.brandId, {
                onSuccess: () => toast({ title: 'House deleted', description: brand.name }),
                onError: (error) => toast({ title: 'Not deleted', description: problemMessage(toProblem(error)), tone: 'error' }),
              });
            }}
          >
            Delete <span className="sr-only">{brand.name}</span>
          </button>
        </div>
      </div>
      {editing && (
        <div className="mt-6 border-l-2 border-gold pl-6">
          <BrandFields
            brand={brand}
            problem={problem}
            pending={update.isPending}
            submitLabel="Save"
            onSubmit={(e) => {
              e.preventDefault();
              update.mutate(
                { brandId: brand.brandId, input: brandInput(new FormData(e.currentTarget)) },
                {
                  onSuccess: () => {
                    toast({ title: 'House saved', description: brand.name, tone: 'success' });
                    setEditing(false);
                  },
                },
              );
            }}
          />
        </div>
      )}
    </li>
  );
}
