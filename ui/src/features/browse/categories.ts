import type { TFunction } from "i18next";

/** SWR's image categories. The index has no list of them, so the filter offers SWR's fixed set. */
export const CATEGORIES = ["app_server", "linux", "framework_app", "database", "lang", "other", "windows", "arm"] as const;
type Category = (typeof CATEGORIES)[number];

function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** A category in the interface language; one SWR adds later is shown as SWR names it. */
export function categoryLabel(t: TFunction, category: string): string {
  return isCategory(category) ? t(`images.categories.${category}`) : category;
}
