// The route tree, declared in code. Each feature adds its screens here; the sidebar links only to
// routes that exist, and `/` lands on Uploads while files wait there, on the credential wizard
// while there is no profile, on the Dashboard otherwise.

import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type RouterHistory,
} from "@tanstack/react-router";

import { NotFoundScreen } from "../app/NotFoundScreen";
import { ScreenError } from "../app/ScreenError";
import { Shell } from "../app/Shell";
import { profileKeys } from "../features/profiles/queries";
import { ProfilesScreen } from "../features/profiles/ProfilesScreen";
import { SettingsScreen } from "../features/settings/SettingsScreen";
import { isUnfinished } from "../features/uploads/itemStatus";
import { uploadsViewQuery } from "../features/uploads/queries";
import { UploadsScreen } from "../features/uploads/UploadsScreen";
import type { IpcClient } from "../ipc";

export interface RouterContext {
  queryClient: QueryClient;
  client: IpcClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Shell,
  notFoundComponent: NotFoundScreen,
});

/**
 * Uploads while an item is not finished; the credential wizard (Profiles) when there is no
 * profile yet, since no other screen can show anything without one; the Dashboard otherwise.
 * The lists read here stay cached for the screens.
 */
async function landing({ queryClient, client }: RouterContext): Promise<"/uploads" | "/dashboard" | "/profiles"> {
  try {
    // Cached data as it is, or a first read (what `ensureQueryData` did before it was deprecated).
    const view = await queryClient.query({ ...uploadsViewQuery(client), staleTime: "static" });
    if (view.items.some(isUnfinished)) return "/uploads";
  } catch {
    // Uploads says why the list could not be read and offers to read it again.
    return "/uploads";
  }
  try {
    const profiles = await queryClient.query({
      queryKey: profileKeys.list(),
      queryFn: () => client.listProfiles(),
      staleTime: "static",
    });
    return profiles.profiles.length === 0 ? "/profiles" : "/dashboard";
  } catch {
    // The Dashboard shows what it can and says what failed.
    return "/dashboard";
  }
}

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: async ({ context }) => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect protocol
    throw redirect({ to: await landing(context), replace: true });
  },
});

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/dashboard",
  // Loaded when first opened, with the chart library, keeping both out of the startup bundle.
  component: lazyRouteComponent(() => import("../features/dashboard/DashboardScreen"), "DashboardScreen"),
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

/**
 * `?organization=` opens the list filtered to one organization (the Organizations screen links
 * so); `?scope=shared` opens the images other accounts share with this one.
 */
export interface ImagesSearch {
  organization?: string;
  scope?: "shared";
}

const imagesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/images",
  validateSearch: (search: Record<string, unknown>): ImagesSearch => {
    const organization = search["organization"];
    // The router reads `?organization=123` as a number.
    return {
      ...(typeof organization === "string" || typeof organization === "number" ? { organization: String(organization) } : {}),
      ...(search["scope"] === "shared" ? { scope: "shared" as const } : {}),
    };
  },
  // The browsing screens load when first opened, keeping them out of the startup bundle.
  component: lazyRouteComponent(() => import("../features/browse/ImagesScreen"), "ImagesScreen"),
});

// The image name may hold `/`: the router encodes each parameter (`a/b` → `a%2Fb`) and decodes
// it again, so `$image` is always one path segment.
const imageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/images/$org/$image",
  beforeLoad: ({ params }) => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect protocol
    throw redirect({ to: "/images/$org/$image/$tab", params: { ...params, tab: "overview" }, replace: true });
  },
});

// An unknown `$tab` is sent to the first tab by the page, which owns the list of tabs.
const imageTabRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/images/$org/$image/$tab",
  component: lazyRouteComponent(() => import("../features/browse/ImagePage"), "ImagePage"),
});

const organizationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/organizations",
  component: lazyRouteComponent(() => import("../features/browse/OrganizationsScreen"), "OrganizationsScreen"),
});

const organizationUsersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/organizations/$org/users",
  component: lazyRouteComponent(() => import("../features/permissions/OrganizationUsersScreen"), "OrganizationUsersScreen"),
});

/** `?organization=` shows the images of one organization instead of every organization. */
export interface PermissionsSearch {
  organization?: string;
}

const permissionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/permissions",
  validateSearch: (search: Record<string, unknown>): PermissionsSearch => {
    const organization = search["organization"];
    return typeof organization === "string" || typeof organization === "number" ? { organization: String(organization) } : {};
  },
  component: lazyRouteComponent(() => import("../features/permissions/PermissionsScreen"), "PermissionsScreen"),
});

const journalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/journal",
  component: lazyRouteComponent(() => import("../features/journal/JournalScreen"), "JournalScreen"),
});

const profilesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/profiles",
  component: ProfilesScreen,
});

export const routeTree = rootRoute.addChildren([
  indexRoute,
  dashboardRoute,
  uploadsRoute,
  imagesRoute,
  imageRoute,
  imageTabRoute,
  organizationsRoute,
  organizationUsersRoute,
  permissionsRoute,
  journalRoute,
  profilesRoute,
  settingsRoute,
]);

export function createAppRouter(options: { history: RouterHistory; queryClient: QueryClient; client: IpcClient }) {
  return createRouter({
    routeTree,
    history: options.history,
    context: { queryClient: options.queryClient, client: options.client },
    defaultErrorComponent: ScreenError,
    defaultPreload: false,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
