import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../lib/api/authed-client.ts';
import { ApiProblem, call } from '../../lib/api/problem.ts';
import type { components } from '../../lib/api/schema.d.ts';
import { useSession } from '../auth/session.tsx';
import type { Content } from './api.ts';

/** The writing desk's data: the writer's role, a piece's versions, their diff and restore, the picture library, the editors. */

export type EditorialRole = components['schemas']['EditorialRoleOutput']['role'];
export type ContentVersion = components['schemas']['ContentVersion'];
export type ContentDiff = components['schemas']['ContentDiff'];
export type LibraryPicture = components['schemas']['LibraryPicture'];
export type ContentEditorGrant = components['schemas']['ContentEditor'];

/** ADMIN or EDITOR (the house's whole desk), STYLIST (their own articles), or null (no desk). */
export function editorialRoleQueryOptions(api: ApiClient, userId: string | undefined) {
  return queryOptions({
    queryKey: ['editorial', 'role', userId],
    queryFn: async () => (await call(api.GET('/api/v1/content-editors/me'))).role,
    staleTime: 60_000,
  });
}

export function useEditorialRole(enabled = true) {
  const session = useSession();
  const userId = session.status === 'signed-in' ? session.user.userId : undefined;
  return useQuery({ ...editorialRoleQueryOptions(session.api, userId), enabled: enabled && !!userId });
}

export function useVersions(contentId: string, currentVersion: number) {
  const { api } = useSession();
  return useQuery({
    // Keyed by the version the editor holds: a save or a restore lists the new one.
    queryKey: ['editorial', 'versions', contentId, currentVersion],
    queryFn: async () => (await call(api.GET('/api/v1/content/{contentId}/versions', { params: { path: { contentId } } }))).versions,
  });
}

export function useDiff(contentId: string, pair: { from: number; to: number } | undefined) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['editorial', 'diff', contentId, pair?.from, pair?.to],
    queryFn: () =>
      call(api.GET('/api/v1/content/{contentId}/diff', { params: { path: { contentId }, query: { from: pair!.from, to: pair!.to } } })),
    enabled: !!pair,
  });
}

/** A restore refused because someone saved since: the piece as it now is. */
export class StaleRestore extends Error {
  constructor(readonly current: Content) {
    super('Someone saved this piece since you opened it');
  }
}

export function useRestoreVersion(contentId: string) {
  const { api } = useSession();
  return useMutation({
    mutationFn: async ({ version, expectedVersion }: { version: number; expectedVersion: number }) => {
      const result = await api.POST('/api/v1/content/{contentId}/versions/{version}/restore', {
        params: { path: { contentId, version } },
        body: { expectedVersion },
      });
      if (result.response.status === 409) throw new StaleRestore((result.error as unknown as { current: Content }).current);
      return (await call(Promise.resolve(result))).content;
    },
  });
}

export function usePictureLibrary(enabled: boolean) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['editorial', 'pictures'],
    queryFn: async () => (await call(api.GET('/api/v1/content-media'))).pictures,
    enabled,
  });
}

/** Uploads a picture for the Journal (re-encoded and stripped by the server); the library lists it first. */
export function useUploadPicture() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('purpose', 'EDITORIAL');
      form.append('file', file);
      const result = await api.POST('/api/v1/media', { body: form as never, bodySerializer: (body: unknown) => body as FormData });
      if (result.error || !result.data) throw new ApiProblem(result.response.status, result.error as never);
      return result.data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['editorial', 'pictures'] }),
  });
}

export function useContentEditors() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['editorial', 'editors'],
    queryFn: async () => (await call(api.GET('/api/v1/content-editors'))).editors,
  });
}

export function useSetEditor() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, grant }: { userId: string; grant: boolean }) =>
      grant
        ? call(api.PUT('/api/v1/content-editors/{userId}', { params: { path: { userId } } }))
        : call(api.DELETE('/api/v1/content-editors/{userId}', { params: { path: { userId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['editorial'] }),
  });
}
