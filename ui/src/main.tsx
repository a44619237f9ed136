import { createHashHistory } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./app/App";
import { repairNavigatorLanguage } from "./i18n/language";
import { runningInTauri, tauriClient, type IpcClient } from "./ipc";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/shell.css";
import "./styles/components.css";

// Outside Tauri (the dev server opened in a browser) the UI runs on the in-memory backend.
async function backend(): Promise<IpcClient> {
  if (runningInTauri()) return tauriClient;
  const { createMockBackend } = await import("./ipc/mock");
  return createMockBackend();
}

repairNavigatorLanguage();

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");

// Hash history: the page is served from the app's own protocol, where only index.html exists, so
// the route must live after the `#` to survive a reload.
const client = await backend();
createRoot(root).render(
  <StrictMode>
    <App client={client} history={createHashHistory()} />
  </StrictMode>,
);
