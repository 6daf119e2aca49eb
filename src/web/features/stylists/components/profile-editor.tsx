import { useState, type FormEvent } from 'react';
import { CURRENCY_CODES, type Currency } from '../../../../shared/money.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { SettingsSection } from '../../account/components/settings-section.tsx';
import { Switch } from '../../account/components/switch.tsx';
import { COUNTRY_CODES, countryName } from '../../account/countries.ts';
import { Select } from '../../../components/ui/select.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { toProblem } from '../../../lib/api/problem.ts';
import { useSignedInUser } from '../../auth/session.tsx';
import { useCreateStylist, useUpdateStylist } from '../api/studio.ts';
import type { Specialty, Stylist, StyleTag } from '../api/stylists.ts';
import { visitorTimeZone } from '../time.ts';
import { LANGUAGE_NAMES, SPECIALTY_LABELS, STYLE_TAGS, styleTagLabel } from '../vocabulary.ts';
import { ChoiceGroup } from './choice-group.tsx';
import { TimeZoneSelect } from './time-zone-select.tsx';

const FIELDS = [
  'headline',
  'bio',
  'specialties',
  'styleTags',
  'languages',
  'experienceYears',
  'rate.amount',
  'rate.currency',
  'city',
  'country',
  'travelRadiusKm',
  'timeZone',
];

/**
 * The stylist's public profile: words, specialties, signature, languages, rate, base and reach. Creating it sends
 * it to the house for review; later changes apply at once.
 */
