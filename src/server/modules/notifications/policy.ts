/** Notifications' access rules: every route acts on the caller's own notices and devices (`authenticated`). */
import type { PolicyTable } from '../../http/auth.ts';

export const policies = {} satisfies PolicyTable;
