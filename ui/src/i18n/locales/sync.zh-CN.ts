// Simplified Chinese copy of the Sync tab. Typed as `SyncMessages`, so a missing or extra key
// fails the type check.

import type { SyncMessages } from "./sync.en";

const syncZhCN: SyncMessages = {
  sync: {
    title: "镜像同步",
  },
};

export default syncZhCN;
