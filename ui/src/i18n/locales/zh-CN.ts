// Simplified Chinese copy. Typed as `Messages`, so a missing or extra key fails the type check.

import browseZhCN from "./browse.zh-CN";
import profilesZhCN from "./profiles.zh-CN";
import uploadsZhCN from "./uploads.zh-CN";
import dashboardZhCN from "./dashboard.zh-CN";
import attributesZhCN from "./attributes.zh-CN";
import journalZhCN from "./journal.zh-CN";
import permissionsZhCN from "./permissions.zh-CN";
import retentionZhCN from "./retention.zh-CN";
import sharingZhCN from "./sharing.zh-CN";
import syncZhCN from "./sync.zh-CN";
import triggersZhCN from "./triggers.zh-CN";
import type { Messages } from "./en";

const zhCN: Messages = {
  app: {
    name: "SWR Console",
    skipToContent: "跳到主要内容",
    loading: "正在加载…",
  },
  toasts: {
    label: "通知",
    close: "关闭",
  },
  table: {
    selectAll: "全选",
    resize: "拖动以调整列宽；双击恢复初始列宽",
  },
  startup: {
    unreadable: {
      profiles: "无法读取已保存的连接配置",
      uploads: "无法读取上传队列",
    },
    kept: {
      profiles_one: "已保留 {{count}} 个连接配置；{{lost}} 个无法读取，需要重新添加。",
      profiles_other: "已保留 {{count}} 个连接配置；{{lost}} 个无法读取，需要重新添加。",
      uploads_one: "已保留 {{count}} 个上传任务；{{lost}} 个无法读取，请重新添加这些文件。",
      uploads_other: "已保留 {{count}} 个上传任务；{{lost}} 个无法读取，请重新添加这些文件。",
    },
    movedTo: "无法读取的文件已移至 {{path}}。",
    notMoved: "无法读取的文件未能移走，仍在 {{path}}；不会覆盖它。",
    dismiss: "关闭",
  },
  quit: {
    title: "正在推送上传任务",
    body: "现在退出会中断推送。下次启动 SWR Console 时会从中断处继续，SWR 已有的层不会重新发送。",
    stay: "继续推送",
    confirm: "仍然退出",
  },
  nav: {
    dashboard: "总览",
    uploads: "上传",
    images: "镜像",
    organizations: "组织",
    permissions: "权限",
    journal: "操作日志",
    profiles: "连接配置",
    label: "主导航",
    settings: "设置",
    about: "关于",
  },
  header: {
    label: "当前连接配置",
    profile: "连接配置",
    region: "区域",
    noProfile: "未选择连接配置",
    profileUnavailable: "无法读取连接配置",
    sessionOnly: "仅本次运行",
    sessionOnlyTitle: "来自环境变量（SWR_AK、SWR_SK）的凭证：仅在应用关闭前使用，不会保存",
  },
  settings: {
    title: "设置",
    description: "SWR Console 在本机的偏好设置。",
    appearance: "外观",
    language: {
      label: "语言",
      system: "跟随系统",
      en: "English",
      "zh-CN": "简体中文",
      followingSystem: "当前跟随系统：{{language}}",
    },
    theme: {
      label: "主题",
      system: "跟随系统",
      light: "浅色",
      dark: "深色",
      followingSystem: "当前跟随系统：{{theme}}",
    },
    density: {
      label: "显示密度",
      comfortable: "舒适",
      compact: "紧凑",
      hint: "紧凑模式行高更小，较长的镜像或镜像版本列表一屏可显示更多行。",
    },
    saveFailed: "更改未能保存。",
    loadFailed: "无法读取已保存的设置，当前显示默认值。",
  },
  about: {
    title: "关于 SWR Console",
    description: "华为云容器镜像服务（SWR）的桌面控制台。",
    version: "版本",
    tauri: "Tauri",
    webview: "WebView",
    platform: "平台",
    platformValue: "{{os}} · {{arch}}",
    close: "关闭",
    loadFailed: "无法读取应用信息。",
    licenses: {
      title: "第三方许可证",
      summary: "SWR Console 使用了 {{count}} 个开源组件。",
      filter: "筛选组件",
      component: "组件",
      version: "版本",
      license: "许可证",
      source: "来源",
      npm: "npm",
      cargo: "Rust crate",
      noMatch: "没有与“{{query}}”匹配的组件。",
      loadFailed: "无法加载许可证列表。",
    },
  },
  errors: {
    code: {
      keyringUnavailable: "没有可用于保存 SK 的系统钥匙串。",
      secretKeyMissing: "此连接配置的 SK 未保存。",
      invalidInput: "请求参数无效，已被拒绝。",
      notFound: "未找到请求的对象。",
      io: "文件或网络操作失败。",
      internal: "发生了意外错误。",
      service: "SWR 或网络拒绝了该请求。",
    },
    details: "详细信息：{{message}}",
    requestId: "请求 ID：{{requestId}}",
    retry: "重试",
  },
  screenError: {
    title: "此页面无法显示",
    description: "显示此页面时出错。",
    retry: "重试",
  },
  notFound: {
    title: "页面不存在",
    description: "SWR Console 中没有这个页面。",
    goToSettings: "前往设置",
  },
  ...uploadsZhCN,
  ...profilesZhCN,
  ...browseZhCN,
  ...dashboardZhCN,
  ...attributesZhCN,
  ...journalZhCN,
  ...permissionsZhCN,
  ...sharingZhCN,
  ...retentionZhCN,
  ...triggersZhCN,
  ...syncZhCN,
};

export default zhCN;
