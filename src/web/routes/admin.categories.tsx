import type { Route } from './+types/admin.categories';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { Input } from '../components/ui/input.tsx';
import { Textarea } from '../components/ui/textarea.tsx';
import { Select } from '../components/ui/select.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { useCreateCategory, useDeleteCategory, useUpdateCategory, type CategoryInput } from '../features/catalog/api/admin.ts';
import { flattenCategories, useCategories } from '../features/catalog/api/taxonomy.ts';
import { TaxonomyList, type FieldsProps } from '../features/catalog/components/admin/taxonomy-list.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Categories — The house office',
    description: 'The category tree of StyleByZaga.',
    image: 'private-client-salon',
  }),
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
  const flat = flattenCategories(categories.data ?? []);
  return (
    <TaxonomyList
      title="Categories"
      lede="Departments and sub-departments. A category with products or children cannot be deleted."
      addTitle="Add a category"
      addLabel="Add the category"
      listTitle="The tree"
      listLabel="Categories"
      messages={{ added: 'Category added', saved: 'Category saved', deleted: 'Category deleted' }}
      list={{ ...categories, items: flat }}
      rowClassName="py-4"
      keyOf={({ category }) => category.categoryId}
      nameOf={({ category }) => category.name}
      summary={({ category, depth }) => (
        <p className="font-display text-lg text-ink" style={{ paddingLeft: `${depth * 1.5}rem` }}>
          {depth > 0 && (
            <span aria-hidden="true" className="mr-2 text-stone">
              └
            </span>
          )}
          {category.name} <span className="font-sans text-sm text-stone">{category.slug}</span>{' '}
          {category.showcase && <Badge tone="gold">Showcase</Badge>}
          {category.productCount !== undefined && (
            <span className="ml-2 font-sans text-sm text-stone">· {category.productCount} products</span>
          )}
        </p>
      )}
      fields={(props) => <CategoryFields {...props} all={flat} />}
      inputOf={categoryInput}
      useCreate={useCreateCategory}
      useUpdate={useUpdateCategory}
      updateOf={({ category }, input) => ({ categoryId: category.categoryId, input })}
      useDelete={useDeleteCategory}
      deleteOf={({ category }) => category.categoryId}
      editTogglesLabel
    />
  );
}

type Flat = ReturnType<typeof flattenCategories>;
type FlatCategory = Flat[number];

function CategoryFields({ item, all, onSubmit, problem, pending, submitLabel }: FieldsProps<FlatCategory> & { all: Flat }) {
  const category = item?.category;
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
