import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { Route } from './+types/admin.member';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../components/ui/dialog.tsx';
import { Field } from '../components/ui/field.tsx';
import { Input } from '../components/ui/input.tsx';
import { DialogTitleText } from '../features/account/components/dialog-title-text.tsx';
import { useToast } from '../components/ui/toast.tsx';
import type { components } from '../lib/api/schema.d.ts';
import { PageTitle, SettingsSection } from '../features/account/components/settings-section.tsx';
import { countryName } from '../features/account/countries.ts';
import { formatDate, USER_TYPE_LABELS } from '../features/account/format.ts';
import { useChangeRole, useMember, useUpdateMember, type UserType } from '../features/admin/api/members.ts';
import { useVipApplications } from '../features/admin/api/vip-applications.ts';
import { DecisionForm } from '../features/admin/components/decision-form.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { Select } from '../components/ui/select.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { toProblem } from '../lib/api/problem.ts';
import { useSignedInUser } from '../features/auth/session.tsx';
import { pageMeta } from '../lib/seo.ts';
import { detailsChangeFrom } from '../features/account/details-change.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Member — The house office', description: 'A member of StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

type User = components['schemas']['User'];

export default function AdminMember() {
  const { userId = '' } = useParams();
  const member = useMember(userId);
  if (member.isPending) return <ListLoading rows={6} />;
  if (member.isError) {
    return (
      <>
        <PageTitle eyebrow="The house office" title="Member" />
        <ListError error={member.error} />
      </>
    );
  }
  const user = member.data;
  return (
    <>
      <p className="mb-8">
        <Link to="/admin" className="eyebrow text-ink-soft hover:text-ink">
          <span aria-hidden="true">← </span>All members
        </Link>
      </p>
      <PageTitle
        eyebrow={`${USER_TYPE_LABELS[user.userType]}${user.tier === 'VIP' ? ' · VIP' : ''}`}
        title={`${user.firstName} ${user.lastName}`}
        lede={user.tier === 'VIP' ? 'You opened a VIP profile: this view is recorded in the audit log and shown to the client.' : undefined}
      />
      <Overview user={user} />
      <EditDetails user={user} />
      <RoleSection user={user} />
      {user.userType === 'CLIENT' && <VipSection user={user} />}
      <SettingsSection title="Audit trail" description="Everything done by or to this account.">
        <div className="flex flex-wrap gap-8">
          <Link to={`/admin/audit?target=${user.userId}`} className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink">
            Done to this account
          </Link>
          <Link to={`/admin/audit?actor=${user.userId}`} className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink">
            Done by this account
          </Link>
        </div>
      </SettingsSection>
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="eyebrow text-stone">{label}</dt>
      <dd className="mt-2 text-ink [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function Overview({ user }: { user: User }) {
  const address = user.profile?.address;
  const measurements = user.profile?.measurements;
  const prefs = user.preferences;
  return (
    <SettingsSection title="Overview">
      <dl className="grid gap-x-10 gap-y-8 sm:grid-cols-2 lg:grid-cols-3">
        <Item label="Email">
          {user.email} {user.emailVerified ? <span className="text-stone">(confirmed)</span> : <Badge className="ml-1">Unconfirmed</Badge>}
        </Item>
        <Item label="Telephone">{user.phoneNumber ?? '—'}</Item>
        <Item label="Joined">{formatDate(user.createdAt)}</Item>
        <Item label="Two-step verification">{user.mfaEnabled ? 'On' : user.mfaEnrollmentRequired ? 'Owed: not yet set up' : 'Off'}</Item>
        <Item label="Alias">{user.alias}</Item>
        <Item label="Privacy mode">{user.privacyMode ? 'On' : 'Off'}</Item>
        <Item label="Date of birth">{user.profile?.dateOfBirth ? formatDate(user.profile.dateOfBirth) : '—'}</Item>
        <Item label="Address">
          {address ? (
            <>
              {address.line1}
              {address.line2 ? `, ${address.line2}` : ''}
              <br />
              {address.postalCode} {address.city}
              {address.region ? `, ${address.region}` : ''}
              <br />
              {countryName(address.country)}
            </>
          ) : (
            '—'
          )}
        </Item>
        <Item label="Measurements">
          {measurements && Object.keys(measurements).length
            ? Object.entries(measurements)
                .map(([k, v]) => `${k.replace(/Cm$/, '')} ${v} cm`)
                .join(' · ')
            : '—'}
        </Item>
        <Item label="Styles">{prefs?.stylePreferences?.length ? prefs.stylePreferences.join(', ') : '—'}</Item>
        <Item label="Sizes">
          {prefs?.sizePreferences && Object.keys(prefs.sizePreferences).length
            ? Object.entries(prefs.sizePreferences)
                .map(([k, v]) => `${k.replace(/Size$/, '')} ${v}`)
                .join(' · ')
            : '—'}
        </Item>
      </dl>
    </SettingsSection>
  );
}

function EditDetails({ user }: { user: User }) {
  const update = useUpdateMember(user.userId);
  const { toast } = useToast();
  const problem = update.error ? toProblem(update.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate(detailsChangeFrom(new FormData(event.currentTarget), user), {
      onSuccess: () => toast({ title: 'Details saved', tone: 'success' }),
    });
  }

  return (
    <SettingsSection title="Details" description="Corrections at the member’s request. A new email address must be confirmed by them.">
      <form key={user.updatedAt ?? user.createdAt} onSubmit={submit} noValidate aria-label="Member details" className="space-y-8">
        <FormAlert problem={problem} fields={['firstName', 'lastName', 'email', 'phoneNumber']} />
        <div className="grid gap-8 sm:grid-cols-2">
          <Field label="First name" error={problem?.field('firstName')}>
            {(p) => <Input {...p} name="firstName" required maxLength={80} defaultValue={user.firstName} />}
          </Field>
          <Field label="Last name" error={problem?.field('lastName')}>
            {(p) => <Input {...p} name="lastName" required maxLength={80} defaultValue={user.lastName} />}
          </Field>
          <Field label="Email address" error={problem?.field('email')}>
            {(p) => <Input {...p} name="email" type="email" required defaultValue={user.email} />}
          </Field>
          <Field label="Telephone" error={problem?.field('phoneNumber')}>
            {(p) => <Input {...p} name="phoneNumber" type="tel" defaultValue={user.phoneNumber ?? ''} />}
          </Field>
        </div>
        <Button type="submit" variant="secondary" size="sm" loading={update.isPending}>
          Save details
        </Button>
      </form>
    </SettingsSection>
  );
}

const ROLES: UserType[] = ['CLIENT', 'STYLIST', 'BRAND_PARTNER', 'ADMIN'];

function RoleSection({ user }: { user: User }) {
  const me = useSignedInUser();
  const changeRole = useChangeRole(user.userId);
  const { toast } = useToast();
  const [role, setRole] = useState<UserType>(user.userType);
  const [open, setOpen] = useState(false);
  const self = me.userId === user.userId;

  return (
    <SettingsSection
      title="Role"
      description="A new role applies at once: every session of this account ends, and roles other than client must set up two-step verification."
    >
      {self ? (
        <p className="text-stone">You cannot change your own role; another administrator can.</p>
      ) : (
        <Dialog
          open={open}
          onOpenChange={(next) => {
            setOpen(next);
            if (!next) changeRole.reset();
          }}
        >
          <div className="flex flex-col gap-6 sm:flex-row sm:items-end">
            <Field label="Account" className="sm:w-72">
              {(p) => (
                <Select {...p} value={role} onChange={(e) => setRole(e.target.value as UserType)}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {USER_TYPE_LABELS[r]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <DialogTrigger asChild>
              <Button variant="secondary" size="sm" disabled={role === user.userType}>
                Change role
              </Button>
            </DialogTrigger>
          </div>
          <DialogContent
            title={<DialogTitleText>Change this role?</DialogTitleText>}
            description={`${user.firstName} ${user.lastName} becomes ${USER_TYPE_LABELS[role]?.toLowerCase()}. Their sessions end now and they will sign in again.`}
          >
            <FormAlert problem={changeRole.error ? toProblem(changeRole.error) : null} className="mb-6" />
            <div className="flex flex-wrap gap-4">
              <Button
                size="sm"
                loading={changeRole.isPending}
                onClick={() =>
                  changeRole.mutate(role, {
                    onSuccess: (result) => {
                      setOpen(false);
                      toast({
                        title: `${result.user.firstName} is now ${USER_TYPE_LABELS[result.user.userType]?.toLowerCase()}`,
                        tone: 'success',
                      });
                    },
                  })
                }
              >
                Change role
              </Button>
              <DialogClose asChild>
                <Button variant="secondary" size="sm">
                  Cancel
                </Button>
              </DialogClose>
            </div>
          </DialogContent>
        </Dialog>
      )}
    </SettingsSection>
  );
}

function VipSection({ user }: { user: User }) {
  // Pending applications are few; the member's own is found among them.
  const pending = useVipApplications('PENDING', 100);
  const application = pending.data?.pages.flatMap((p) => p.applications).find((a) => a.userId === user.userId);
  return (
    <SettingsSection title="VIP membership" aside={user.tier === 'VIP' ? <Badge tone="gold">VIP</Badge> : undefined}>
      {user.tier === 'VIP' ? (
        <p className="text-ink-soft">A VIP member. Their profile views are recorded and shown to them.</p>
      ) : pending.isPending ? (
        <ListLoading rows={1} />
      ) : pending.isError ? (
        <ListError error={pending.error} />
      ) : application ? (
        <div className="space-y-8">
          <p className="text-ink-soft">Applied {formatDate(application.createdAt)}:</p>
          <blockquote className="border-l-2 border-gold pl-6 font-display text-xl leading-relaxed text-ink-soft italic">
            {application.note}
          </blockquote>
          <DecisionForm applicationId={application.applicationId} applicantName={`${user.firstName} ${user.lastName}`} />
        </div>
      ) : (
        <p className="text-stone">No application under review.</p>
      )}
    </SettingsSection>
  );
}
