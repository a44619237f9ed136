// Simplified Chinese copy of the retention tab. Typed as `RetentionMessages`, so a missing or
// extra key fails the type check.

import type { RetentionMessages } from "./retention.en";

const retentionZhCN: RetentionMessages = {
  retention: {
    title: "老化规则",
    appliesAtOnce: "SWR 在老化规则保存后立即执行，并在每次推送后再次执行：保存前请先预览将删除哪些版本。",
    loadFailed: "无法读取老化规则。",
    current: {
      title: "当前规则",
      none: "没有老化规则：不会自动删除任何版本。",
      days: "保留最近 {{days}} 天内推送的版本。",
      tags: "保留最近推送的 {{count}} 个版本。",
      except: "永不删除 {{list}}。",
    },
    form: {
      keep: "保留",
      days: "N 天内推送的版本",
      tags: "最新的 N 个版本",
      daysLabel: "天数（1–365）",
      tagsLabel: "版本数（1–1000）",
      daysRange: "请输入 {{min}} 到 {{max}} 之间的整数天数。",
      tagsRange: "请输入 {{min}} 到 {{max}} 之间的整数版本数。",
      exceptTags: "永不删除这些版本（用逗号或空格分隔）",
      exceptRegex: "永不删除匹配以下正则表达式的版本（每行一个）",
      regexHint: "正则表达式必须匹配整个版本名：release-.* 匹配 release-1，不匹配 prerelease-1。",
    },
    preview: "预览",
    previewing: "正在读取所有版本…",
    previewFirst: "请先预览此规则",
    previewFailed: "无法生成预览。",
    save: "保存规则…",
    saveFailed: "规则未保存。",
    saved: "已保存。SWR 删除了 {{count}} 个版本，与预览完全一致。",
    savedDiffers: "已保存，但 SWR 删除了 {{count}} 个版本（{{tags}}），与预览不符。请查看“镜像版本”页签。",
    remove: "删除规则",
    removeFailed: "规则未删除。",
    removeConfirm: {
      title: "删除老化规则",
      body: "{{image}} 的版本将不再被自动删除；已删除的版本不会恢复。",
    },
    confirm: {
      title: "保存老化规则",
      body: "SWR 会立即执行：{{image}} 的 {{count}} 个版本将被立即删除，即预览中列出的版本。",
      type: "输入 {{image}} 以确认",
      ok: "保存并执行",
      cancel: "取消",
    },
    summary: "立即删除 {{deleted}} 个，保留 {{kept}} 个",
    column: {
      tag: "版本",
      verdict: "结果",
      why: "原因",
      pushed: "推送时间",
    },
    verdict: {
      delete: "删除",
      keep: "保留",
    },
    reason: {
      deleted: "删除：{{because}}",
      exceptionTag: "例外规则指定了 {{tag}}",
      exceptionRegex: "匹配例外规则 /{{pattern}}/",
      withinCount: "最新 {{count}} 个中的第 {{rank}} 个",
      withinDays: "{{age}} 天前推送，在 {{days}} 天之内",
    },
    warning: {
      digestStillHeld: "{{tag}} 将被删除，但其镜像仍保留：{{kept}} 指向同一摘要。",
      triggerNamesDeletedTag: "触发器 {{trigger}} 针对 {{tag}}，而此规则会删除它。",
      everythingGoes: "该镜像的所有版本都将被删除。",
      onlyOneLeft: "只会剩下 {{kept}}。",
      tieAtTheCount: "{{tags}} 在同一秒推送且位于保留数量的分界处；SWR 可能保留其中另一个。",
      unreadableTime: "无法读取 {{tag}} 的推送时间，按最旧处理。",
    },
    history: {
      title: "已被老化删除",
      failed: "无法读取老化日志。",
      empty: "老化规则尚未删除此镜像的任何版本。",
      when: "删除时间（UTC）",
    },
  },
};

export default retentionZhCN;
