import { useState, type FormEvent } from 'react';
import type { Route } from './+types/admin.tax-rates';
import { Button } from '../components/ui/button.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { Input } from '../components/ui/input.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { countryName } from '../features/account/countries.ts';
import { formatDate } from '../features/account/format.ts';
import { usePutTaxRate, useTaxRates, type TaxRate } from '../features/orders/api.ts';
import { toProblem } from '../lib/api/problem.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Duties & VAT', description: 'Duties and VAT by destination.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

/** Duties and VAT by destination: new orders use them, placed orders keep the figures they were placed with. */
export default function AdminTaxRates() {
  const rates = useTaxRates();
  return (
    <>
      <PageTitle
        eyebrow="The house office"
        title="Duties & VAT"
        lede="By destination. A change applies to orders placed from now on; placed orders keep their figures. A country missing here is not delivered to."
      />
      <AddCountry />
      {rates.isPending ? (
        <ListLoading rows={6} />
      ) : rates.isError ? (
        <ListError error={rates.error} />
      ) : (
        <table className="mt-10 w-full text-left text-sm">
          <thead>
            <tr className="eyebrow border-b border-line text-[0.625rem] text-stone">
              <th className="py-3 font-normal">Destination</th>
              <th className="py-3 font-normal">VAT %</th>
              <th className="py-3 font-normal">Duties %</th>
              <th className="py-3 font-normal max-sm:hidden">Changed</th>
              <th className="py-3">
                <span className="sr-only">Save</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {rates.data.rates.map((r) => (
              <RateRow key={r.country} rate={r} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function RateRow({ rate }: { rate: TaxRate }) {
  const put = usePutTaxRate();
  const [vat, setVat] = useState(String(rate.vatPercent));
  const [duty, setDuty] = useState(String(rate.dutyPercent));
  const changed = vat !== String(rate.vatPercent) || duty !== String(rate.dutyPercent);
  const save = (e: FormEvent) => {
    e.preventDefault();
    put.mutate({ country: rate.country, vatPercent: Number(vat), dutyPercent: Number(duty) });
  };
  const name = countryName(rate.country);
  return (
    <tr>
      <td className="py-3 text-ink">
        {name} <span className="text-stone">{rate.country}</span>
      </td>
      <td className="py-3 pr-3">
        <Input
          aria-label={`VAT for ${name}, percent`}
          form={`rate-${rate.country}`}
          inputMode="decimal"
          value={vat}
          onChange={(e) => setVat(e.target.value)}
          className="w-24"
        />
      </td>
      <td className="py-3 pr-3">
        <Input
          aria-label={`Duties for ${name}, percent`}
          form={`rate-${rate.country}`}
          inputMode="decimal"
          value={duty}
          onChange={(e) => setDuty(e.target.value)}
          className="w-24"
        />
      </td>
      <td className="py-3 text-stone max-sm:hidden">{formatDate(rate.updatedAt)}</td>
      <td className="py-3 text-right">
        <form id={`rate-${rate.country}`} onSubmit={save}>
          <Button type="submit" size="sm" variant="secondary" disabled={!changed} loading={put.isPending}>
            Save
          </Button>
        </form>
        {put.error && <FormAlert problem={toProblem(put.error)} className="mt-2" />}
      </td>
    </tr>
  );
}

function AddCountry() {
  const put = usePutTaxRate();
  const [country, setCountry] = useState('');
  const [vat, setVat] = useState('');
  const [duty, setDuty] = useState('0');
  const add = (e: FormEvent) => {
    e.preventDefault();
    put.mutate(
      { country: country.trim().toUpperCase(), vatPercent: Number(vat), dutyPercent: Number(duty) },
      { onSuccess: () => setCountry('') },
    );
  };
  return (
    <form onSubmit={add} className="flex flex-wrap items-end gap-4" aria-label="Add a destination">
      <label className="flex flex-col gap-1 text-sm text-ink-soft">
        <span className="eyebrow text-[0.625rem]">Country code</span>
        <Input value={country} onChange={(e) => setCountry(e.target.value)} required pattern="[A-Za-z]{2}" maxLength={2} className="w-24" />
      </label>
      <label className="flex flex-col gap-1 text-sm text-ink-soft">
        <span className="eyebrow text-[0.625rem]">VAT %</span>
        <Input value={vat} onChange={(e) => setVat(e.target.value)} required inputMode="decimal" className="w-24" />
      </label>
      <label className="flex flex-col gap-1 text-sm text-ink-soft">
        <span className="eyebrow text-[0.625rem]">Duties %</span>
        <Input value={duty} onChange={(e) => setDuty(e.target.value)} required inputMode="decimal" className="w-24" />
      </label>
      <Button type="submit" variant="secondary" loading={put.isPending}>
        Add destination
      </Button>
      {put.error && <FormAlert problem={toProblem(put.error)} className="w-full" />}
    </form>
  );
}
