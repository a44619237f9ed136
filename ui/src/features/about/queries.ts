import { useQuery } from "@tanstack/react-query";

import { useIpc, type AppInfo, type CommandError } from "../../ipc";

export const aboutKeys = {
  all: ["about"] as const,
  appInfo: () => [...aboutKeys.all, "appInfo"] as const,
  licenses: () => [...aboutKeys.all, "licenses"] as const,
};

export type Ecosystem = "npm" | "cargo";

export interface LicenseEntry {
  ecosystem: Ecosystem;
  name: string;
  version: string;
  license: string;
}

export function useAppInfo() {
  const client = useIpc();
  return useQuery<AppInfo, CommandError>({
    queryKey: aboutKeys.appInfo(),
    queryFn: () => client.appInfo(),
    staleTime: Infinity,
  });
}

function isEcosystem(value: string): value is Ecosystem {
  return value === "npm" || value === "cargo";
}

/** The bundled-component list, loaded on demand so it stays out of the startup bundle. */
async function loadLicenses(): Promise<LicenseEntry[]> {
  const { default: entries } = await import("../../generated/licenses.json");
  return entries.flatMap((entry) =>
    isEcosystem(entry.ecosystem) ? [{ ...entry, ecosystem: entry.ecosystem }] : [],
  );
}

export function useLicenses() {
  return useQuery<LicenseEntry[]>({
    queryKey: aboutKeys.licenses(),
    queryFn: loadLicenses,
    staleTime: Infinity,
  });
}
