// Simplified Chinese copy. Typed as `Messages`, so a missing or extra key fails the type check.

import type { Messages } from "./en";

const zhCN: Messages = {
  app: {
    name: "SWR Console",
    skipToContent: "跳到主要内容",
    loading: "正在加载…",
  },
  nav: {
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
      invalidInput: "请求参数无效，已被拒绝。",
      notFound: "未找到请求的对象。",
      io: "文件或网络操作失败。",
      internal: "发生了意外错误。",
    },
    details: "详细信息：{{message}}",
    requestId: "请求 ID：{{requestId}}",
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
};

export default zhCN;
