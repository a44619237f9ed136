// Simplified Chinese copy of the Dashboard. Typed as `DashboardMessages`, so a missing or extra
// key fails the type check.

import type { DashboardMessages } from "./dashboard.en";

const dashboardZhCN: DashboardMessages = {
  dashboard: {
    title: "总览",
    description: "账号概况：总量、存储与流量、最近推送，以及即将到期的共享。",
    account: "账号 {{account}}",
    refresh: "刷新",
    refreshing: "正在刷新…",
    loadFailed: "无法读取总览。",
    totals: "总量",
    tile: {
      organizations: "组织",
      images: "镜像",
      tags: "镜像版本",
      storage: "存储",
      downloads: "下载流量",
    },
    quota: "配额 {{used}} / {{limit}}",
    chart: {
      storage: "存储用量趋势",
      traffic: "下载流量趋势",
      noData: "此期间没有数据。",
      latest: "最新：{{value}}",
      date: "日期",
      value: "数值",
    },
    problem: "总览的部分内容无法读取",
    pushes: {
      title: "最近推送",
      empty: "此电脑尚未推送过镜像。",
      loadFailed: "无法读取上传列表。",
      open: "打开 {{image}} 的镜像版本",
    },
    shares: {
      title: "7 天内到期的共享",
      empty: "本周没有到期的共享。",
      with: "共享给 {{account}}",
      today: "今天到期",
      daysLeft_one: "剩余 {{count}} 天",
      daysLeft_other: "剩余 {{count}} 天",
      ends: "{{when}} 到期",
    },
  },
};

export default dashboardZhCN;
