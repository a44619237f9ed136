// Simplified Chinese copy of the permission screens. Typed as `PermissionsMessages`, so a missing
// or extra key fails the type check.

import type { PermissionsMessages } from "./permissions.en";

const permissionsZhCN: PermissionsMessages = {
  permissions: {
    title: "权限",
    description: "每个用户在各组织（或某组织的各镜像）上的有效权限及其来源。",
    levels: "只读：下载镜像。编辑：下载、上传镜像，编辑属性，添加触发器。管理：以上全部，以及删除、授权和共享。",
    effective: "用户对镜像的有效权限取组织授权与镜像授权中较高的一个。",
    organizationGrants: "组织 {{organization}} 上的授权：{{grants}}",
    loadFailed: "无法读取权限。",
    you: "你",
    ownLevel: "SWR 报告的你自己的权限",
    noGrants: "没有其他用户在此拥有权限。",
    revoke: "撤销",
    levelOf: "{{user}} 的权限",
    matrix: "各用户的权限",
    selectUser: "选择 {{user}}",
    column: {
      user: "用户",
      level: "权限",
      actions: "操作",
    },
    level: {
      read: "只读",
      write: "编辑",
      manage: "管理",
      none: "无",
    },
    origin: {
      organization: "来自组织授权",
      image: "来自镜像授权",
      own: "你自己的权限",
    },
    action: {
      grant: "授权",
      change: "修改",
      revoke: "撤销",
      unchanged: "不变",
    },
    add: {
      title: "为用户授权",
      user: "IAM 用户",
      pick: "选择用户",
      other: "其他用户…",
      userName: "IAM 用户名",
      userId: "IAM 用户 ID",
      level: "权限",
      submit: "查看变更",
      whyTyped:
        "SWR 没有列出 IAM 用户的接口，因此可选的只是在某处已有权限的用户；其他用户请输入其 IAM 用户 ID（32 位十六进制字符，可在 IAM 的用户详情页查看）和用户名。",
      problems: {
        user: "请选择要授权的用户。",
        userName: "请输入 IAM 用户名。",
        userId: "请输入 IAM 用户 ID。",
      },
    },
    diff: {
      title: "权限变更",
      intro: "共 {{count}} 项变更，将逐个请求执行：",
      nothing: "没有变化：每个用户都已拥有所选权限。",
      planning: "正在读取当前权限…",
      planFailed: "无法生成变更计划。",
      applyFailed: "无法执行变更。",
      apply: "执行 {{count}} 项变更",
      applying: "正在执行…",
      cancel: "取消",
      close: "关闭",
      on: "于 {{scope}}",
    },
    result: {
      done: "已完成",
      failed: "失败",
      unchanged: "不变",
      summary: "{{done}} 项变更全部完成。",
      partial: "已完成 {{done}} 项，失败 {{failed}} 项：失败的项未被更改。",
    },
    bulk: {
      selected: "已选择 {{users}} 个用户 × {{columns}} 列",
      level: "所选范围的权限",
      revoke: "撤销",
      review: "查看变更",
    },
    show: "显示",
    allOrganizations: "所有组织",
    imagesOf: "{{organization}} 的镜像",
    firstImages: "仅显示该组织的前 {{count}} 个镜像。",
    emptyMatrix: "没有可显示的内容：这里没有组织或镜像。",
    backToOrganizations: "组织",
    usersOf: "{{organization}} 的用户",
    usersDescription: "谁可以下载、上传或管理此组织的镜像。",
  },
};

export default permissionsZhCN;
