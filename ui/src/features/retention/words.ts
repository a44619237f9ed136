import type { TFunction } from "i18next";

import type { KeepReason, PolicyInput, RetentionWarning } from "../../ipc";

export function keepReason(t: TFunction, reason: KeepReason): string {
  switch (reason.kind) {
    case "exception":
      return reason.regexp
        ? t("retention.reason.exceptionRegex", { pattern: reason.selector })
        : t("retention.reason.exceptionTag", { tag: reason.selector });
    case "withinCount":
      return t("retention.reason.withinCount", { rank: reason.rank, count: reason.count });
    case "withinDays":
      return t("retention.reason.withinDays", { age: reason.ageDays, days: reason.days });
  }
}

export function warningText(t: TFunction, warning: RetentionWarning): string {
  switch (warning.kind) {
    case "digestStillHeld":
      return t("retention.warning.digestStillHeld", { tag: warning.tag, kept: warning.kept.join(", ") });
    case "triggerNamesDeletedTag":
      return t("retention.warning.triggerNamesDeletedTag", { trigger: warning.trigger, tag: warning.tag });
    case "everythingGoes":
      return t("retention.warning.everythingGoes");
    case "onlyOneLeft":
      return t("retention.warning.onlyOneLeft", { kept: warning.kept });
    case "tieAtTheCount":
      return t("retention.warning.tieAtTheCount", { tags: warning.tags.join(", ") });
    case "unreadableTime":
      return t("retention.warning.unreadableTime", { tag: warning.tag });
  }
}

export function policyText(t: TFunction, input: PolicyInput): string {
  const keep =
    input.keepDays !== null
      ? t("retention.current.days", { days: input.keepDays })
      : t("retention.current.tags", { count: input.keepTags ?? 0 });
  const except = [...input.exceptTags, ...input.exceptRegex.map((r) => `/${r}/`)];
  return except.length === 0 ? keep : `${keep} ${t("retention.current.except", { list: except.join(", ") })}`;
}
