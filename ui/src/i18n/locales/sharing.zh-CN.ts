// Simplified Chinese copy of the sharing screens. Typed as `SharingMessages`, so a missing or extra
// key fails the type check.

import type { SharingMessages } from "./sharing.en";

const sharingZhCN: SharingMessages = {
  sharing: {
    title: "共享",
    intro: "将此私有镜像共享给其他华为云账号。共享是只读的：对方账号可以拉取镜像，但不能推送、修改或删除它。",
    publicNote: "此镜像是公开的：任何人无需登录即可拉取，因此不能共享。如需共享给指定账号，请先将其设为私有。",
    publicNoteLink: "修改可见性",
    loadFailed: "无法读取此镜像的共享。",
    empty: "此镜像尚未共享给任何账号。",
    count_one: "已共享给 {{count}} 个账号",
    count_other: "已共享给 {{count}} 个账号",
    columns: {
      account: "账号",
      deadline: "共享截止（UTC）",
      expiry: "有效期",
      description: "描述",
      creator: "共享人",
      actions: "操作",
    },
    deadlineForever: "无截止日期",
    createdBy: "{{creator}}，{{created}}",
    expiry: {
      never: "永久有效",
      expired: "已过期",
      today: "一天内到期",
      days_one: "{{count}} 天后到期",
      days_other: "{{count}} 天后到期",
    },
    edit: "修改截止日期",
    editLabel: "修改共享给 {{account}} 的截止日期",
    remove: "取消共享",
    removeLabel: "取消共享给 {{account}}",
    editor: {
      date: "最后一天（UTC）",
      forever: "永久有效",
      save: "保存",
      saving: "正在保存…",
      cancel: "取消",
      failed: "无法修改截止日期。",
      saved: "共享给 {{account}} 的截止日期已更新。",
    },
    add: {
      title: "共享给账号",
      account: "账号名",
      accountHint: "华为云账号的名称（不是其中 IAM 用户的名称）。",
      until: "共享截止",
      forever: "永久有效",
      untilDate: "截至某一天",
      date: "最后一天（UTC）",
      dateHint: "共享持续到所选日期（UTC）当天结束。",
      description: "描述（可选）",
      descriptionCount: "{{used}} / {{max}} 个字符",
      submit: "共享",
      submitting: "正在共享…",
      added: "已共享给 {{account}}。",
      failed: "无法共享此镜像。",
    },
    problems: {
      accountMissing: "请输入要共享给的账号名。",
      accountTaken: "此镜像已共享给 {{account}}，请在上方列表中修改其截止日期。",
      dateMissing: "请选择共享的最后一天，或选择“永久有效”。",
      descriptionLength: "描述最多 {{max}} 个字符，请删减 {{over}} 个字符。",
    },
    removeDialog: {
      title: "取消共享给 {{account}}？",
      body: "{{account}} 将无法再拉取 {{image}}。对方已拉取的副本不受影响。",
      confirm: "取消共享",
      removing: "正在取消…",
      cancel: "返回",
      failed: "无法取消共享。",
    },
  },
};

export default sharingZhCN;
