import { useState, type FormEvent } from 'react';
import type { Route } from './+types/account.privacy';
import { ButtonLink, Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { Input } from '../components/ui/input.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { useToast } from '../components/ui/toast.tsx';
import {
  useContactShares,
  useProfileViews,
  useSetPrivacyMode,
  useShareContact,
  useUnshareContact,
} from '../features/account/api/privacy.ts';
import { PageTitle, SettingsSection } from '../features/account/components/settings-section.tsx';
import { Switch } from '../features/account/components/switch.tsx';
import { formatDate, formatDateTime } from '../features/account/format.ts';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { problemMessage, toProblem } from '../lib/api/problem.ts';
import { useSignedInUser } from '../features/auth/session.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Privacy',
    description: 'Privacy mode, shared details and profile views for VIP members of StyleByZaga.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

export default function AccountPrivacy() {
  const user = useSignedInUser();
  if (user.userType !== 'CLIENT' || user.tier !== 'VIP') {
    return (
      <>
        <PageTitle
          eyebrow="Your account"
          title="Privacy"
          lede="Privacy mode is part of VIP membership: stylists and partners see an alias instead of your name until you choose to share it."
        />
        {user.userType === 'CLIENT' && <ButtonLink to="/account/membership">About VIP membership</ButtonLink>}
      </>
    );
  }
  return (
    <>
      <PageTitle eyebrow="VIP member" title="Privacy" lede="Who may know your name, and who has looked." />
      <PrivacyMode />
      <Shares />
      <ProfileViews />
    </>
  );
}

function PrivacyMode() {
  const user = useSignedInUser();
  const setMode = useSetPrivacyMode();
  const { toast } = useToast();
  return (
    <SettingsSection
      title="Privacy mode"
      description={
        <>
          While it is on, stylists and brand partners see you as <strong className="font-medium text-ink">{user.alias}</strong>, with no
          telephone, email or address, unless you share them below.
        </>
      }
    >
      <div className="border-y border-line">
        <Switch
          label="Hide my name and contact details"
          description={
            user.privacyMode ? `On: you appear as ${user.alias}.` : 'Off: stylists and partners who work with you see your name.'
          }
          checked={user.privacyMode}
          disabled={setMode.isPending}
          onChange={(privacyMode) =>
            setMode.mutate(privacyMode, {
              onSuccess: (s) => toast({ title: s.privacyMode ? 'Privacy mode is on' : 'Privacy mode is off', tone: 'success' }),
            })
          }
        />
      </div>
      {setMode.isError && (
        <p role="alert" className="mt-4 text-sm text-danger">
          {problemMessage(toProblem(setMode.error))}
        </p>
      )}
    </SettingsSection>
  );
}

function Shares() {
  const shares = useContactShares();
  const share = useShareContact();
  const unshare = useUnshareContact();
  const { toast } = useToast();
  const [formKey, setFormKey] = useState(0);
  const problem = share.error ? toProblem(share.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const userId = String(new FormData(event.currentTarget).get('userId') ?? '').trim();
    share.mutate(userId, {
      onSuccess: (s) => {
        setFormKey((k) => k + 1);
        toast({ title: `Shared with ${s.name}`, tone: 'success' });
      },
    });
  }

  return (
    <SettingsSection
      title="Shared with"
      description="The stylists and partners who see your real name and contact details despite privacy mode."
    >
      {shares.isPending ? (
        <Skeleton className="h-14 w-full" />
      ) : shares.isError ? (
        <p role="alert" className="text-danger">
          {problemMessage(toProblem(shares.error))}
        </p>
      ) : shares.data.length === 0 ? (
        <p className="text-stone">You have not shared your details with anyone.</p>
      ) : (
        <ul aria-label="Shared with" className="divide-y divide-line border-y border-line">
          {shares.data.map((s) => (
            <li key={s.userId} className="flex flex-wrap items-center justify-between gap-4 py-5">
              <div>
                <p className="font-display text-xl text-ink">{s.name}</p>
                <p className="mt-1 text-sm text-stone">
                  {s.userType === 'STYLIST' ? 'Stylist' : 'Brand partner'} · since {formatDate(s.sharedAt)}
                </p>
              </div>
              <Button
                variant="ghost"
                size="sm"
                loading={unshare.isPending && unshare.variables === s.userId}
                onClick={() => unshare.mutate(s.userId)}
                aria-label={`Stop sharing with ${s.name}`}
              >
                Stop sharing
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form key={formKey} onSubmit={submit} noValidate aria-label="Share your details" className="mt-10 space-y-6">
        <FormAlert problem={problem} fields={['userId']} />
        <div className="flex flex-col gap-6 sm:flex-row sm:items-end">
          <Field
            label="Stylist or partner reference"
            hint="The reference your stylist gave you."
            error={problem?.field('userId')}
            className="flex-1"
          >
            {(p) => <Input {...p} name="userId" required autoComplete="off" spellCheck={false} placeholder="e.g. 0196b7c2-…" />}
          </Field>
          <Button type="submit" variant="secondary" loading={share.isPending}>
            Share my details
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}

function ProfileViews() {
  const views = useProfileViews();
  return (
    <SettingsSection
      title="Who viewed your profile"
      description="Every time one of the house’s administrators opens your profile, it is recorded here."
    >
      {views.isPending ? (
        <Skeleton className="h-14 w-full" />
      ) : views.isError ? (
        <p role="alert" className="text-danger">
          {problemMessage(toProblem(views.error))}
        </p>
      ) : views.data.length === 0 ? (
        <p className="text-stone">No one has opened your profile.</p>
      ) : (
        <ul aria-label="Profile views" className="divide-y divide-line border-y border-line">
          {views.data.map((v) => (
            <li key={`${v.viewedAt}-${v.viewerName}`} className="flex flex-wrap items-baseline justify-between gap-4 py-4">
              <span className="text-ink">{v.viewerName}</span>
              <span className="text-sm text-stone">{formatDateTime(v.viewedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </SettingsSection>
  );
}
