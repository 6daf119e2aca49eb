import { useOutletContext } from 'react-router';
import type { Stylist } from './api/stylists.ts';

/** The signed-in stylist's profile, for the pages inside the studio (routes/studio.tsx provides it). */
export function useStudioStylist(): Stylist {
  return useOutletContext<Stylist>();
}
