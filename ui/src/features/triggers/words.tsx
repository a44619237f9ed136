// A trigger's settings in the interface language, as the list and the tester show them.

import type { TFunction } from "i18next";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";

import { localized } from "../../components/errorText";
import type { RuleViolation, Trigger } from "../../ipc";
import { storedTags } from "./form";

/** "Deployment web", from the workload type SWR stores and the workload's name. */
export function workloadWords(t: TFunction, trigger: Pick<Trigger, "app_type" | "application">): string {
  const { app_type: type, application: name } = trigger;
  const typeWords = type === "deployments" || type === "statefulsets" ? t(`triggers.appType.${type}`) : type;
  return t("triggers.workload", { type: typeWords, name });
}

export function modeWords(t: TFunction, mode: string): string {
  return mode === "cce" || mode === "cci" ? t(`triggers.mode.${mode}`) : mode;
}

/** Which pushed tags fire the trigger: all of them, the ones listed, or those the expression matches whole. */
export function ConditionWords({ trigger }: { trigger: Pick<Trigger, "trigger_type" | "condition"> }) {
  const { t } = useTranslation();
  const { trigger_type: type, condition } = trigger;
  if (type === "all") return <span data-kind="all">{t("triggers.condition.all")}</span>;
  if (type === "tag") {
    const tags = storedTags(condition);
    return (
      <span data-kind="tag" className="trigger-condition-words">
        {t("triggers.condition.tag", { count: tags.length })}{" "}
        {tags.map((tag, at) => (
          <Fragment key={tag}>
            {at > 0 && t("triggers.condition.separator")}
            <code className="trigger-code">{tag}</code>
          </Fragment>
        ))}
      </span>
    );
  }
  if (type === "regular") {
    return (
      <span data-kind="regular" className="trigger-condition-words">
        {t("triggers.condition.regular")}{" "}
        <code className="trigger-code">/{condition}/</code>
      </span>
    );
  }
  return (
    <span data-kind={type} className="trigger-condition-words">
      {t("triggers.condition.unknown", { type })}{" "}
      <code className="trigger-code">{condition}</code>
    </span>
  );
}

/** A rule the backend found broken, in the interface language. */
export function violationText(violation: RuleViolation, language: string): string {
  return localized(violation.message, language);
}
