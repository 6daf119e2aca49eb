import { formatMoney } from '../../../../shared/money.ts';
import { formatDuration } from '../time.ts';
import type { StylistService } from '../api/stylists.ts';
import { serviceKindLabel } from '../vocabulary.ts';

/** The sessions a stylist offers, as a menu: name and description on the left, duration and price on the right. */
export function ServicesList({
  services,
  onChoose,
}: {
  services: readonly StylistService[];
  onChoose?: (service: StylistService) => void;
}) {
  const offered = services.filter((s) => s.active);
  if (offered.length === 0) return <p className="text-stone">Sessions are arranged on request.</p>;
  return (
    <ul className="divide-y divide-line border-y border-line">
      {offered.map((s) => (
        <li key={s.serviceId} className="grid gap-3 py-6 sm:grid-cols-[1fr_auto] sm:gap-10">
          <div>
            <p className="eyebrow text-stone">{serviceKindLabel(s.kind)}</p>
            <h3 className="display mt-2 text-2xl text-ink">{s.name}</h3>
            {s.description && <p className="mt-2 max-w-xl text-sm leading-relaxed text-ink-soft">{s.description}</p>}
          </div>
          <div className="flex items-center gap-6 sm:flex-col sm:items-end sm:justify-center sm:gap-2">
            <p className="font-display text-2xl text-ink">{formatMoney(s.price, { compactWhole: true })}</p>
            <p className="text-sm text-stone">{formatDuration(s.durationMinutes)}</p>
            {onChoose && (
              <button
                type="button"
                onClick={() => onChoose(s)}
                className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink sm:mt-2"
                aria-label={`Request ${s.name}`}
              >
                Request
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
