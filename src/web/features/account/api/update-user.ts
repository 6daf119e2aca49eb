import { useMutation } from '@tanstack/react-query';
import type { components } from '../../../lib/api/schema.d.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import { call } from '../../../lib/api/problem.ts';
import { useSession, useSignedInUser } from '../../auth/session.tsx';

export type UpdateUserInput = components['schemas']['UpdateUserInputInput'];

/** UpdateUser for one account (oneself, or anyone for an admin). */
export function updateUser(api: ApiClient, userId: string, input: UpdateUserInput) {
  return call(api.PUT('/api/v1/users/{userId}', { params: { path: { userId } }, body: input }));
}

/** Updates the signed-in account and puts the server's answer into the session. */
export function useUpdateMe() {
  const session = useSession();
  const user = useSignedInUser();
  return useMutation({
    mutationFn: (input: UpdateUserInput) => updateUser(session.api, user.userId, input),
    onSuccess: (result) => session.setUser(result.user),
  });
}
