// The sections of an image page, in order. A new section is one more entry here.

import type { ComponentType } from "react";

import { OverviewTab } from "./OverviewTab";
import type { ImageRef } from "./queries";
import { TagsTab } from "./TagsTab";

export interface ImageTab {
  id: "overview" | "tags";
  label: "image.tabs.overview" | "image.tabs.tags";
  Panel: ComponentType<{ imageRef: ImageRef }>;
}

export const IMAGE_TABS: readonly ImageTab[] = [
  { id: "overview", label: "image.tabs.overview", Panel: OverviewTab },
  { id: "tags", label: "image.tabs.tags", Panel: TagsTab },
];
