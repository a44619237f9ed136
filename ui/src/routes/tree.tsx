// The route tree, declared in code. Each feature adds its screens here; the sidebar links only to
// routes that exist, and `/` lands on the first working section.

import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  redirect,
  type RouterHistory,
} from "@tanstack/react-router";

import { NotFoundScreen } from "../app/NotFoundScreen";
import { ScreenError } from "../app/ScreenError";
import { Shell } from "../app/Shell";
import { ProfilesScreen } from "../features/profiles/ProfilesScreen";
import { SettingsScreen } from "../features/settings/SettingsScreen";
import { UploadsScreen } from "../features/uploads/UploadsScreen";

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Shell,
  notFoundComponent: NotFoundScreen,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect protocol
    throw redirect({ to: "/uploads", replace: true });
  },
});

const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/settings",
  component: SettingsScreen,
});

const uploadsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/uploads",
  component: UploadsScreen,
});

const profilesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/profiles",
  component: ProfilesScreen,
});

export const routeTree = rootRoute.addChildren([indexRoute, uploadsRoute, profilesRoute, settingsRoute]);

export function createAppRouter(options: { history: RouterHistory; queryClient: QueryClient }) {
  return createRouter({
    routeTree,
    history: options.history,
    context: { queryClient: options.queryClient },
    defaultErrorComponent: ScreenError,
    defaultPreload: false,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
