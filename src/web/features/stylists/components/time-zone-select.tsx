import { useMemo } from 'react';
import { Field } from '../../../components/ui/field.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { formatTime, zoneCity } from '../time.ts';

/** Every IANA zone the browser knows, by region, each with its clock now ("Europe / Paris — 15:00"). */
export function TimeZoneSelect({
  value,
  onChange,
  error,
  label = 'Time zone',
}: {
  value: string;
  onChange: (zone: string) => void;
  error?: string;
  label?: string;
}) {
  const zones = useMemo(() => {
    const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [value];
    const all = list.includes(value) ? list : [value, ...list];
    const now = new Date().toISOString();
    return all.map((z) => ({ zone: z, label: `${z.split('/')[0]} / ${zoneCity(z)} — ${formatTime(now, z)}` }));
  }, [value]);
  return (
    <Field label={label} error={error}>
      {(p) => (
        <Select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {zones.map((z) => (
            <option key={z.zone} value={z.zone}>
              {z.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
