import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { RouterProvider, type RouterHistory } from "@tanstack/react-router";
import { useState } from "react";
import { I18nextProvider } from "react-i18next";

import { PreferencesSync } from "../features/settings/PreferencesSync";
import { createI18n } from "../i18n";
import { languageFromTag } from "../i18n/language";
import { IpcProvider, type IpcClient } from "../ipc";
import { createAppRouter } from "../routes/tree";
import { createQueryClient } from "./queryClient";

export interface AppProps {
  client: IpcClient;
  history: RouterHistory;
  queryClient?: QueryClient;
}

/** The whole UI over one backend client; `main.tsx` passes the Tauri client, tests a mock. */
export function App({ client, history, queryClient }: AppProps) {
  const [queries] = useState(() => queryClient ?? createQueryClient());
  const [i18n] = useState(() => createI18n(languageFromTag(navigator.language)));
  const [router] = useState(() => createAppRouter({ history, queryClient: queries, client }));

  return (
    <IpcProvider client={client}>
      <QueryClientProvider client={queries}>
        <I18nextProvider i18n={i18n}>
          <PreferencesSync>
            <RouterProvider router={router} />
          </PreferencesSync>
        </I18nextProvider>
      </QueryClientProvider>
    </IpcProvider>
  );
}
