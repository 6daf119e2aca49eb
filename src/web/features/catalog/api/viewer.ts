import { useSession } from '../../auth/session.tsx';
import type { ApiClient } from '../../../lib/api/authed-client.ts';

/**
 * Who is looking, as far as the catalogue is concerned. The server rendered what the public may see; a VIP client,
 * a brand partner or an administrator may see more, so for them the lists are fetched again with their session.
 * Everyone else keeps the server's answer (the same for all of them), cached under one key.
 */
export type Viewer = { key: string; api: ApiClient; privileged: boolean; status: 'unknown' | 'signed-out' | 'signed-in'; isVip: boolean };

export function useViewer(): Viewer {
  const session = useSession();
  if (session.status !== 'signed-in') return { key: 'public', api: session.api, privileged: false, status: session.status, isVip: false };
  const { user } = session;
  const isVip = user.tier === 'VIP';
  const privileged = isVip || user.userType === 'ADMIN' || user.userType === 'BRAND_PARTNER';
  return { key: privileged ? `user:${user.userId}` : 'public', api: session.api, privileged, status: 'signed-in', isVip };
}
