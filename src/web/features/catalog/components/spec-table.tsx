import { cn } from '../../../lib/cn.ts';

export type SpecRow = { label: string; value: string };

/** The specification of a showcase piece (a car's engine, a residence's rooms, a jet's range), as a quiet two-column ledger. */
export function SpecTable({
  rows,
  caption,
  className,
  tone = 'light',
}: {
  rows: SpecRow[];
  caption: string;
  className?: string;
  tone?: 'light' | 'dark';
}) {
  if (rows.length === 0) return null;
  const dark = tone === 'dark';
  return (
    <table className={cn('w-full border-collapse text-left', className)}>
      <caption className={cn('eyebrow mb-6 text-left', dark ? 'text-gold-light' : 'text-gold-deep')}>{caption}</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className={cn('border-t', dark ? 'border-ivory/15' : 'border-line')}>
            <th scope="row" className={cn('eyebrow w-2/5 py-4 pr-6 align-top font-medium', dark ? 'text-ivory/70' : 'text-stone')}>
              {row.label}
            </th>
            <td className={cn('py-4 font-display text-xl', dark ? 'text-ivory' : 'text-ink')}>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "topSpeedKmh" → "Top speed kmh"; "0-100" stays. */
export function humanLabel(key: string): string {
  const spaced = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

/** Rows from an attributes document: strings and numbers as they are, lists joined, nested objects left out. */
export function specRowsFrom(document: unknown, skip: readonly string[] = []): SpecRow[] {
  if (!document || typeof document !== 'object' || Array.isArray(document)) return [];
  const rows: SpecRow[] = [];
  for (const [key, value] of Object.entries(document as Record<string, unknown>)) {
    if (skip.includes(key)) continue;
    if (typeof value === 'string' && value.trim()) rows.push({ label: humanLabel(key), value });
    else if (typeof value === 'number' && Number.isFinite(value))
      rows.push({ label: humanLabel(key), value: value.toLocaleString('en-GB') });
    else if (typeof value === 'boolean') rows.push({ label: humanLabel(key), value: value ? 'Yes' : 'No' });
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
      rows.push({ label: humanLabel(key), value: value.join(', ') });
  }
  return rows;
}
