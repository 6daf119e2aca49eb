import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Button } from '../../../../components/ui/button.tsx';
import { Field } from '../../../../components/ui/field.tsx';
import { Input } from '../../../../components/ui/input.tsx';
import { ListError, ListLoading } from '../../../../components/ui/list-state.tsx';
import { useToast } from '../../../../components/ui/toast.tsx';
import { problemMessage, toProblem } from '../../../../lib/api/problem.ts';
import { useSession } from '../../../auth/session.tsx';
import { useAdminProducts, useSetCollectionProducts } from '../../api/admin.ts';
import { getCollectionQueryOptions, type Collection } from '../../api/taxonomy.ts';
import { toPicture, type Product } from '../../present.ts';
import { ProductImage } from '../product-image.tsx';

/** A collection's pieces in order: reorder, remove, and add from a search of the catalogue. */
export function CollectionPieces({ collection, onDone }: { collection: Collection; onDone: () => void }) {
  const session = useSession();
  const current = useQuery(getCollectionQueryOptions(session.api, 'admin', collection.slug));
  return current.isPending ? (
    <ListLoading rows={3} />
  ) : current.isError ? (
    <ListError error={current.error} />
  ) : (
    <PiecesEditor collection={collection} initial={current.data.products} onDone={onDone} />
  );
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
              <button
                type="button"
                className="size-8 border border-line disabled:opacity-30"
                disabled={i === 0}
                aria-label={`Move ${p.name} up`}
                onClick={() => move(i, i - 1)}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                className="size-8 border border-line disabled:opacity-30"
                disabled={i === pieces.length - 1}
                aria-label={`Move ${p.name} down`}
                onClick={() => move(i, i + 1)}
              >
                <span aria-hidden="true">↓</span>
              </button>
              <button
                type="button"
                className="size-8 border border-line"
                aria-label={`Remove ${p.name}`}
                onClick={() => setPieces(pieces.filter((x) => x.productId !== p.productId))}
              >
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
        <Field label="Find a piece to add">
          {(p) => <Input {...p} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name" />}
        </Field>
        <ul className="mt-4 divide-y divide-line" aria-label="Pieces to add">
          {candidates.map((p) => (
            <li key={p.productId} className="flex items-center gap-4 py-3">
              <span className="flex-1 text-sm text-ink">
                {p.name} <span className="text-stone">· {p.brandName}</span>
              </span>
              <button
                type="button"
                className="eyebrow border-b border-ink/30 pb-0.5 text-ink hover:border-ink"
                onClick={() => setPieces([...pieces, p])}
              >
                Add <span className="sr-only">{p.name}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
