import { useMutation, useQuery } from "@tanstack/react-query";

import {
  useIpc,
  type BulkOutcome,
  type BulkPlan,
  type CommandError,
  type Matrix,
  type PermissionList,
  type Scope,
  type Wanted,
} from "../../ipc";
import { journalKeys } from "../journal/queries";

export const permissionKeys = {
  all: ["permissions"] as const,
  profile: (profileId: string) => [...permissionKeys.all, profileId] as const,
  list: (profileId: string, scope: Scope) =>
    [...permissionKeys.profile(profileId), "list", scope.organization, scope.image ?? ""] as const,
  organizationMatrix: (profileId: string) => [...permissionKeys.profile(profileId), "organizationMatrix"] as const,
  imageMatrix: (profileId: string, organization: string, images: readonly string[]) =>
    [...permissionKeys.profile(profileId), "imageMatrix", organization, ...images] as const,
};

export function usePermissionList(profileId: string, scope: Scope) {
  const client = useIpc();
  return useQuery<PermissionList, CommandError>({
    queryKey: permissionKeys.list(profileId, scope),
    queryFn: () => client.listPermissions(profileId, scope),
  });
}

/** Users × every organization; its users are the IAM users the picker knows. */
export function useOrganizationMatrix(profileId: string) {
  const client = useIpc();
  return useQuery<Matrix, CommandError>({
    queryKey: permissionKeys.organizationMatrix(profileId),
    queryFn: () => client.organizationMatrix(profileId, []),
  });
}

/** Users × the given images of one organization. */
export function useImageMatrix(profileId: string, organization: string, images: readonly string[], enabled: boolean) {
  const client = useIpc();
  return useQuery<Matrix, CommandError>({
    queryKey: permissionKeys.imageMatrix(profileId, organization, images),
    queryFn: () => client.imageMatrix(profileId, organization, [...images]),
    enabled,
  });
}

export function usePlanPermissions(profileId: string) {
  const client = useIpc();
  return useMutation<BulkPlan, CommandError, Wanted[]>({
    mutationFn: (wanted) => client.planPermissions(profileId, wanted),
  });
}

/** Applying changes every list and matrix of the profile, and adds journal entries. */
export function useApplyPermissions(profileId: string) {
  const client = useIpc();
  return useMutation<BulkOutcome, CommandError, BulkPlan>({
    mutationFn: (plan) => client.applyPermissions(profileId, plan),
    meta: { invalidates: [permissionKeys.profile(profileId), journalKeys.all] },
  });
}
