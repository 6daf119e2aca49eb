import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import type { components } from '../../../lib/api/schema.d.ts';
import { problemMessage, toProblem } from '../../../lib/api/problem.ts';
import { useRevokeOtherSessions, useRevokeSession, useSessions } from '../api/sessions.ts';
import { describeDevice, formatAgo, formatDate } from '../format.ts';
import { SettingsSection } from './settings-section.tsx';

type Session = components['schemas']['Session'];

/** Where the account is signed in; any session but this one can be ended from here. */
export function SessionsSettings() {
  const sessions = useSessions();
  const revokeOthers = useRevokeOtherSessions();
  const { toast } = useToast();
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  return (
    <SettingsSection title="Where you are signed in" description="If you do not recognise a device, sign it out and change your password.">
      {sessions.isPending ? (
        <div aria-busy="true" className="space-y-3">
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-16 w-full" />
        </div>
      ) : sessions.isError ? (
        <p role="alert" className="text-danger">
          {problemMessage(toProblem(sessions.error))}
        </p>
      ) : (
        <ul aria-label="Active sessions" className="divide-y divide-line border-y border-line">
          {sessions.data.map((session) => (
            <SessionRow key={session.sessionId} session={session} />
          ))}
        </ul>
      )}
      {others > 0 && (
        <div className="mt-8 space-y-3">
          <Button
            variant="secondary"
            size="sm"
            loading={revokeOthers.isPending}
            onClick={() =>
              revokeOthers.mutate(undefined, {
                onSuccess: (result) =>
                  toast({
                    title: result.revoked === 1 ? 'One other session signed out' : `${result.revoked} other sessions signed out`,
                    tone: 'success',
                  }),
              })
            }
          >
            Sign out all other sessions
          </Button>
          {revokeOthers.isError && (
            <p role="alert" className="text-sm text-danger">
              {problemMessage(toProblem(revokeOthers.error))}
            </p>
          )}
        </div>
      )}
    </SettingsSection>
  );
}

function SessionRow({ session }: { session: Session }) {
  const revoke = useRevokeSession();
  const device = describeDevice(session.userAgent);
  return (
    <li className="flex flex-wrap items-center justify-between gap-4 py-5">
      <div>
        <p className="flex flex-wrap items-center gap-3 font-display text-xl text-ink">
          {device}
          {session.current && <Badge tone="gold">This device</Badge>}
        </p>
        <p className="mt-1 text-sm text-stone">
          Signed in {formatDate(session.createdAt)} · active {formatAgo(session.lastUsedAt)}
          {session.ip ? ` · ${session.ip}` : ''}
        </p>
        {revoke.isError && (
          <p role="alert" className="mt-2 text-sm text-danger">
            {problemMessage(toProblem(revoke.error))}
          </p>
        )}
      </div>
      {!session.current && (
        <Button
          variant="ghost"
          size="sm"
          loading={revoke.isPending}
          onClick={() => revoke.mutate(session.sessionId)}
          aria-label={`Sign out this session: ${device}, signed in ${formatDate(session.createdAt)}`}
        >
          Sign out this session
        </Button>
      )}
    </li>
  );
}
