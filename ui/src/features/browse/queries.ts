import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

import {
  useIpc,
  type CommandError,
  type CopyOutcome,
  type DeletionOutcome,
  type DeletionPlan,
  type ImageOverview,
  type ImageQuery,
  type ImageWindow,
  type ImageRow,
  type IpcClient,
  type IndexStatus,
  type Inspection,
  type OrganizationRow,
  type TagQuery,
  type TagsStatus,
  type TagWindow,
} from "../../ipc";
import { organizationKeys } from "../organizations/queries";
import { useBackendEvent } from "../../ipc/useBackendEvent";

/** Rows asked of the backend at a time; one window is far taller than any screen. */
export const PAGE_SIZE = 200;
/**
 * How long a page nobody shows stays in memory. Pages are slices of an index held by the backend
 * and come back in one round trip, so a long list scrolled end to end keeps only the pages of the
 * last seconds rather than all of them.
 */
export const PAGE_GC_MS = 20_000;
/**
 * A page never goes stale by itself: its key names the build of the index it is a slice of, and
 * whatever changes that index (a rebuild, a deletion, a copy, a push) gives a new build or
 * invalidates its pages. So a page asked ahead of showing it is not asked again when it shows.
 */
const PAGE_STALE_MS = Infinity;

export const browseKeys = {
  all: ["browse"] as const,
  profile: (profileId: string) => [...browseKeys.all, profileId] as const,
  index: (profileId: string) => [...browseKeys.profile(profileId), "index"] as const,
  // Windows depend on when the index was built, so a rebuilt index never shows a stale window.
  imagesOf: (profileId: string) => [...browseKeys.profile(profileId), "images"] as const,
  imagePage: (profileId: string, builtAt: number, query: ImageQuery, offset: number) =>
    [...browseKeys.imagesOf(profileId), builtAt, query, offset] as const,
  image: (profileId: string, organization: string, image: string) =>
    [...browseKeys.profile(profileId), "image", organization, image] as const,
  overview: (profileId: string, organization: string, image: string) =>
    [...browseKeys.image(profileId, organization, image), "overview"] as const,
  tags: (profileId: string, organization: string, image: string) =>
    [...browseKeys.image(profileId, organization, image), "tags"] as const,
  tagPage: (profileId: string, organization: string, image: string, loadedAt: number, query: TagQuery, offset: number) =>
    [...browseKeys.tags(profileId, organization, image), loadedAt, query, offset] as const,
  platforms: (profileId: string, organization: string, image: string, digest: string) =>
    [...browseKeys.image(profileId, organization, image), "platforms", digest] as const,
  inspection: (profileId: string, organization: string, image: string, reference: string) =>
    [...browseKeys.image(profileId, organization, image), "inspect", reference] as const,
  sharedWithMe: (profileId: string) => [...browseKeys.profile(profileId), "sharedWithMe"] as const,
  // Under the key the create-organization mutation already invalidates.
  organizationRows: (profileId: string) => [...organizationKeys.of(profileId), "rows"] as const,
};

/** An image as the routes name it. */
export interface ImageRef {
  profileId: string;
  organization: string;
  image: string;
}

export function useImageIndex(profileId: string | null) {
  const client = useIpc();
  return useQuery<IndexStatus, CommandError>({
    queryKey: browseKeys.index(profileId ?? ""),
    queryFn: () => client.loadImageIndex(profileId ?? "", false),
    enabled: profileId !== null,
  });
}

/** One page of the image list; while the next page loads, the previous one stays on screen. */
export function imagePageQuery(client: IpcClient, profileId: string, index: IndexStatus | undefined, query: ImageQuery, offset: number) {
  return queryOptions<ImageWindow, CommandError>({
    queryKey: browseKeys.imagePage(profileId, index?.refreshedAt ?? 0, query, offset),
    queryFn: () => client.queryImages(profileId, query, offset, PAGE_SIZE),
    enabled: index !== undefined,
    placeholderData: keepPreviousData,
    gcTime: PAGE_GC_MS,
    staleTime: PAGE_STALE_MS,
  });
}

export function useImagePage(profileId: string, index: IndexStatus | undefined, query: ImageQuery, offset: number) {
  return useQuery(imagePageQuery(useIpc(), profileId, index, query, offset));
}

/** Rebuilds the index from SWR; every window and count is read again after. */
export function useRefreshIndex(profileId: string) {
  const client = useIpc();
  const queryClient = useQueryClient();
  return useMutation<IndexStatus, CommandError>({
    mutationFn: () => client.loadImageIndex(profileId, true),
    onSuccess: (status) => {
      queryClient.setQueryData(browseKeys.index(profileId), status);
    },
    meta: { invalidates: [browseKeys.imagesOf(profileId), browseKeys.organizationRows(profileId)] },
  });
}

/** Images other accounts share with this one: a few, read whole. */
export function useSharedWithMe(profileId: string) {
  const client = useIpc();
  return useQuery<ImageRow[], CommandError>({
    queryKey: browseKeys.sharedWithMe(profileId),
    queryFn: () => client.sharedWithMe(profileId),
  });
}

export function useImageOverview({ profileId, organization, image }: ImageRef) {
  const client = useIpc();
  return useQuery<ImageOverview, CommandError>({
    queryKey: browseKeys.overview(profileId, organization, image),
    queryFn: () => client.imageOverview(profileId, organization, image),
  });
}

export function useTagsStatus({ profileId, organization, image }: ImageRef) {
  const client = useIpc();
  return useQuery<TagsStatus, CommandError>({
    queryKey: browseKeys.tags(profileId, organization, image),
    queryFn: () => client.loadTags(profileId, organization, image, false),
  });
}

