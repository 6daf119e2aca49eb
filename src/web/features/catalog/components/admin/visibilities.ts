import type { Visibility } from '../../api/admin.ts';

/** Who may see a product or a collection, in the words the house office uses. */
export const VISIBILITIES: { value: Visibility; label: string }[] = [
  { value: 'PUBLIC', label: 'Public' },
  { value: 'VIP_ONLY', label: 'VIP only' },
  { value: 'DRAFT', label: 'Draft' },
];
