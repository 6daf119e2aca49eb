import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { fieldControlClasses, Input } from '../../../components/ui/input.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { cn } from '../../../lib/cn.ts';
import type { components } from '../../../lib/api/schema.d.ts';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { toProblem } from '../../../lib/api/problem.ts';
import { useSignedInUser } from '../../auth/session.tsx';
import { useUpdateMe, type UpdateUserInput } from '../api/update-user.ts';
import { COUNTRY_CODES, countryName } from '../countries.ts';
import { SettingsSection } from './settings-section.tsx';
import { Switch } from './switch.tsx';
import { TagField } from './tag-field.tsx';

type Measurements = components['schemas']['MeasurementsInput'];

const STYLE_SUGGESTIONS = ['Tailoring', 'Minimalist', 'Evening', 'Resort', 'Classic', 'Avant-garde', 'Bohemian', 'Quiet luxury'];
const COLOUR_SUGGESTIONS = ['Ivory', 'Camel', 'Navy', 'Black', 'Burgundy', 'Forest green', 'Gold'];
const BRAND_SUGGESTIONS = ['Maison Aurelle', 'Delaunay Sellier', 'Orsini Roma', 'Vittoria Calvi', 'Solenne', 'Ishikawa'];

const SIZES = [
  { key: 'topSize', label: 'Tops', placeholder: 'e.g. M or 38' },
  { key: 'bottomSize', label: 'Trousers & skirts', placeholder: 'e.g. 28 or 38' },
  { key: 'dressSize', label: 'Dresses', placeholder: 'e.g. 36' },
  { key: 'shoeSize', label: 'Shoes', placeholder: 'e.g. 38.5 EU' },
] as const;

const MEASUREMENTS: ReadonlyArray<{ key: keyof Measurements; label: string }> = [
  { key: 'heightCm', label: 'Height' },
  { key: 'chestCm', label: 'Chest' },
  { key: 'waistCm', label: 'Waist' },
  { key: 'hipsCm', label: 'Hips' },
  { key: 'inseamCm', label: 'Inseam' },
];

const COMMUNICATION = [
  { key: 'emailNotifications', label: 'Email', description: 'Appointment confirmations and notes from your stylist.' },
  { key: 'smsNotifications', label: 'Text messages', description: 'Reminders on the day of a fitting or delivery.' },
  { key: 'pushNotifications', label: 'Notifications on this device', description: 'When a stylist replies or a piece you follow arrives.' },
  {
    key: 'marketingCommunications',
    label: 'The Letter and private previews',
    description: 'New collections and invitations, once a month at most.',
  },
] as const;

const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'postalCode', 'region', 'country'] as const;

/**
 * Style, sizes, measurements, personal details and letters, saved together. Sizes, measurements, date of
 * birth and address are encrypted at rest by the server; the form says so where it asks for them.
 */
