// English copy of the Sync tab, merged into `en` so its keys are checked like all others.

const syncEn = {
  sync: {
    title: "Sync",
  },
};

export type SyncMessages = typeof syncEn;
export default syncEn;
