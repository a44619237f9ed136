// Simplified Chinese copy of the triggers screens. Typed as `TriggersMessages`, so a missing or extra
// key fails the type check.

import type { TriggersMessages } from "./triggers.en";

const triggersZhCN: TriggersMessages = {
  triggers: {
    title: "Triggers",
  },
};

export default triggersZhCN;
