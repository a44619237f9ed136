import type { TFunction } from "i18next";

import type { Level, Scope } from "../../ipc";

export const LEVELS: readonly Level[] = ["read", "write", "manage"];

export function levelLabel(t: TFunction, level: Level | null): string {
  return level === null ? t("permissions.level.none") : t(`permissions.level.${level}`);
}

export function scopeLabel(scope: Scope): string {
  return scope.image === null ? scope.organization : `${scope.organization}/${scope.image}`;
}
