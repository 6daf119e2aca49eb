import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { useSession } from '../../auth/session.tsx';
import { enablePush, rememberAnswer, shouldInvite } from '../push.ts';

const WHY = {
  message: 'Shall we tell you on this device when the answer comes?',
  booking: 'Shall we tell you on this device the moment your stylist answers?',
  enquiry: 'Shall we tell you on this device when the house replies?',
} as const;

/**
 * The push question, asked in place and only after something worth hearing back about (a first message sent, a session
 * or a piece requested): never on a first visit, never again for a month after "Not now", never where the browser
 * cannot or was already asked. Nothing is registered until the person says yes.
 */
export function PushInvitation({ reason, className }: { reason: keyof typeof WHY; className?: string }) {
  const session = useSession();
  const { api } = session;
  const userId = session.status === 'signed-in' ? session.user.userId : undefined;
  const [state, setState] = useState<'hidden' | 'asking' | 'working' | 'on' | 'failed'>('hidden');
  useEffect(() => {
    let live = true;
    void shouldInvite().then(
      (ask) => live && ask && setState('asking'),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  if (state === 'hidden' || !userId) return null;
  if (state === 'on')
    return (
      <p role="status" className={`border-l-2 border-gold bg-sand/70 px-5 py-4 text-sm text-ink ${className ?? ''}`}>
        Done. This device will tell you, discreetly.
      </p>
    );

  const allow = async () => {
    setState('working');
    try {
      const result = await enablePush(api, userId);
      if (result === 'on') setState('on');
      else {
        rememberAnswer();
        setState('hidden');
      }
    } catch {
      setState('failed');
    }
  };

  return (
    <aside
      aria-label="Notifications on this device"
      className={`flex flex-wrap items-center justify-between gap-x-8 gap-y-4 border border-line bg-sand/70 px-5 py-4 ${className ?? ''}`}
    >
      <div className="min-w-0 flex-1 basis-64">
        <p className="eyebrow text-gold-deep">On this device</p>
        <p className="mt-1 text-sm leading-relaxed text-ink">
          {state === 'failed'
            ? 'This browser could not turn notifications on. You may try again from your notification preferences.'
            : WHY[reason]}{' '}
          {state !== 'failed' && <span className="text-stone">A short line and a link — never a name, never the words of a message.</span>}
        </p>
      </div>
      <div className="flex items-center gap-6">
        {state !== 'failed' && (
          <Button size="sm" loading={state === 'working'} onClick={() => void allow()}>
            Allow
          </Button>
        )}
        <button
          type="button"
          className="eyebrow text-stone transition-colors hover:text-ink"
          onClick={() => {
            rememberAnswer();
            setState('hidden');
          }}
        >
          {state === 'failed' ? 'Close' : 'Not now'}
        </button>
      </div>
    </aside>
  );
}
