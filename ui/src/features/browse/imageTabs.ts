// The sections of an image page, in order. A new section is one more entry here.

import type { ComponentType } from "react";

import { AttributesTab } from "../attributes/AttributesTab";
import { PermissionsTab } from "../permissions/PermissionsTab";
import { RetentionTab } from "../retention/RetentionTab";
import { SharingTab } from "../sharing/SharingTab";
import { SyncTab } from "../sync/SyncTab";
import { TriggersTab } from "../triggers/TriggersTab";
import { OverviewTab } from "./OverviewTab";
import type { ImageRef } from "./queries";
import { TagsTab } from "./TagsTab";

export interface ImageTab {
  id: "overview" | "tags" | "attributes" | "permissions" | "sharing" | "retention" | "triggers" | "sync";
  label:
    | "image.tabs.overview"
    | "image.tabs.tags"
    | "image.tabs.attributes"
    | "image.tabs.permissions"
    | "image.tabs.sharing"
    | "image.tabs.retention"
    | "image.tabs.triggers"
    | "image.tabs.sync";
  Panel: ComponentType<{ imageRef: ImageRef }>;
}

export const IMAGE_TABS: readonly ImageTab[] = [
  { id: "overview", label: "image.tabs.overview", Panel: OverviewTab },
  { id: "tags", label: "image.tabs.tags", Panel: TagsTab },
  { id: "attributes", label: "image.tabs.attributes", Panel: AttributesTab },
  { id: "permissions", label: "image.tabs.permissions", Panel: PermissionsTab },
  { id: "sharing", label: "image.tabs.sharing", Panel: SharingTab },
  { id: "retention", label: "image.tabs.retention", Panel: RetentionTab },
  { id: "triggers", label: "image.tabs.triggers", Panel: TriggersTab },
  { id: "sync", label: "image.tabs.sync", Panel: SyncTab },
];
