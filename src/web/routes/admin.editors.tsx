import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Route } from './+types/admin.editors';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Dialog, DialogContent } from '../components/ui/dialog.tsx';
import { Field } from '../components/ui/field.tsx';
import { Input } from '../components/ui/input.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { useToast } from '../components/ui/toast.tsx';
import { PageTitle, SettingsSection } from '../features/account/components/settings-section.tsx';
import { formatDate, USER_TYPE_LABELS } from '../features/account/format.ts';
import type { UserType } from '../features/admin/api/members.ts';
import { useSession } from '../features/auth/session.tsx';
import { useContentEditors, useSetEditor, type ContentEditorGrant } from '../features/editorial/office-api.ts';
import { call, problemMessage, toProblem } from '../lib/api/problem.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'House editors — The house office',
    description: 'Who may write and publish the Journal.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

/** Who holds the house-editor permission, and granting or withdrawing it (administrators only, as the server says). */
export default function AdminEditors() {
  const editors = useContentEditors();
  const setEditor = useSetEditor();
  const { toast } = useToast();
  const [revoking, setRevoking] = useState<ContentEditorGrant | undefined>();
  const [revokeError, setRevokeError] = useState<string | undefined>();

  const revoke = async () => {
    if (!revoking) return;
    setRevokeError(undefined);
    try {
      await setEditor.mutateAsync({ userId: revoking.userId, grant: false });
      toast({ title: 'Permission withdrawn', description: `${revoking.name} no longer edits the Journal.`, tone: 'success' });
      setRevoking(undefined);
    } catch (error) {
      setRevokeError(problemMessage(toProblem(error)));
    }
  };

  return (
    <>
      <PageTitle
        eyebrow="The house office"
        title="House editors"
        lede="Staff who write, schedule and publish the Journal and review stylists’ articles. They see the Journal’s desk of the house office and nothing else of it."
      />
      <SettingsSection title="Holding the permission">
        {editors.isPending ? (
          <ListLoading />
        ) : editors.isError ? (
          <ListError error={editors.error} />
        ) : editors.data.length === 0 ? (
          <p className="border-y border-line py-10 text-center text-stone">Nobody holds it yet: administrators run the Journal alone.</p>
        ) : (
          <ul aria-label="House editors" className="divide-y divide-line border-y border-line">
            {editors.data.map((e) => (
              <li key={e.userId} className="flex flex-wrap items-center justify-between gap-4 py-5">
                <div className="min-w-0">
                  <Link
                    to={`/admin/members/${e.userId}`}
                    className="font-display text-xl text-ink underline decoration-line underline-offset-4 hover:decoration-ink"
                  >
                    {e.name}
                  </Link>
                  <p className="mt-1 text-sm text-ink-soft">
                    {e.userType ? USER_TYPE_LABELS[e.userType as UserType] : 'Closed account'} · editor since {formatDate(e.grantedAt)}
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  {!e.active && <Badge>Inactive</Badge>}
                  <Button size="sm" variant="secondary" onClick={() => setRevoking(e)} aria-label={`Withdraw ${e.name}’s permission`}>
                    Withdraw
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </SettingsSection>
      <GrantSection editorIds={new Set(editors.data?.map((e) => e.userId) ?? [])} />

      <Dialog open={!!revoking} onOpenChange={(open) => !open && setRevoking(undefined)}>
        <DialogContent
          title="Withdraw the permission?"
          description={
            revoking
              ? `${revoking.name} will no longer reach the Journal’s desk, nor publish or review. What they wrote stays, with its versions.`
              : undefined
          }
        >
          {revokeError && (
            <p role="alert" className="mb-6 text-sm text-danger">
              {revokeError}
            </p>
          )}
          <div className="flex flex-wrap gap-3">
            <Button loading={setEditor.isPending} onClick={() => void revoke()}>
              Withdraw the permission
            </Button>
            <Button variant="ghost" onClick={() => setRevoking(undefined)}>
              Keep it
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </>
  );
}

function GrantSection({ editorIds }: { editorIds: Set<string> }) {
  const [query, setQuery] = useState<string | undefined>();
  const [fieldError, setFieldError] = useState<string | undefined>();
  const { api } = useSession();
  // Stylists and partners, searched apart: clients (most accounts) never crowd them out of a page of answers.
  const members = useQuery({
    queryKey: ['admin', 'editor-candidates', query],
    queryFn: async () => {
      const pages = await Promise.all(
        (['STYLIST', 'BRAND_PARTNER'] as const).map((userType) =>
          call(api.GET('/api/v1/users', { params: { query: { query: query!, userType, maxResults: 25 } } })),
        ),
      );
      return pages.flatMap((p) => p.users);
    },
    enabled: query !== undefined,
  });
  const setEditor = useSetEditor();
  const { toast } = useToast();
  const searching = query !== undefined;
  const problem = members.error ? toProblem(members.error) : null;
  const staff = members.data ?? [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    if (value.length < 2) {
      setFieldError('Enter at least two letters of a name, or a full email address');
      return;
    }
    setFieldError(undefined);
    setQuery(value);
  }

  const grant = async (userId: string, name: string) => {
    try {
      await setEditor.mutateAsync({ userId, grant: true });
      toast({ title: 'House editor', description: `${name} may now write and publish the Journal.`, tone: 'success' });
    } catch (error) {
      toast({ title: `${name} was not made an editor`, description: problemMessage(toProblem(error)), tone: 'error' });
    }
  };

  return (
    <SettingsSection
      title="Grant the permission"
      description="Find a stylist or a partner’s staff account. Administrators run the Journal already; client accounts cannot be house editors."
    >
      <form onSubmit={submit} role="search" aria-label="Find staff" className="grid gap-6 sm:grid-cols-[1fr_auto] sm:items-end" noValidate>
        <Field label="Name or email" error={fieldError ?? problem?.field('query')}>
          {(p) => <Input {...p} name="q" type="search" placeholder="e.g. Laurent or camille@example.com" />}
        </Field>
        <Button type="submit" size="sm" className="h-12">
          Find
        </Button>
      </form>
      {searching && !fieldError && (
        <div className="mt-8">
          {members.isPending ? (
            <ListLoading />
          ) : members.isError && !problem?.field('query') ? (
            <ListError error={members.error} />
          ) : staff.length === 0 ? (
            <p className="border-y border-line py-8 text-center text-stone">No staff account matches “{query}”.</p>
          ) : (
            <ul aria-label="Staff found" className="divide-y divide-line border-y border-line">
              {staff.map((m) => {
                const name = `${m.firstName} ${m.lastName}`;
                const already = editorIds.has(m.userId);
                return (
                  <li key={m.userId} className="flex flex-wrap items-center justify-between gap-4 py-4">
                    <div className="min-w-0">
                      <p className="font-display text-lg text-ink">{name}</p>
                      <p className="mt-1 text-sm break-all text-stone">
                        {USER_TYPE_LABELS[m.userType]} · {m.email}
                      </p>
                    </div>
                    {already ? (
                      <Badge tone="gold">House editor</Badge>
                    ) : (
                      <Button size="sm" onClick={() => void grant(m.userId, name)} aria-label={`Make ${name} a house editor`}>
                        Make house editor
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </SettingsSection>
  );
}
