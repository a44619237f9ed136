// The dashboard on the in-memory backend. It serves the fixture a test gives, as it is: which
// shares end within the week, what the quotas count and which parts failed are worked out in Rust.

import type { Dashboard, IpcClient, IpcError } from "./index";
import { CommandError } from "./index";

export interface MockDashboardOptions {
  /** What `dashboard` answers for every profile. */
  dashboard?: Dashboard;
}

/** A dashboard with plausible values and no series, shares or problems. */
export function mockDashboard(extra: Partial<Dashboard> = {}): Dashboard {
  return {
    account: "demo-account",
    organizations: 2,
    images: 3,
    tags: 6,
    storage: 156_000_000,
    downloads: 2_400_000_000,
    quotas: [],
    storageSeries: [],
    trafficSeries: [],
    expiringShares: [],
    problems: [],
    ...extra,
  };
}

/** A week of daily points rising from `start` by `step`. */
function week(start: number, step: number) {
  return Array.from({ length: 7 }, (_, day) => ({ date: `2024-05-0${String(day + 1)}`, value: start + step * day }));
}

/** What a console opened in a plain browser shows. */
const DEFAULT_DASHBOARD: Dashboard = mockDashboard({
  quotas: [{ key: "namespace", used: 2, limit: 15 }],
  storageSeries: week(120_000_000, 6_000_000),
  trafficSeries: week(300_000_000, 40_000_000),
  expiringShares: [
    { organization: "team-a", image: "web", account: "partner-account", deadline: "2024-05-09T00:00:00Z", daysLeft: 2 },
  ],
});

function fail(code: IpcError["code"], message: string): Promise<never> {
  return Promise.reject(new CommandError({ code, message, requestId: null, retryable: false, violation: null, advice: null }));
}

export function createMockDashboard(
  profiles: { exists(id: string): boolean },
  options: MockDashboardOptions,
): Pick<IpcClient, "dashboard"> {
  return {
    dashboard: (profileId) =>
      profiles.exists(profileId)
        ? Promise.resolve(structuredClone(options.dashboard ?? DEFAULT_DASHBOARD))
        : fail("notFound", `no profile with id ${profileId}`),
  };
}
