import { useId, useState } from 'react';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { InquiryForm } from './inquiry-form.tsx';

export type CustomisationOption = {
  key: string;
  label: string;
  kind: 'TEXT' | 'CHOICE' | 'MEASUREMENTS';
  choices?: string[];
  maxLength?: number;
};

const MEASUREMENTS = ['Chest', 'Waist', 'Hips', 'Inside leg', 'Sleeve'] as const;

/**
 * A made-to-order commission: the piece's own options (monogram, fabric, measurements), then the request to the
 * atelier. The choices travel with the request so the adviser replies with a quote for exactly this piece.
 */
export function BespokeForm({
  productId,
  productName,
  options,
}: {
  productId: string;
  productName: string;
  options: CustomisationOption[];
}) {
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>({});
  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const preface = options.flatMap((o) => {
    if (o.kind === 'MEASUREMENTS') {
      const parts = MEASUREMENTS.map((m) => (values[`${o.key}.${m}`] ? `${m} ${values[`${o.key}.${m}`]} cm` : '')).filter(Boolean);
      return parts.length ? [`${o.label}: ${parts.join(', ')}`] : [];
    }
    return values[o.key] ? [`${o.label}: ${values[o.key]}`] : [];
  });

  return (
    <div className="space-y-10">
      {options.length > 0 && (
        <fieldset className="space-y-8">
          <legend className="eyebrow text-gold-deep">Your commission</legend>
          {options.map((o) =>
            o.kind === 'CHOICE' ? (
              <Field key={o.key} label={o.label}>
                {(p) => (
                  <Select {...p} value={values[o.key] ?? ''} onChange={(e) => set(o.key, e.target.value)}>
                    <option value="">To discuss with the atelier</option>
                    {(o.choices ?? []).map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            ) : o.kind === 'TEXT' ? (
              <Field key={o.key} label={o.label} hint={o.maxLength ? `Up to ${o.maxLength} characters` : undefined}>
                {(p) => (
                  <Input {...p} value={values[o.key] ?? ''} maxLength={o.maxLength ?? 120} onChange={(e) => set(o.key, e.target.value)} />
                )}
              </Field>
            ) : (
              <fieldset key={o.key}>
                <legend className="eyebrow text-ink-soft">{o.label} (cm, optional)</legend>
                <div className="mt-3 grid grid-cols-2 gap-6 sm:grid-cols-3">
                  {MEASUREMENTS.map((m) => (
                    <div key={m}>
                      <label htmlFor={`${id}-${o.key}-${m}`} className="block text-xs text-stone">
                        {m}
                      </label>
                      <input
                        id={`${id}-${o.key}-${m}`}
                        inputMode="decimal"
                        value={values[`${o.key}.${m}`] ?? ''}
                        onChange={(e) => set(`${o.key}.${m}`, e.target.value.replace(/[^\d.]/g, '').slice(0, 5))}
                        className="mt-1 w-full border-0 border-b border-stone/60 bg-transparent py-2 text-ink hover:border-ink focus:border-ink"
                      />
                    </div>
                  ))}
                </div>
              </fieldset>
            ),
          )}
        </fieldset>
      )}
      <InquiryForm
        productId={productId}
        productName={productName}
        intent="bespoke"
        preface={preface}
        submitLabel="Request this commission"
      />
    </div>
  );
}
