// Regions, targets, job states and name problems in the interface language.

import type { TFunction } from "i18next";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";

import type { Region } from "../../ipc";
import { useRegions } from "../profiles/queries";
import type { Target } from "./rules";

/** "East China-Shanghai1 (cn-east-3)" in `language` where the region's name is known, else its id. */
export function regionNameIn(t: TFunction, language: string, regions: readonly Region[] | undefined, id: string): string {
  const region = regions?.find((r) => r.id === id);
  if (!region) return id;
  const name = language === "zh-CN" ? region.nameZhCn : region.nameEn;
  return name === "" ? id : t("sync.region", { name, id });
}

/** `regionNameIn` in the interface language. */
export function useRegionName(): (id: string) => string {
  const { t, i18n } = useTranslation();
  const regions = useRegions().data;
  const language = i18n.language;
  // The same function while the language and the regions stay, so tables keep their columns.
  return useCallback((id) => regionNameIn(t, language, regions, id), [t, language, regions]);
}

/** "cn-east-3 / team-a", for sentences; the select and the test ids use `region/namespace`. */
export function targetText(t: TFunction, { region, namespace }: Target): string {
  return t("sync.target", { region, namespace });
}

/** `targetText` with the region named. */
export function useTargetText(): (target: Target) => string {
  const { t } = useTranslation();
  const regionName = useRegionName();
  return useCallback(({ region, namespace }) => targetText(t, { region: regionName(region), namespace }), [t, regionName]);
}

const STATUSES = ["waiting", "running", "success", "failed", "timeout", "cancel", "existed"] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (status: string): status is Status => (STATUSES as readonly string[]).includes(status);

/** A job's status in words; one SWR adds later is shown as SWR names it. */
export function statusWords(t: TFunction, status: string): string {
  return isStatus(status) ? t(`sync.jobs.status.${status}`) : status;
}

export function statusBadge(status: string): string {
  switch (status) {
    case "success":
      return "badge badge-success";
    case "failed":
    case "timeout":
      return "badge badge-danger";
    case "waiting":
    case "running":
      return "badge badge-info";
    default:
      return "badge";
  }
}
