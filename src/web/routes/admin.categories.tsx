import { useState, type FormEvent } from 'react';
import type { Route } from './+types/admin.categories';
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
import { useCreateCategory, useDeleteCategory, useUpdateCategory, type CategoryInput } from '../features/catalog/api/admin.ts';
import { flattenCategories, useCategories, type Category } from '../features/catalog/api/taxonomy.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Categories — The house office', description: 'The category tree of StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

function categoryInput(form: FormData): CategoryInput {
  const text = (k: string) => String(form.get(k) ?? '').trim();
  return {
    name: text('name'),
    ...(text('slug') ? { slug: text('slug') } : {}),
    description: text('description'),
    parent: text('parent') || null,
    ...(text('position') ? { position: Number(text('position')) } : {}),
    showcase: form.get('showcase') === 'on',
  };
}

/** The category tree: departments and their sub-departments, with the showcase ones marked. */
export default function AdminCategories() {
  const categories = useCategories();
  const create = useCreateCategory();
  const { toast } = useToast();
  const [formKey, setFormKey] = useState(0);
  const flat = flattenCategories(categories.data ?? []);
  return (
    <>
      <PageTitle eyebrow="The house office" title="Categories" lede="Departments and sub-departments. A category with products or children cannot be deleted." />
      <SettingsSection title="Add a category">
        <CategoryFields
          key={formKey}
          all={flat}
          problem={create.error ? toProblem(create.error) : null}
          pending={create.isPending}
          submitLabel="Add the category"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(categoryInput(new FormData(e.currentTarget)), {
              onSuccess: (c) => {
                toast({ title: 'Category added', description: c.name, tone: 'success' });
                setFormKey((k) => k + 1);
              },
            });
          }}
        />
      </SettingsSection>
      <SettingsSection title="The tree">
        {categories.isPending ? (
          <ListLoading />
        ) : categories.isError ? (
          <ListError error={categories.error} />
        ) : (
          <ul aria-label="Categories" className="divide-y divide-line border-y border-line">
            {flat.map(({ category, depth }) => (
              <CategoryRow key={category.categoryId} category={category} depth={depth} all={flat} />
            ))}
          </ul>
        )}
      </SettingsSection>
    </>
  );
}

type Flat = ReturnType<typeof flattenCategories>;

function CategoryFields({ category, all, onSubmit, problem, pending, submitLabel }: { category?: Category; all: Flat; onSubmit: (e: FormEvent<HTMLFormElement>) => void; problem: ApiProblem | null; pending: boolean; submitLabel: string }) {
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-8 sm:grid-cols-2">
      {problem && <FormAlert problem={problem} fields={['name', 'slug', 'parent', 'position', 'description']} className="sm:col-span-2" />}
      <Field label="Name" error={problem?.field('name')}>
        {(p) => <Input {...p} name="name" defaultValue={category?.name} required />}
      </Field>
      <Field label="Address (slug)" hint="Made from the name when left empty." error={problem?.field('slug')}>
        {(p) => <Input {...p} name="slug" defaultValue={category?.slug} />}
      </Field>
      <Field label="Parent" error={problem?.field('parent')}>
        {(p) => (
          <Select {...p} name="parent" defaultValue={category?.parent ?? ''}>
            <option value="">None (a department)</option>
            {all
              .filter(({ category: c }) => c.slug !== category?.slug)
              .map(({ category: c, depth }) => (
                <option key={c.slug} value={c.slug}>
                  {'\u2002'.repeat(depth)}
                  {c.name}
                </option>
              ))}
          </Select>
        )}
      </Field>
      <Field label="Position" hint="Lower comes first." error={problem?.field('position')}>
        {(p) => <Input {...p} name="position" inputMode="numeric" defaultValue={category?.position} />}
      </Field>
      <Field label="Description" className="sm:col-span-2" error={problem?.field('description')}>
        {(p) => <Textarea {...p} name="description" defaultValue={category?.description} rows={3} />}
      </Field>
      <label className="flex items-center gap-3 text-sm text-ink">
        <input type="checkbox" name="showcase" defaultChecked={category?.showcase} className="size-4 accent-ink" />
        Showcase (specification tables, private viewings)
      </label>
      <div className="sm:text-right">
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

function CategoryRow({ category, depth, all }: { category: Category; depth: number; all: Flat }) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateCategory();
  const remove = useDeleteCategory();
  const { toast } = useToast();
  return (
    <li className="py-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <p className="font-display text-lg text-ink" style={{ paddingLeft: `${depth * 1.5}rem` }}>
          {depth > 0 && <span aria-hidden="true" className="mr-2 text-stone">└</span>}
          {category.name} <span className="font-sans text-sm text-stone">{category.slug}</span> {category.showcase && <Badge tone="gold">Showcase</Badge>}
          {category.productCount !== undefined && <span className="ml-2 font-sans text-sm text-stone">· {category.productCount} products</span>}
        </p>
        <div className="flex gap-6">
          <button type="button" className="eyebrow text-ink underline-offset-4 hover:underline" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {editing ? 'Close' : 'Edit'} <span className="sr-only">{category.name}</span>
          </button>
          <button
            type="button"
            className="eyebrow text-danger underline-offset-4 hover:underline"
            onClick={() => {
              if (!window.confirm(`Delete ${category.name}?`)) return;
              remove.mutate(category.categoryId, {
                onSuccess: () => toast({ title: 'Category deleted', description: category.name }),
                onError: (error) => toast({ title: 'Not deleted', description: problemMessage(toProblem(error)), tone: 'error' }),
              });
            }}
          >
            Delete <span className="sr-only">{category.name}</span>
          </button>
        </div>
      </div>
      {editing && (
        <div className="mt-6 border-l-2 border-gold pl-6">
          <CategoryFields
            category={category}
            all={all}
            problem={update.error ? toProblem(update.error) : null}
            pending={update.isPending}
            submitLabel="Save"
            onSubmit={(e) => {
              e.preventDefault();
              update.mutate(
                { categoryId: category.categoryId, input: categoryInput(new FormData(e.currentTarget)) },
                {
                  onSuccess: () => {
                    toast({ title: 'Category saved', description: category.name, tone: 'success' });
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
