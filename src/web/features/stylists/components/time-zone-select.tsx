import { useId, useMemo, useState } from 'react';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { findZoneCity, zoneCitiesByRegion, zoneCity } from '../../../../shared/zone-cities.ts';
import { formatTime } from '../time.ts';

/**
 * The clock a stylist keeps, chosen as a city: a search box narrows the cities, grouped by region, each with its time
 * now ("Milan — 15:00"). The value stays the zone (what availability is computed in); `city` only says which of the
 * zone's cities to show as chosen (a Florence stylist sees Florence, not Milan).
 */
export function TimeZoneSelect({
  value,
  city,
  onChange,
  error,
  label = 'Time zone',
}: {
  value: string;
  city?: string | null;
  onChange: (zone: string) => void;
  error?: string;
  label?: string;
}) {
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const searchId = useId();
  const [now] = useState(() => new Date().toISOString());
  const current = findZoneCity(value, picked ?? city);
  const currentKey = current ? key(current.zone, current.city) : key(value, zoneCity(value));
  const groups = useMemo(() => zoneCitiesByRegion(query), [query]);
  const listed = groups.some((g) => g.cities.some((c) => key(c.zone, c.city) === currentKey));
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={searchId} className="sr-only">
          Search the cities
        </label>
        <Input
          id={searchId}
          type="search"
          placeholder="Find a city"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
      </div>
      <Field label={label} error={error}>
        {(p) => (
          <Select
            {...p}
            value={currentKey}
            onChange={(e) => {
              const [zone, chosenCity] = e.target.value.split('|');
              setPicked(chosenCity ?? null);
              onChange(zone!);
            }}
          >
            {!listed && <option value={currentKey}>{`${current?.city ?? zoneCity(value)} — ${formatTime(now, value)}`}</option>}
            {groups.map((g) => (
              <optgroup key={g.region} label={g.region}>
                {g.cities.map((c) => (
                  <option key={key(c.zone, c.city)} value={key(c.zone, c.city)}>
                    {`${c.city} — ${formatTime(now, c.zone)}`}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        )}
      </Field>
      {query && groups.length === 0 && (
        <p className="text-sm text-stone">No city by that name; choose the nearest one, whose clock you keep.</p>
      )}
    </div>
  );
}

const key = (zone: string, city: string) => `${zone}|${city}`;
