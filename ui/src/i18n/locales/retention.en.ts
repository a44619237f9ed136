// English copy of the retention screens, merged into `en` so their keys are checked like all others.

const retentionEn = {
  retention: {
    title: "Retention",
  },
};

export type RetentionMessages = typeof retentionEn;
export default retentionEn;