export function ProfileEditor({ stylist }: { stylist: Stylist | null }) {
  const user = useSignedInUser();
  const create = useCreateStylist();
  const update = useUpdateStylist(stylist?.stylistId ?? '');
  const mutation = stylist ? update : create;
  const { toast } = useToast();
  const [specialties, setSpecialties] = useState<Specialty[]>((stylist?.specialties ?? []) as Specialty[]);
  const [styleTags, setStyleTags] = useState<StyleTag[]>((stylist?.styleTags ?? []) as StyleTag[]);
  const [languages, setLanguages] = useState<string[]>(stylist?.languages ?? ['en']);
  const [timeZone, setTimeZone] = useState(stylist?.timeZone ?? visitorTimeZone());
  const problem = mutation.error ? toProblem(mutation.error) : null;
  const err = (f: string) => problem?.field(f);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (n: string) => String(form.get(n) ?? '').trim();
    const body = {
      headline: text('headline'),
      bio: text('bio'),
      specialties,
      styleTags,
      languages,
      experienceYears: Number(text('experienceYears') || 0),
      rate: { amount: Number(text('rate.amount') || 0), currency: text('rate.currency') as Currency },
      city: text('city'),
      ...(text('country') ? { country: text('country') } : {}),
      travelRadiusKm: Number(text('travelRadiusKm') || 0),
      offersVirtual: form.get('offersVirtual') === 'on',
      timeZone,
    };
    if (stylist) update.mutate(body, { onSuccess: () => toast({ title: 'Profile saved', tone: 'success' }) });
    else
      create.mutate(
        { ...body, userId: user.userId },
        {
          onSuccess: () => {
            // The studio opens in place of this long form: start it from the top.
            window.scrollTo({ top: 0 });
            toast({
              title: 'Profile sent to the house',
              description: 'We read every profile before it is listed; you will hear from us.',
              tone: 'success',
            });
          },
        },
      );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Stylist profile">
      <FormAlert problem={problem} fields={FIELDS} className="mb-10" />
      <SettingsSection title="In your words" description="What a client reads first, under your portrait.">
        <div className="space-y-8">
          <Field label="Headline" hint="One line, e.g. “Quiet tailoring for long days and late dinners”." error={err('headline')}>
            {(p) => <Input {...p} name="headline" maxLength={140} defaultValue={stylist?.headline ?? ''} />}
          </Field>
          <Field
            label="About you"
            hint="Your training, the houses you know, how you like to work. Blank lines start new paragraphs."
            error={err('bio')}
          >
            {(p) => <Textarea {...p} name="bio" rows={7} required maxLength={4000} defaultValue={stylist?.bio ?? ''} />}
          </Field>
        </div>
      </SettingsSection>
      <SettingsSection title="What you do best">
        <div className="space-y-10">
          <ChoiceGroup
            legend="Specialties"
            hint="At least one."
            size="sm"
            name="specialties"
            multiple
            columns={3}
            choices={Object.entries(SPECIALTY_LABELS).map(([value, label]) => ({ value: value as Specialty, label }))}
            value={specialties}
            onChange={setSpecialties}
          />
          {err('specialties') && <p className="text-sm text-danger">{err('specialties')}</p>}
          <ChoiceGroup
            legend="Signature styles"
            size="sm"
            name="styleTags"
            multiple
            columns={4}
            choices={STYLE_TAGS.map((value) => ({ value, label: styleTagLabel(value) }))}
            value={styleTags}
            onChange={setStyleTags}
          />
          <ChoiceGroup
            legend="Languages you work in"
            size="sm"
            name="languages"
            multiple
            columns={4}
            choices={Object.entries(LANGUAGE_NAMES).map(([value, label]) => ({ value, label }))}
            value={languages}
            onChange={setLanguages}
          />
          {err('languages') && <p className="text-sm text-danger">{err('languages')}</p>}
        </div>
      </SettingsSection>
      <SettingsSection title="Rate & experience">
        <div className="grid gap-8 sm:grid-cols-3">
          <Field label="Hourly rate" error={err('rate.amount')}>
            {(p) => (
              <Input
                {...p}
                name="rate.amount"
                type="number"
                inputMode="decimal"
                min={0}
                step={10}
                required
                defaultValue={stylist?.rate.amount ?? 300}
              />
            )}
          </Field>
          <Field label="Currency" error={err('rate.currency')}>
            {(p) => (
              <Select {...p} name="rate.currency" defaultValue={stylist?.rate.currency ?? 'EUR'}>
                {CURRENCY_CODES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Years of experience" error={err('experienceYears')}>
            {(p) => <Input {...p} name="experienceYears" type="number" min={0} max={80} defaultValue={stylist?.experienceYears ?? 5} />}
          </Field>
        </div>
      </SettingsSection>
      <SettingsSection
        title="Where you work"
        description="Your base and how far you travel; the time zone is the one your schedule is written in."
      >
        <div className="grid gap-8 sm:grid-cols-2">
          <Field label="City" error={err('city')}>
            {(p) => <Input {...p} name="city" maxLength={80} defaultValue={stylist?.city ?? ''} autoComplete="address-level2" />}
          </Field>
          <Field label="Country" error={err('country')}>
            {(p) => (
              <Select {...p} name="country" defaultValue={stylist?.country ?? ''}>
                <option value="">Choose a country</option>
                {COUNTRY_CODES.map((c) => (
                  <option key={c} value={c}>
                    {countryName(c)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Travel up to (km)" error={err('travelRadiusKm')}>
            {(p) => (
              <Input
                {...p}
                name="travelRadiusKm"
                type="number"
                min={0}
                max={20000}
                step={10}
                defaultValue={stylist?.travelRadiusKm ?? 50}
              />
            )}
          </Field>
          <TimeZoneSelect
            value={timeZone}
            city={stylist?.city}
            onChange={setTimeZone}
            error={err('timeZone')}
            label="The city whose clock you keep"
          />
        </div>
        <div className="mt-6 border-y border-line">
          <Switch
            name="offersVirtual"
            label="Sessions by video"
            description="Clients anywhere can book you for a virtual consultation."
            defaultChecked={stylist?.offersVirtual ?? true}
          />
        </div>
      </SettingsSection>
      <div className="border-t border-line pt-10">
        <Button type="submit" loading={mutation.isPending}>
          {stylist ? 'Save the profile' : 'Send to the house for review'}
        </Button>
      </div>
    </form>
  );
}
