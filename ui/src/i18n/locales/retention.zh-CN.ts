// Simplified Chinese copy of the retention screens. Typed as `RetentionMessages`, so a missing or extra
// key fails the type check.

import type { RetentionMessages } from "./retention.en";

const retentionZhCN: RetentionMessages = {
  retention: {
    title: "Retention",
  },
};

export default retentionZhCN;
