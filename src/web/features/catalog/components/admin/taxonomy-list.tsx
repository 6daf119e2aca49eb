import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { ListError, ListLoading } from '../../../../components/ui/list-state.tsx';
import { useToast } from '../../../../components/ui/toast.tsx';
import { problemMessage, toProblem, type ApiProblem } from '../../../../lib/api/problem.ts';
import { PageTitle, SettingsSection } from '../../../account/components/settings-section.tsx';

type MutateOptions<R> = { onSuccess?: (result: R) => void; onError?: (error: unknown) => void };

/** The part of a TanStack mutation the list uses (a `useMutation` result fits it as is). */
export type ListMutation<V, R = unknown> = {
  mutate: (variables: V, options?: MutateOptions<R>) => void;
  isPending: boolean;
  error: unknown;
};

/** What a form of the taxonomy draws; the list supplies the problem, the pending state and the submit. */
export type FieldsProps<T> = {
  item?: T;
  problem: ApiProblem | null;
  pending: boolean;
  submitLabel: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

/** A panel opened from a row beside "Edit" (a collection's pieces). */
export type RowPanel<T> = { id: string; label: (item: T) => ReactNode; render: (item: T, close: () => void) => ReactNode };

export type TaxonomyListProps<T, I, U, D> = {
  title: string;
  lede: string;
  addTitle: string;
  addLabel: string;
  listTitle: string;
  /** The accessible name of the list (`Houses`). */
  listLabel: string;
  /** Toast titles: `House added`, `House saved`, `House deleted`. */
  messages: { added: string; saved: string; deleted: string };
  list: { isPending: boolean; isError: boolean; error: unknown; items: readonly T[] };
  loadingRows?: number;
  keyOf: (item: T) => string;
  nameOf: (item: T) => string;
  summary: (item: T) => ReactNode;
  /** Draws the form (called, not mounted, so a page may close over its own data such as the category tree). */
  fields: (props: FieldsProps<T>) => ReactNode;
  /** Reads the form into the API's input. */
  inputOf: (form: FormData) => I;
  useCreate: () => ListMutation<I, { name: string }>;
  useUpdate: () => ListMutation<U>;
  updateOf: (item: T, input: I) => U;
  useDelete: () => ListMutation<D>;
  deleteOf: (item: T) => D;
  confirmDelete?: (item: T) => string;
  panels?: readonly RowPanel<T>[];
  /** Whether the Edit button reads "Close" while its form is open. */
  editTogglesLabel?: boolean;
  rowClassName?: string;
};

/**
 * One admin page for a catalogue taxonomy (houses, categories, collections): the add form, the list with its
 * loading and error states, and per row an edit form, a delete with confirmation and any extra panels.
 * The pages only say what differs: their words, their fields and how a row is summarised.
 */
export function TaxonomyList<T, I, U, D>(props: TaxonomyListProps<T, I, U, D>) {
  const create = props.useCreate();
  const { toast } = useToast();
  const [formKey, setFormKey] = useState(0);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(props.inputOf(new FormData(event.currentTarget)), {
      onSuccess: (created) => {
        toast({ title: props.messages.added, description: created.name, tone: 'success' });
        // A new key mounts a fresh, empty form.
        setFormKey((k) => k + 1);
      },
    });
  }

  return (
    <>
      <PageTitle eyebrow="The house office" title={props.title} lede={props.lede} />
      <SettingsSection title={props.addTitle}>
        <Fragment key={formKey}>
          {props.fields({
            problem: create.error ? toProblem(create.error) : null,
            pending: create.isPending,
            submitLabel: props.addLabel,
            onSubmit: submit,
          })}
        </Fragment>
      </SettingsSection>
      <SettingsSection title={props.listTitle}>
        {props.list.isPending ? (
          <ListLoading rows={props.loadingRows} />
        ) : props.list.isError ? (
          <ListError error={props.list.error} />
        ) : (
          <ul aria-label={props.listLabel} className="divide-y divide-line border-y border-line">
            {props.list.items.map((item) => (
              <TaxonomyRow key={props.keyOf(item)} item={item} list={props} />
            ))}
          </ul>
        )}
      </SettingsSection>
    </>
  );
}

function TaxonomyRow<T, I, U, D>({ item, list }: { item: T; list: TaxonomyListProps<T, I, U, D> }) {
  const [open, setOpen] = useState<string>('none');
  const update = list.useUpdate();
  const remove = list.useDelete();
  const { toast } = useToast();
  const name = list.nameOf(item);
  const toggle = (id: string) => setOpen(open === id ? 'none' : id);
  const linkClass = 'eyebrow text-ink underline-offset-4 hover:underline';

  return (
    <li className={list.rowClassName ?? 'py-5'}>
      <div className="flex flex-wrap items-center justify-between gap-4">
        {list.summary(item)}
        <div className="flex gap-6">
          <button type="button" className={linkClass} aria-expanded={open === 'edit'} onClick={() => toggle('edit')}>
            {list.editTogglesLabel && open === 'edit' ? 'Close' : 'Edit'} <span className="sr-only">{name}</span>
          </button>
          {list.panels?.map((panel) => (
            <button key={panel.id} type="button" className={linkClass} aria-expanded={open === panel.id} onClick={() => toggle(panel.id)}>
              {panel.label(item)}
            </button>
          ))}
          <button
            type="button"
            className="eyebrow text-danger underline-offset-4 hover:underline"
            onClick={() => {
              if (!window.confirm(list.confirmDelete?.(item) ?? `Delete ${name}?`)) return;
              remove.mutate(list.deleteOf(item), {
                onSuccess: () => toast({ title: list.messages.deleted, description: name }),
                onError: (error) => toast({ title: 'Not deleted', description: problemMessage(toProblem(error)), tone: 'error' }),
              });
            }}
          >
            Delete <span className="sr-only">{name}</span>
          </button>
        </div>
      </div>
      {open === 'edit' && (
        <div className="mt-6 border-l-2 border-gold pl-6">
          {list.fields({
            item,
            problem: update.error ? toProblem(update.error) : null,
            pending: update.isPending,
            submitLabel: 'Save',
            onSubmit: (e) => {
              e.preventDefault();
              update.mutate(list.updateOf(item, list.inputOf(new FormData(e.currentTarget))), {
                onSuccess: () => {
                  toast({ title: list.messages.saved, description: name, tone: 'success' });
                  setOpen('none');
                },
              });
            },
          })}
        </div>
      )}
      {list.panels?.map((panel) => open === panel.id && <Fragment key={panel.id}>{panel.render(item, () => setOpen('none'))}</Fragment>)}
    </li>
  );
}