export function PreferencesForm() {
  const user = useSignedInUser();
  const { toast } = useToast();
  const update = useUpdateMe();
  const prefs = user.preferences ?? {};
  const profile = user.profile ?? {};
  const [styles, setStyles] = useState(prefs.stylePreferences ?? []);
  const [colours, setColours] = useState(prefs.colorPreferences ?? []);
  const [brands, setBrands] = useState(prefs.brandPreferences ?? []);
  const problem = update.error ? toProblem(update.error) : null;
  const err = (path: string) => problem?.field(path);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const sizes = Object.fromEntries(SIZES.map((s) => [s.key, text(s.key)]).filter(([, v]) => v));
    const measurements = Object.fromEntries(
      MEASUREMENTS.map((m) => [m.key, text(m.key)])
        .filter(([, v]) => v)
        .map(([k, v]) => [k, Number(v)]),
    );
    const address = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, text(`address.${f}`)]).filter(([, v]) => v));
    const dateOfBirth = text('dateOfBirth');
    const input: UpdateUserInput = {
      preferences: {
        stylePreferences: styles,
        colorPreferences: colours,
        brandPreferences: brands,
        sizePreferences: sizes,
        communicationPreferences: Object.fromEntries(COMMUNICATION.map((c) => [c.key, form.get(c.key) === 'on'])),
      },
      profile: {
        ...(dateOfBirth ? { dateOfBirth } : {}),
        ...(Object.keys(measurements).length ? { measurements } : {}),
        // The server requires street, city, postcode and country together; a half address is refused with field errors.
        ...(Object.keys(address).length ? { address: address as components['schemas']['AddressInput'] } : {}),
      },
    };
    update.mutate(input, {
      onSuccess: () =>
        toast({ title: 'Preferences saved', description: 'Your stylist will see them at your next appointment.', tone: 'success' }),
    });
  }

  const communication = prefs.communicationPreferences ?? {};
  const address = profile.address;

  return (
    <form onSubmit={submit} noValidate aria-label="Preferences and sizes">
      <FormAlert
        problem={problem}
        className="mb-10"
        fields={[
          ...SIZES.map((s) => `preferences.sizePreferences.${s.key}`),
          ...MEASUREMENTS.map((m) => `profile.measurements.${m.key}`),
          ...ADDRESS_FIELDS.map((f) => `profile.address.${f}`),
          'profile.dateOfBirth',
          'preferences.stylePreferences',
          'preferences.colorPreferences',
          'preferences.brandPreferences',
        ]}
      />

      <SettingsSection
        title="Style"
        description="A few words for your stylist before you first meet: what you reach for, the colours you wear, the houses you love."
      >
        <div className="space-y-10">
          <TagField
            label="Styles"
            suggestions={STYLE_SUGGESTIONS}
            value={styles}
            onChange={setStyles}
            error={err('preferences.stylePreferences')}
            placeholder="Type a style and press Enter"
          />
          <TagField
            label="Colours"
            suggestions={COLOUR_SUGGESTIONS}
            value={colours}
            onChange={setColours}
            error={err('preferences.colorPreferences')}
            placeholder="Type a colour and press Enter"
          />
          <TagField
            label="Houses & brands"
            suggestions={BRAND_SUGGESTIONS}
            value={brands}
            onChange={setBrands}
            error={err('preferences.brandPreferences')}
            placeholder="Type a house and press Enter"
          />
        </div>
      </SettingsSection>

      <SettingsSection title="Sizes" description="In whichever system you know best; your stylist converts between houses.">
        <div className="grid gap-8 sm:grid-cols-2">
          {SIZES.map((s) => (
            <Field key={s.key} label={s.label} error={err(`preferences.sizePreferences.${s.key}`)}>
              {(p) => (
                <Input {...p} name={s.key} maxLength={12} placeholder={s.placeholder} defaultValue={prefs.sizePreferences?.[s.key] ?? ''} />
              )}
            </Field>
          ))}
        </div>
      </SettingsSection>

      <SettingsSection
        title="Measurements"
        description="For made-to-measure and alterations, in centimetres. Encrypted, and shared only with the stylist you choose."
      >
        <div className="grid grid-cols-2 gap-8 sm:grid-cols-3">
          {MEASUREMENTS.map((m) => (
            <Field key={m.key} label={m.label} error={err(`profile.measurements.${m.key}`)}>
              {(p) => (
                <Unit unit="cm">
                  <Input
                    {...p}
                    name={m.key}
                    type="number"
                    inputMode="decimal"
                    min={30}
                    max={260}
                    step={0.5}
                    defaultValue={profile.measurements?.[m.key] ?? ''}
                    className="pr-10"
                  />
                </Unit>
              )}
            </Field>
          ))}
        </div>
      </SettingsSection>

      <SettingsSection title="Personal details" description="For deliveries and the occasional birthday note. Encrypted at rest.">
        <div className="space-y-8">
          <Field label="Date of birth" error={err('profile.dateOfBirth')} className="max-w-xs">
            {(p) => <Input {...p} name="dateOfBirth" type="date" autoComplete="bday" defaultValue={profile.dateOfBirth ?? ''} />}
          </Field>
          <fieldset className="space-y-8">
            <legend className="font-display text-2xl text-ink">Delivery address</legend>
            <Field label="Street and number" error={err('profile.address.line1')}>
              {(p) => (
                <Input {...p} name="address.line1" autoComplete="address-line1" maxLength={120} defaultValue={address?.line1 ?? ''} />
              )}
            </Field>
            <Field label="Apartment, floor (optional)" error={err('profile.address.line2')}>
              {(p) => (
                <Input {...p} name="address.line2" autoComplete="address-line2" maxLength={120} defaultValue={address?.line2 ?? ''} />
              )}
            </Field>
            <div className="grid gap-8 sm:grid-cols-2">
              <Field label="City" error={err('profile.address.city')}>
                {(p) => (
                  <Input {...p} name="address.city" autoComplete="address-level2" maxLength={80} defaultValue={address?.city ?? ''} />
                )}
              </Field>
              <Field label="Postcode" error={err('profile.address.postalCode')}>
                {(p) => (
                  <Input
                    {...p}
                    name="address.postalCode"
                    autoComplete="postal-code"
                    maxLength={20}
                    defaultValue={address?.postalCode ?? ''}
                  />
                )}
              </Field>
              <Field label="Region (optional)" error={err('profile.address.region')}>
                {(p) => (
                  <Input {...p} name="address.region" autoComplete="address-level1" maxLength={80} defaultValue={address?.region ?? ''} />
                )}
              </Field>
              <Field label="Country" error={err('profile.address.country')}>
                {(p) => (
                  <select
                    {...p}
                    name="address.country"
                    autoComplete="country"
                    defaultValue={address?.country ?? ''}
                    className={cn(fieldControlClasses, 'cursor-pointer')}
                  >
                    <option value="">Choose a country</option>
                    {COUNTRY_CODES.map((code) => (
                      <option key={code} value={code}>
                        {countryName(code)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          </fieldset>
        </div>
      </SettingsSection>

      <SettingsSection
        title="Letters & notifications"
        description="How the house may reach you. Messages about your orders and security always arrive."
      >
        <div className="divide-y divide-line border-y border-line">
          {COMMUNICATION.map((c) => (
            <Switch
              key={c.key}
              name={c.key}
              label={c.label}
              description={c.description}
              defaultChecked={communication[c.key] ?? c.key === 'emailNotifications'}
            />
          ))}
        </div>
      </SettingsSection>

      <div className="border-t border-line pt-10">
        <Button type="submit" loading={update.isPending}>
          Save preferences
        </Button>
      </div>
    </form>
  );
}

function Unit({ unit, children }: { unit: string; children: ReactNode }) {
  return (
    <div className="relative">
      {children}
      <span aria-hidden="true" className="pointer-events-none absolute top-1/2 right-0 -translate-y-1/2 text-sm text-stone">
        {unit}
      </span>
    </div>
  );
}
