// Simplified Chinese copy of the Uploads screen. Typed as `UploadsMessages`, so a missing or
// extra key fails the type check.

import type { UploadsMessages } from "./uploads.en";

const uploadsZhCN: UploadsMessages = {
  uploads: {
    title: "上传",
    description: "由 docker save、podman 或 skopeo 导出的镜像归档会先经过检查，再逐个上传到 SWR。",
    add: "添加文件",
    start: "开始队列",
    pause: "暂停队列",
    queueAll: "全部就绪项加入队列",
    clearFinished: "清除已结束项",
    running: "队列正在运行。",
    paused: "队列已暂停。",
    loadFailed: "无法读取上传列表。",
    actionFailed: "操作未能完成。",
    empty: {
      title: "还没有镜像归档",
      drop: "将 docker save、podman save 或 skopeo 生成的 .tar 或 .tar.gz 归档拖放到本窗口任意位置，",
      add: "点击“添加文件”，",
      commandLine: "或在终端中打开：swr-console app.tar",
    },
    drop: {
      title: "松开鼠标即可添加镜像归档",
      hint: "每个文件都会先经过检查；加入队列之前不会上传任何内容。",
    },
    ignored: "以下文件未添加：",
    ignoredReason: {
      folder: "这是文件夹：请添加其中的镜像归档文件",
      missing: "找不到该文件：它已被移动或删除",
      unreadable: "无法读取：请检查文件权限",
      notAdded: "上传列表无法接收这些文件",
    },
    dismiss: "关闭",
    resumed_one: "已恢复 {{count}} 个在应用关闭时中断的上传。",
    resumed_other: "已恢复 {{count}} 个在应用关闭时中断的上传。",
    resumedBadge: "已恢复",
    state: {
      waitingCheck: "等待检查",
      checking: "正在检查",
      invalid: "归档无效",
      needsTarget: "需要设置目标",
      ready: "就绪",
      queued: "排队中",
      running: "正在上传",
      done: "已上传",
      failed: "失败",
      cancelled: "已取消",
    },
    validation: {
      pending: "正在等待其他文件检查完成…",
      running: "正在检查归档：{{done}} / {{total}}",
      progressLabel: "文件检查",
      findings: "此文件无法上传：",
      advice: "处理建议：{{advice}}",
      details: "详情：{{message}}",
    },
    report: {
      summary_one: "{{count}} 个镜像 · {{format}} · {{size}}",
      summary_other: "{{count}} 个镜像 · {{format}} · {{size}}",
      warnings_one: "{{count}} 条警告",
      warnings_other: "{{count}} 条警告",
      untagged: "无标签的镜像",
      platform: "平台",
      size: "大小",
      sizeValue: "存储 {{stored}} · 解压后 {{uncompressed}}",
      layers: "层数",
      created: "创建时间",
      efficiency: "空间效率",
      efficiencyValue: "{{score}} · 被后续层覆盖的文件浪费了 {{wasted}}",
      hints: "优化建议",
      warningsTitle: "警告",
      unknownFormat: "未知格式",
    },
    checks: {
      validation: {
        cancelled: { title: "检查已中止", advice: "检查在完成前被停止；请重新检查以得出结论。" },
      },
      file: {
        unreadable: { title: "无法读取文件", advice: "请检查文件路径和文件权限。" },
        empty: { title: "文件为空", advice: "请使用 docker save -o FILE IMAGE 重新导出镜像。" },
      },
      compression: {
        corrupt: {
          title: "压缩数据已损坏",
          advice: "压缩数据已损坏或不完整；请重新复制或导出归档。",
        },
        unsupported: {
          title: "不支持的压缩格式",
          advice: "请使用未压缩的 tar、gzip 或 zstd（窗口不超过 16 MiB）。",
        },
      },
      tar: {
        corrupt: { title: "不是可读取的 tar 文件", advice: "该文件不是 tar 文件或已损坏；请重新导出镜像。" },
        truncated: {
          title: "归档提前结束",
          advice: "可能是复制或下载过程被中断；请重新复制该文件。",
        },
        absolute_path: {
          title: "条目使用了绝对路径",
          advice: "镜像归档只能使用相对路径；请使用 docker save 或 skopeo copy 重新生成归档。",
        },
        parent_traversal: {
          title: "条目路径越出归档",
          advice: "条目不得通过 .. 越出归档；请勿使用此归档。",
        },
        duplicate_entry: {
          title: "条目重复",
          advice: "每个名称只能出现一次；请重新生成归档，不要向已有归档追加内容。",
        },
        non_utf8_path: { title: "条目名称不是 UTF-8 编码", advice: "归档条目名称必须是 UTF-8 编码；请重新生成归档。" },
        unsupported_entry: {
          title: "不支持的条目类型",
          advice: "镜像归档的顶层只能包含文件、目录和符号链接。",
        },
        symlink_escape: {
          title: "符号链接指向归档之外",
          advice: "符号链接必须指向归档内部；请勿使用此归档。",
        },
        symlink_dangling: {
          title: "符号链接的目标不存在",
          advice: "符号链接指向的条目不在归档中；请重新导出镜像。",
        },
        too_many_entries: {
          title: "条目过多",
          advice: "镜像归档不需要这么多顶层条目；请确认该文件是镜像归档。",
        },
      },
      json: {
        too_large: {
          title: "JSON 文档过大",
          advice: "镜像归档中的 JSON 文档都很小；此文档超出了大小上限，因此不信任该归档。",
        },
        invalid: {
          title: "JSON 文档无效",
          advice: "JSON 文档无法解析或结构不正确；请重新导出镜像。",
        },
      },
      format: {
        unknown: {
          title: "不是镜像归档",
          advice:
            "未找到 manifest.json 或 oci-layout/index.json；请使用 docker save 或 skopeo copy（docker-archive: 或 oci-archive:）保存镜像。",
        },
      },
      manifest: {
        empty: { title: "归档中没有镜像", advice: "归档中没有列出任何镜像；请至少保存一个镜像到归档中。" },
        missing_entry: {
          title: "归档中缺少文件",
          advice: "manifest 中列出的文件不存在；请重新导出镜像。",
        },
      },
      config: {
        digest_mismatch: {
          title: "镜像配置与其摘要不符",
          advice: "镜像配置的哈希值与其名称不一致；归档已被修改或损坏。",
        },
        invalid: { title: "镜像配置无效", advice: "镜像配置不是有效的镜像配置；请重新导出镜像。" },
        rootfs_type: {
          title: "rootfs 类型错误",
          advice: "rootfs.type 必须是 \"layers\"；请使用较新的工具重新导出镜像。",
        },
        layer_count_mismatch: {
          title: "配置与 manifest 的镜像层数不一致",
          advice: "配置中列出的镜像层数（diff_ids）与 manifest 不同；请重新导出镜像。",
        },
      },
      layer: {
        diff_id_mismatch: {
          title: "镜像层与其 diff_id 不符",
          advice: "镜像层解压后内容的哈希值与其 diff_id 不一致；该镜像层已被修改或损坏。",
        },
        not_tar: {
          title: "镜像层不是 tar 流",
          advice: "镜像层必须是 tar 流（可用 gzip 或 zstd 压缩）；请重新导出镜像。",
        },
        too_large: {
          title: "镜像层超过 10 GB",
          advice: "SWR 不接受超过 10 GB 的镜像层；请将内容分散到多个镜像层，或精简镜像。",
        },
        count_high: {
          title: "镜像层过多",
          advice: "超过 20 个镜像层时上传到 SWR 较慢；请合并 RUN 步骤或使用多阶段构建。",
        },
        files_capped: {
          title: "文件分析已达上限",
          advice: "空间效率分析在文件数达到上限后停止统计；其数值为下限。",
        },
      },
      blob: {
        digest_mismatch: {
          title: "数据块与其摘要不符",
          advice: "某个数据块（blob）的哈希值与其名称不一致；归档已被修改或损坏。",
        },
        unsupported_algorithm: {
          title: "不支持的摘要算法",
          advice: "SWR 仅支持 sha256 数据块；请使用 sha256 摘要重新生成镜像。",
        },
      },
      index: {
        descriptor_mismatch: {
          title: "描述符与数据块不符",
          advice: "描述符中的大小或摘要与其数据块不一致；请重新导出镜像。",
        },
        platform_missing: {
          title: "归档中缺少平台",
          advice: "索引中列出的某个平台的数据块不在归档中；只会上传归档中已有的平台。",
        },
        invalid: { title: "OCI 索引或镜像清单无效", advice: "OCI 索引或镜像清单格式错误；请重新导出镜像。" },
      },
      reference: {
        invalid: {
          title: "镜像名称或镜像版本无效",
          advice: "保存前请将镜像标记为“镜像名称:镜像版本”（例如 myorg/app:1.0）。",
        },
        untagged: {
          title: "镜像没有镜像版本",
          advice: "请在保存前为镜像标记镜像版本，或在上传时指定目标镜像名称和镜像版本。",
        },
      },
      swr: {
        organization: {
          title: "组织名称不符合 SWR 的规则",
          advice: "请按 SWR 的规则修改组织名称，或在上传时选择其他目标组织。",
        },
        repository: { title: "镜像名称不符合 SWR 的规则", advice: "上传前请按 SWR 的命名规则修改镜像名称。" },
        tag: { title: "镜像版本不符合 SWR 的规则", advice: "上传前请按 SWR 的规则重新标记镜像版本。" },
      },
      hint: {
        runs_as_root: { title: "以 root 用户运行", advice: "请在 Dockerfile 中添加非 root 的 USER 指令。" },
        no_healthcheck: {
          title: "没有 HEALTHCHECK",
          advice: "请添加 HEALTHCHECK 指令，以便平台区分容器是仅在运行还是在正常工作。",
        },
        latest_tag: {
          title: "使用了 latest 镜像版本",
          advice: "请上传明确的镜像版本；latest 会随时变化，导致部署无法复现。",
        },
        package_cache: {
          title: "镜像中残留了包管理器缓存",
          advice: "请在生成缓存的同一条 RUN 指令中删除包管理器缓存（例如 && rm -rf /var/lib/apt/lists/*）。",
        },
        secret_files: {
          title: "疑似包含密钥的文件",
          advice: "请勿将密钥和凭证放入镜像（改用构建密钥或运行时配置）；在后续镜像层中删除并不能将其移除。",
        },
        many_tiny_layers: {
          title: "过多的小镜像层",
          advice: "请将相关命令合并到一条 RUN 指令中，生成数量更少、体积更大的镜像层。",
        },
      },
    },
    target: {
      title: "上传目标",
      profile: "连接配置",
      chooseProfile: "请选择连接配置",
      noProfiles: "请先在“连接配置”页面添加一个配置。",
      organization: "组织",
      chooseOrganization: "请选择组织",
      loadingOrganizations: "正在加载组织…",
      organizationsFailed: "无法列出组织。",
      readOnly: "{{name}}（只读）",
      readOnlyHint: "只有读取权限的组织会列出，但不能选择。",
      create: "创建组织",
      createName: "新组织名称",
      createSubmit: "创建",
      createCancel: "取消",
      createRules: "只能包含小写字母、数字、“.”、“_”和“-”，以字母开头，最多 64 个字符。",
      createFailed: "无法创建组织。",
      image: "镜像 {{n}}",
      from: "归档中的名称：",
      fromUntagged: "归档中没有标签",
      name: "镜像名称",
      tags: "镜像版本",
      tagsHint: "每个版本都会上传，多个版本用逗号分隔。",
      compress: "压缩镜像层",
      compressHint: "未压缩的层在发送前用 gzip 压缩；关闭后按原样发送。",
      preview: "上传后的地址",
      previewIncomplete: "选择连接配置和组织后即可看到最终地址。",
    },
    notices: {
      pushed: "已推送 {{reference}}",
      pushedMore: "已推送 {{reference}} 及另外 {{more}} 个",
      openImage: "打开镜像",
      failed: "{{file}} 推送失败",
      failedUnnamed: "有一个上传推送失败",
      openUploads: "打开上传",
    },
    actions: {
      queue: "加入队列",
      cancel: "取消",
      retry: "重试",
      remove: "移除",
      moveUp: "上移",
      moveDown: "下移",
      copy: "复制",
      copied: "已复制",
      copyPull: "复制拉取命令",
    },
    queueBlocked: {
      validating: "检查完成后才能加入队列。",
      invalid: "无效的归档不能加入队列。",
      problems: "请先修正上方标出的字段。",
    },
    queued: "正在队列中等待。",
    queuedPaused: "等待中：队列已暂停，开始队列后继续。",
    cancelled: "已取消，镜像仓库中没有写入任何标签。",
    push: {
      starting: "正在开始…",
      progressLabel: "上传进度",
      bytes: "{{done}} / {{total}}",
      rate: "{{rate}}/秒",
      eta: "剩余 {{time}}",
      skipped: "{{size}} 已存在于镜像仓库，已跳过",
      layers: "正在上传的层",
      waiting: "遇到临时问题，已暂停：{{message}}",
      retryIn: "{{time}}后重试。",
      retryNow: "正在重试…",
    },
    step: {
      validating: "正在检查归档",
      indexing: "正在读取镜像层",
      pushing: "正在上传",
      verifying: "正在核对镜像仓库保存的内容",
    },
    done: "已上传到 SWR：",
    failed: "上传失败",
    kindTitle: {
      invalidArchive: "不是有效的镜像归档",
      target: "上传目标缺失或无效",
      organizationMissing: "组织不存在",
      permissionDenied: "无权上传到此组织",
      unauthorized: "镜像仓库拒绝了登录",
      quota: "配额已用尽",
      rateLimited: "镜像仓库正在限流",
      network: "无法连接到镜像仓库",
      verification: "上传后的镜像与发送的不一致",
      credentials: "无法使用此连接配置",
      other: "上传失败",
    },
    kind: {
      invalidArchive: "该文件不是有效的镜像归档。请查看检查报告了解问题，重新导出镜像后添加新文件。",
      target: "组织、镜像名称或镜像版本缺失或无效。请修正上方字段后重试。",
      organizationMissing: "该组织在此区域中不存在。请用上方的“创建组织”创建它，或选择其他组织，然后重试。",
      permissionDenied: "该账号无权向此组织上传镜像：需要对该组织拥有编辑或管理权限。请联系组织管理员在 SWR 控制台中授权，或选择其他组织。",
      unauthorized: "镜像仓库拒绝了登录。请在“连接配置”页面重新验证该配置的访问密钥，它可能已被删除或轮换。",
      quota: "账号或组织的配额已用完。请在 SWR 中删除不用的镜像或版本，或申请更大的配额，然后重试。",
      rateLimited: "镜像仓库要求降低请求频率。上传会自动等待并重试。",
      network: "无法连接镜像仓库。连接恢复后上传会自动继续，已发送的层不会重复发送。",
      verification: "镜像仓库返回的镜像与上传的不一致。请重试；如果再次出现，请把错误信息提供给技术支持。",
      credentials: "无法使用该连接配置：缺少密钥或未选择配置。请在“连接配置”页面检查。",
      other: "请重试；如果仍然失败，上方的错误信息说明了原因。",
    },
    duration: {
      seconds: "{{s}} 秒",
      minutes: "{{m}} 分 {{s}} 秒",
      hours: "{{h}} 小时 {{m}} 分",
    },
  },
};

export default uploadsZhCN;
