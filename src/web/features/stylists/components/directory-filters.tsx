import { Form, Link } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { FILTER_CURRENCIES, type DirectoryFilters } from '../filters.ts';
import { LANGUAGE_NAMES, SPECIALTY_LABELS } from '../vocabulary.ts';

/**
 * The directory's filters as a plain GET form: it works before (and without) JavaScript, and every choice
 * lands in the URL, so a filtered list can be shared and is rendered on the server.
 */
export function DirectoryFiltersForm({ filters }: { filters: DirectoryFilters }) {
  return (
    <Form method="get" action="/stylists" aria-label="Refine the stylists" className="space-y-10" preventScrollReset>
      <fieldset>
        <legend className="eyebrow text-ink-soft">Specialties</legend>
        <ul className="mt-4 space-y-1">
          {Object.entries(SPECIALTY_LABELS).map(([slug, label]) => (
            <li key={slug}>
              <label className="flex cursor-pointer items-center gap-3 py-1.5 text-sm text-ink has-focus-visible:outline-2 has-focus-visible:outline-focus">
                <input
                  type="checkbox"
                  name="specialty"
                  value={slug}
                  defaultChecked={filters.specialties.includes(slug)}
                  className="size-4 accent-ink"
                />
                {label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Field label="Language">
        {(p) => (
          <Select {...p} name="language" defaultValue={filters.language}>
            <option value="">Any language</option>
            {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="City">{(p) => <Input {...p} name="city" defaultValue={filters.city} maxLength={80} placeholder="e.g. Paris" />}</Field>
      <div className="grid grid-cols-[1fr_6rem] gap-4">
        <Field label="Hourly rate up to">
          {(p) => <Input {...p} name="maxRate" type="number" inputMode="numeric" min={0} step={50} defaultValue={filters.maxRate} />}
        </Field>
        <Field label="Currency">
          {(p) => (
            <Select {...p} name="currency" defaultValue={filters.currency}>
              {FILTER_CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field label="Experience">
        {(p) => (
          <Select {...p} name="minExperienceYears" defaultValue={filters.minExperienceYears}>
            <option value="">Any</option>
            {[3, 5, 10, 15, 20].map((y) => (
              <option key={y} value={y}>
                {y} years or more
              </option>
            ))}
          </Select>
        )}
      </Field>
      <fieldset>
        <legend className="eyebrow text-ink-soft">Available between</legend>
        <div className="mt-4 grid grid-cols-2 gap-4">
          <Field label="From">{(p) => <Input {...p} name="availableFrom" type="date" defaultValue={filters.availableFrom} />}</Field>
          <Field label="Until">{(p) => <Input {...p} name="availableTo" type="date" defaultValue={filters.availableTo} />}</Field>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-6">
        <Button type="submit">Show stylists</Button>
        <Link to="/stylists" className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink" preventScrollReset>
          Clear
        </Link>
      </div>
    </Form>
  );
}
