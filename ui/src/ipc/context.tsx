import { createContext, useContext, type ReactNode } from "react";

import type { IpcClient } from "./client";

const IpcContext = createContext<IpcClient | null>(null);

/** Makes one backend client available to the tree; the app passes the Tauri client, tests a mock. */
export function IpcProvider({ client, children }: { client: IpcClient; children: ReactNode }) {
  return <IpcContext value={client}>{children}</IpcContext>;
}

export function useIpc(): IpcClient {
  const client = useContext(IpcContext);
  if (client === null) throw new Error("useIpc must be used inside an IpcProvider");
  return client;
}
