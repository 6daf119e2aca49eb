import type { ApiClient } from '../../lib/api/authed-client.ts';
import { visitorTimeZone } from '../stylists/time.ts';

/**
 * Letters speak in the reader's own time (a session confirmed "at 09:00 your time (15:00 in Milan)"), so the server
 * needs the zone the person lives in: the browser's, told once per person and zone. Remembered in localStorage so a
 * page load costs nothing when nothing changed; a failure is silent (the letter then names the place's time).
 */
export async function tellReaderZone(api: ApiClient, userId: string): Promise<void> {
  const zone = visitorTimeZone();
  const key = `sbz.zone-told.${userId}`;
  try {
    if (localStorage.getItem(key) === zone) return;
    const { data } = await api.GET('/api/v1/me/notification-settings');
    if (data && data.timeZone !== zone) {
      const { response } = await api.PUT('/api/v1/me/notification-settings', { body: { timeZone: zone } });
      if (!response.ok) return;
    }
    localStorage.setItem(key, zone);
  } catch {
    // Private mode or offline: try again on the next visit.
  }
}
