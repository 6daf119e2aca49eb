import { useParams } from 'react-router';
import type { Route } from './+types/admin.product-edit';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { useAdminProduct } from '../features/catalog/api/admin.ts';
import { ProductEditor } from '../features/catalog/components/admin/product-editor.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Product — The house office', description: 'Create or edit a product.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

/** Create (no id in the address) or edit a product: text, price, pictures in order, variants with stock, specifications, visibility. */
export default function AdminProductEdit() {
  const { productId } = useParams();
  const product = useAdminProduct(productId);
  if (productId && product.isPending) return <ListLoading rows={8} />;
  if (productId && product.isError) return <ListError error={product.error} />;
  return <ProductEditor key={product.data?.updatedAt ?? productId ?? 'new'} product={product.data} />;
}
