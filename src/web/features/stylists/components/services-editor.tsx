import { useState, type FormEvent } from 'react';
import { CURRENCY_CODES, formatMoney, type Currency } from '../../../../shared/money.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { SettingsSection } from '../../account/components/settings-section.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { toProblem } from '../../../lib/api/problem.ts';
import { useAddService, useUpdateService, useWithdrawService, type ServiceBody } from '../api/studio.ts';
import type { Stylist, StylistService } from '../api/stylists.ts';
import { formatDuration } from '../time.ts';
import { SERVICE_KIND_LABELS, serviceKindLabel, type ServiceKind } from '../vocabulary.ts';

/** The sessions on offer, each with its duration and price; a withdrawn one stays on past bookings. */
export function ServicesEditor({ stylist }: { stylist: Stylist }) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const withdraw = useWithdrawService(stylist.stylistId);
  const { toast } = useToast();
  const active = stylist.services.filter((s) => s.active);
  return (
    <SettingsSection
      title="Services & prices"
      description="Durations in steps of a quarter hour. Clients can only request the durations you list."
    >
      {active.length === 0 && editing !== 'new' && (
        <p className="mb-6 text-stone">No service yet: clients can then only request a one-hour first conversation at your hourly rate.</p>
      )}
      <ul className="divide-y divide-line border-y border-line">
        {active.map((s) =>
          editing === s.serviceId ? (
            <li key={s.serviceId} className="py-6">
              <ServiceForm stylist={stylist} service={s} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={s.serviceId} className="flex flex-wrap items-center justify-between gap-4 py-5">
              <div>
                <p className="eyebrow text-stone">{serviceKindLabel(s.kind)}</p>
                <p className="mt-1 font-display text-2xl text-ink">{s.name}</p>
                <p className="text-sm text-stone">
                  {formatDuration(s.durationMinutes)} · {formatMoney(s.price, { compactWhole: true })}
                </p>
              </div>
              <div className="flex gap-3">
                <Button variant="secondary" size="sm" onClick={() => setEditing(s.serviceId)} aria-label={`Change ${s.name}`}>
                  Change
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  loading={withdraw.isPending && withdraw.variables === s.serviceId}
                  onClick={() =>
                    withdraw.mutate(s.serviceId, { onSuccess: () => toast({ title: `${s.name} withdrawn`, tone: 'success' }) })
                  }
                  aria-label={`Withdraw ${s.name}`}
                >
                  Withdraw
                </Button>
              </div>
            </li>
          ),
        )}
      </ul>
      <div className="mt-8">
        {editing === 'new' ? (
          <ServiceForm stylist={stylist} service={null} onDone={() => setEditing(null)} />
        ) : (
          <Button variant="secondary" size="sm" onClick={() => setEditing('new')}>
            Add a service
          </Button>
        )}
      </div>
    </SettingsSection>
  );
}

function ServiceForm({ stylist, service, onDone }: { stylist: Stylist; service: StylistService | null; onDone: () => void }) {
  const add = useAddService(stylist.stylistId);
  const change = useUpdateService(stylist.stylistId);
  const mutation = service ? change : add;
  const { toast } = useToast();
  const problem = mutation.error ? toProblem(mutation.error) : null;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (n: string) => String(form.get(n) ?? '').trim();
    const body: ServiceBody = {
      kind: text('kind') as ServiceKind,
      name: text('name'),
      description: text('description'),
      durationMinutes: Number(text('durationMinutes')),
      price: { amount: Number(text('price.amount') || 0), currency: text('price.currency') as Currency },
    };
    const done = () => {
      toast({ title: service ? 'Service saved' : 'Service added', tone: 'success' });
      onDone();
    };
    if (service) change.mutate({ serviceId: service.serviceId, body }, { onSuccess: done });
    else add.mutate(body, { onSuccess: done });
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-label={service ? `Change ${service.name}` : 'New service'}>
      <FormAlert problem={problem} fields={['kind', 'name', 'description', 'durationMinutes', 'price.amount', 'price.currency']} />
      <div className="grid gap-6 sm:grid-cols-2">
        <Field label="Kind" error={problem?.field('kind')}>
          {(p) => (
            <Select {...p} name="kind" defaultValue={service?.kind ?? 'VIRTUAL_CONSULTATION'}>
              {(Object.keys(SERVICE_KIND_LABELS) as ServiceKind[]).map((k) => (
                <option key={k} value={k}>
                  {SERVICE_KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Name" error={problem?.field('name')}>
          {(p) => <Input {...p} name="name" required maxLength={120} defaultValue={service?.name ?? ''} />}
        </Field>
        <Field label="Duration" error={problem?.field('durationMinutes')}>
          {(p) => (
            <Select {...p} name="durationMinutes" defaultValue={String(service?.durationMinutes ?? 60)}>
              {[30, 45, 60, 90, 120, 180, 240, 360, 480].map((m) => (
                <option key={m} value={m}>
                  {formatDuration(m)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <div className="grid grid-cols-[1fr_6rem] gap-4">
          <Field label="Price" error={problem?.field('price.amount')}>
            {(p) => (
              <Input
                {...p}
                name="price.amount"
                type="number"
                inputMode="decimal"
                min={0}
                step={10}
                defaultValue={service?.price.amount ?? stylist.rate.amount}
              />
            )}
          </Field>
          <Field label="Currency" error={problem?.field('price.currency')}>
            {(p) => (
              <Select {...p} name="price.currency" defaultValue={service?.price.currency ?? stylist.rate.currency}>
                {CURRENCY_CODES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      </div>
      <Field label="Description (optional)" error={problem?.field('description')}>
        {(p) => <Textarea {...p} name="description" rows={2} maxLength={1000} defaultValue={service?.description ?? ''} />}
      </Field>
      <div className="flex flex-wrap items-center gap-6">
        <Button type="submit" size="sm" loading={mutation.isPending}>
          {service ? 'Save' : 'Add the service'}
        </Button>
        <button type="button" onClick={onDone} className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink">
          Cancel
        </button>
      </div>
    </form>
  );
}
