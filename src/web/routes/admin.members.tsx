import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Route } from './+types/admin.members';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { Input } from '../components/ui/input.tsx';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { formatDate, USER_TYPE_LABELS } from '../features/account/format.ts';
import { useMembers, type MemberFilters, type Tier, type UserType } from '../features/admin/api/members.ts';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { LoadMore } from '../components/ui/load-more.tsx';
import { Select } from '../components/ui/select.tsx';
import { Table, Td, Th, Tr } from '../features/admin/components/table.tsx';
import { FormAlert } from '../components/ui/form-alert.tsx';
import { toProblem } from '../lib/api/problem.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'Members — The house office', description: 'Members of StyleByZaga.', image: 'private-client-salon' }),
  { name: 'robots', content: 'noindex' },
];

const USER_TYPES: UserType[] = ['CLIENT', 'STYLIST', 'BRAND_PARTNER', 'ADMIN'];
const TIERS: Tier[] = ['STANDARD', 'VIP'];

/** Filters live in the address, so a search can be bookmarked, shared with a colleague, and survives Back. */
function filtersFrom(params: URLSearchParams): MemberFilters {
  const userType = params.get('type');
  const tier = params.get('tier');
  const query = params.get('q')?.trim();
  return {
    ...(query ? { query } : {}),
    ...(USER_TYPES.includes(userType as UserType) ? { userType: userType as UserType } : {}),
    ...(TIERS.includes(tier as Tier) ? { tier: tier as Tier } : {}),
  };
}

function securityOf(m: { mfaEnabled: boolean; mfaEnrollmentRequired: boolean }): string {
  return m.mfaEnabled ? 'Two-step on' : m.mfaEnrollmentRequired ? 'Two-step owed' : 'Password only';
}

export default function AdminMembers() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const members = useMembers(filters);
  const rows = members.data?.pages.flatMap((p) => p.users) ?? [];
  const problem = members.error ? toProblem(members.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const [key, value] of form) if (typeof value === 'string' && value.trim()) next.set(key, value.trim());
    setParams(next);
  }

  return (
    <>
      <PageTitle
        eyebrow="The house office"
        title="Members"
        lede="Clients, stylists, partners and administrators. Search by name, or by a full email address."
      />
      <form
        key={params.toString()}
        onSubmit={submit}
        role="search"
        aria-label="Find members"
        className="mb-12 grid gap-8 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
      >
        <Field label="Name or email" error={problem?.field('query')}>
          {(p) => <Input {...p} name="q" type="search" defaultValue={filters.query ?? ''} placeholder="e.g. Laurent or anna@example.com" />}
        </Field>
        <Field label="Account">
          {(p) => (
            <Select {...p} name="type" defaultValue={filters.userType ?? ''}>
              <option value="">All</option>
              {USER_TYPES.map((t) => (
                <option key={t} value={t}>
                  {USER_TYPE_LABELS[t]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Tier">
          {(p) => (
            <Select {...p} name="tier" defaultValue={filters.tier ?? ''}>
              <option value="">All</option>
              <option value="STANDARD">Standard</option>
              <option value="VIP">VIP</option>
            </Select>
          )}
        </Field>
        <Button type="submit" size="sm" className="h-12">
          Search
        </Button>
      </form>

      {members.isPending ? (
        <ListLoading />
      ) : members.isError ? (
        problem?.code === 'ValidationException' ? (
          <FormAlert problem={problem} fields={['query']} />
        ) : (
          <ListError error={members.error} />
        )
      ) : rows.length === 0 ? (
        <p className="border-y border-line py-10 text-center text-stone">No member matches this search.</p>
      ) : (
        <>
          {/* A phone gets one card per member; the ledger needs the width of a tablet. */}
          <ul aria-label="Members" className="divide-y divide-line border-y border-line md:hidden">
            {rows.map((m) => (
              <li key={m.userId} className="py-5">
                <div className="flex items-start justify-between gap-4">
                  <Link
                    to={`/admin/members/${m.userId}`}
                    className="font-display text-xl text-ink underline decoration-line underline-offset-4 hover:decoration-ink"
                  >
                    {m.firstName} {m.lastName}
                  </Link>
                  {m.tier === 'VIP' && <Badge tone="gold">VIP</Badge>}
                </div>
                <p className="mt-1 text-sm break-all text-stone">{m.email}</p>
                <p className="mt-2 text-sm text-ink-soft">
                  {USER_TYPE_LABELS[m.userType]} · {securityOf(m)} · joined {formatDate(m.createdAt)}
                </p>
              </li>
            ))}
          </ul>
          <div className="hidden md:block">
            <Table caption="Members">
              <thead>
                <tr>
                  <Th>Member</Th>
                  <Th>Account</Th>
                  <Th>Tier</Th>
                  <Th>Security</Th>
                  <Th>Joined</Th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <Tr key={m.userId}>
                    <Td>
                      <Link
                        to={`/admin/members/${m.userId}`}
                        className="font-display text-lg text-ink underline decoration-line underline-offset-4 hover:decoration-ink"
                      >
                        {m.firstName} {m.lastName}
                      </Link>
                      <span className="block text-stone">{m.email}</span>
                    </Td>
                    <Td>{USER_TYPE_LABELS[m.userType]}</Td>
                    <Td>{m.tier === 'VIP' ? <Badge tone="gold">VIP</Badge> : 'Standard'}</Td>
                    <Td>
                      <span className="block">{securityOf(m)}</span>
                      <span className="block text-stone">{m.emailVerified ? 'Email confirmed' : 'Email unconfirmed'}</span>
                    </Td>
                    <Td className="whitespace-nowrap">{formatDate(m.createdAt)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </div>
          <LoadMore
            shown={rows.length}
            noun={rows.length === 1 ? 'member' : 'members'}
            hasMore={members.hasNextPage}
            loading={members.isFetchingNextPage}
            onMore={() => void members.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}