/** The key, call and cache time of one page of tags, for the list and for asking ahead. */
function tagPage(client: IpcClient, { profileId, organization, image }: ImageRef, refreshedAt: number, query: TagQuery, offset: number) {
  return {
    queryKey: browseKeys.tagPage(profileId, organization, image, refreshedAt, query, offset),
    queryFn: () => client.queryTags(profileId, organization, image, query, offset, PAGE_SIZE),
    gcTime: PAGE_GC_MS,
    staleTime: PAGE_STALE_MS,
  };
}

/** One page of an image's tags; while the next page loads, the previous one stays on screen. */
export function tagPageQuery(client: IpcClient, ref: ImageRef, status: TagsStatus | undefined, query: TagQuery, offset: number) {
  return queryOptions<TagWindow, CommandError>({
    ...tagPage(client, ref, status?.refreshedAt ?? 0, query, offset),
    enabled: status !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useTagPage(ref: ImageRef, status: TagsStatus | undefined, query: TagQuery, offset: number) {
  return useQuery(tagPageQuery(useIpc(), ref, status, query, offset));
}

/**
 * Fetches the first page of tags under `query` and resolves once it is there, whether it came or
 * failed: a list that switches to a new query when this resolves shows its rows in one render,
 * instead of first drawing the old rows and then the new ones. Null when there is nothing to wait
 * for (the page is in the cache), so the list can switch in the same frame as the keystroke.
 */
export function usePrepareTagPage(ref: ImageRef, status: TagsStatus | undefined) {
  const client = useIpc();
  const queryClient = useQueryClient();
  return useCallback(
    (query: TagQuery): Promise<void> | null => {
      if (status === undefined) return null;
      const page = tagPage(client, ref, status.refreshedAt, query, 0);
      if (queryClient.getQueryData(page.queryKey) !== undefined) return null;
      return (
        queryClient
          .query<TagWindow, CommandError>(page)
          .then(() => undefined)
          // The list's own query shows a failure.
          .catch(() => undefined)
      );
    },
    [client, queryClient, ref, status],
  );
}

export function useRefreshTags(ref: ImageRef) {
  const client = useIpc();
  const queryClient = useQueryClient();
  const { profileId, organization, image } = ref;
  return useMutation<TagsStatus, CommandError>({
    mutationFn: () => client.loadTags(profileId, organization, image, true),
    onSuccess: (status) => {
      queryClient.setQueryData(browseKeys.tags(profileId, organization, image), status);
    },
    meta: { invalidates: [browseKeys.overview(profileId, organization, image)] },
  });
}

export function useInspection(ref: ImageRef, reference: string | null) {
  const client = useIpc();
  const { profileId, organization, image } = ref;
  return useQuery<Inspection, CommandError>({
    queryKey: browseKeys.inspection(profileId, organization, image, reference ?? ""),
    queryFn: () => client.inspectTag(profileId, organization, image, reference ?? ""),
    enabled: reference !== null,
    // A manifest read by digest never changes; the backend keeps it too.
    staleTime: Infinity,
  });
}

/** The plan is asked once per dialog: it is a preview of a deletion, not data worth caching. */
export function usePlanDeletion(ref: ImageRef) {
  const client = useIpc();
  return useMutation<DeletionPlan, CommandError, string[]>({
    mutationFn: (references) => client.planTagDeletion(ref.profileId, ref.organization, ref.image, references),
  });
}

export function useDeleteTags(ref: ImageRef) {
  const client = useIpc();
  const { profileId, organization, image } = ref;
  return useMutation<DeletionOutcome, CommandError, string[]>({
    mutationFn: (tags) => client.deleteTags(profileId, organization, image, tags),
    meta: {
      invalidates: [
        browseKeys.image(profileId, organization, image),
        browseKeys.index(profileId),
        browseKeys.imagesOf(profileId),
        browseKeys.organizationRows(profileId),
      ],
    },
  });
}

export function useCopyTag(profileId: string) {
  const client = useIpc();
  return useMutation<CopyOutcome, CommandError, { source: string; target: string }>({
    mutationFn: ({ source, target }) => client.copyTag(profileId, source, target),
    // The target may be a new image or organization anywhere in the index.
    meta: { invalidates: [browseKeys.profile(profileId), browseKeys.organizationRows(profileId)] },
  });
}

export function useOrganizationRows(profileId: string | null) {
  const client = useIpc();
  return useQuery<OrganizationRow[], CommandError>({
    queryKey: browseKeys.organizationRows(profileId ?? ""),
    queryFn: () => client.listOrganizationRows(profileId ?? ""),
    enabled: profileId !== null,
  });
}

export function useDeleteOrganization(profileId: string) {
  const client = useIpc();
  return useMutation<unknown, CommandError, string>({
    mutationFn: (name) => client.deleteOrganization(profileId, name),
    meta: { invalidates: [organizationKeys.all, browseKeys.index(profileId)] },
  });
}

/**
 * A push ended and the backend's image index took it in: what was read from the index (lists,
 * counts, the dashboard's totals, the image's tags) is read again, on any screen showing it.
 */
export function useImagesChangedRefresh() {
  const client = useIpc();
  const queryClient = useQueryClient();
  useBackendEvent(client.onImagesChanged, (profileId) => {
    void queryClient.invalidateQueries({ queryKey: browseKeys.profile(profileId) });
    void queryClient.invalidateQueries({ queryKey: browseKeys.organizationRows(profileId) });
  });
}
