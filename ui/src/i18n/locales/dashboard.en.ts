// English copy of the Dashboard, merged into `en` so its keys are checked like all others.

const dashboardEn = {
  dashboard: {
    title: "Dashboard",
    description: "The account at a glance: totals, storage and traffic, recent pushes and shares about to end.",
    account: "Account {{account}}",
    refresh: "Refresh",
    refreshing: "Refreshing…",
    loadFailed: "The dashboard could not be read.",
    totals: "Totals",
    tile: {
      organizations: "Organizations",
      images: "Images",
      tags: "Tags",
      storage: "Storage",
      downloads: "Downloaded",
    },
    quota: "Quota {{used}} / {{limit}}",
    chart: {
      storage: "Storage over time",
      traffic: "Download traffic over time",
      noData: "No data for this period.",
      latest: "Latest: {{value}}",
      date: "Date",
      value: "Value",
    },
    problem: "Part of the dashboard could not be read",
    pushes: {
      title: "Recent pushes",
      empty: "Nothing has been pushed from this computer yet.",
      loadFailed: "The upload list could not be read.",
      open: "Open the tags of {{image}}",
    },
    shares: {
      title: "Shares ending within 7 days",
      empty: "No share ends this week.",
      with: "Shared with {{account}}",
      today: "Ends today",
      daysLeft_one: "{{count}} day left",
      daysLeft_other: "{{count}} days left",
      ends: "Ends {{when}}",
    },
  },
};

export type DashboardMessages = typeof dashboardEn;
export default dashboardEn;
