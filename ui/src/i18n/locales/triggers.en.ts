// English copy of the triggers screens, merged into `en` so their keys are checked like all others.

const triggersEn = {
  triggers: {
    title: "Triggers",
  },
};

export type TriggersMessages = typeof triggersEn;
export default triggersEn;
