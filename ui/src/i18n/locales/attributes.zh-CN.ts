// Simplified Chinese copy of the attributes screens. Typed as `AttributesMessages`, so a missing or extra
// key fails the type check.

import type { AttributesMessages } from "./attributes.en";

const attributesZhCN: AttributesMessages = {
  attributes: {
    title: "属性",
    loadFailed: "无法读取此镜像的属性。",
    visibility: {
      legend: "可见性",
      private: "私有",
      privateMeaning: "只有对该组织有权限的账号，以及镜像共享给的账号，才能拉取。",
      public: "公开",
      publicMeaning: "任何人无需登录即可拉取，无论是否有账号。公开镜像不能共享给指定账号。",
    },
    category: {
      label: "分类",
      unknown: "SWR Console 不认识的分类",
    },
    description: {
      label: "描述",
      hint: "支持 Markdown：标题、列表、强调、行内代码、代码块和链接。",
      count: "{{used}} / {{max}} 个字符",
      tooLong: "描述最多 {{max}} 个字符，请删减 {{over}} 个字符。",
      preview: "预览",
      previewEmpty: "描述为空。",
    },
    save: "保存",
    saving: "正在保存…",
    reset: "还原",
    saved: "已保存，SWR 中的属性已更新。",
    savedUnchanged: "SWR 中已是这些值，未做任何更改。",
    saveFailed: "无法保存属性。",
    confirm: {
      publicTitle: "将 {{image}} 设为公开？",
      publicBody: "任何人无需登录即可拉取该镜像。公开镜像不能共享给指定账号；只有面向所有人的镜像才应设为公开。",
      privateTitle: "将 {{image}} 设为私有？",
      privateBody:
        "只有对 {{organization}} 有权限的账号，以及镜像共享给的账号，才能拉取该镜像。未登录的拉取（例如匿名的构建任务）将会失败。",
      whenSaved: "保存后才会生效。",
      makePublic: "设为公开",
      makePrivate: "设为私有",
      cancel: "取消",
    },
  },
};

export default attributesZhCN;
