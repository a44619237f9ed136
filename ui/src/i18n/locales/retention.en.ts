// English copy of the retention tab, merged into `en` so its keys are checked like all others.

const retentionEn = {
  retention: {
    title: "Retention",
    appliesAtOnce:
      "SWR applies a retention policy the moment it is saved, and again after every push: preview what it deletes before saving.",
    loadFailed: "The retention policy could not be read.",
    current: {
      title: "Current policy",
      none: "No policy: no tag is deleted automatically.",
      days: "Keeps tags pushed within the last {{days}} days.",
      tags: "Keeps the {{count}} most recently pushed tags.",
      except: "Never deletes {{list}}.",
    },
    form: {
      keep: "Keep",
      days: "Tags pushed within N days",
      tags: "The N newest tags",
      daysLabel: "Days (1–365)",
      tagsLabel: "Tags (1–1000)",
      daysRange: "Enter a whole number of days from {{min}} to {{max}}.",
      tagsRange: "Enter a whole number of tags from {{min}} to {{max}}.",
      exceptTags: "Never delete these tags (separated by commas or spaces)",
      exceptRegex: "Never delete tags matching (one regular expression a line)",
      regexHint: "An expression must match the whole tag: release-.* matches release-1 but not prerelease-1.",
    },
    preview: "Preview",
    previewing: "Reading every tag…",
    previewFirst: "Preview this policy first",
    previewFailed: "The preview could not be made.",
    save: "Save the policy…",
    saveFailed: "The policy was not saved.",
    saved: "Saved. SWR deleted {{count}} tag(s), exactly as previewed.",
    savedDiffers: "Saved, but SWR deleted {{count}} tag(s) ({{tags}}), not what the preview said. Check the Tags tab.",
    remove: "Remove the policy",
    removeFailed: "The policy was not removed.",
    removeConfirm: {
      title: "Remove the retention policy",
      body: "No tag of {{image}} will be deleted automatically any more; tags deleted already stay deleted.",
    },
    confirm: {
      title: "Save the retention policy",
      body: "SWR applies it at once: {{count}} tag(s) of {{image}} will be deleted now, those the preview lists.",
      type: "Type {{image}} to confirm",
      ok: "Save and apply",
      cancel: "Cancel",
    },
    summary: "{{deleted}} deleted now, {{kept}} kept",
    column: {
      tag: "Tag",
      verdict: "Now",
      why: "Why",
      pushed: "Pushed",
    },
    verdict: {
      delete: "Deleted",
      keep: "Kept",
    },
    reason: {
      deleted: "Deleted: {{because}}",
      exceptionTag: "an exception names {{tag}}",
      exceptionRegex: "matches the exception /{{pattern}}/",
      withinCount: "number {{rank}} of the {{count}} newest",
      withinDays: "pushed {{age}} days ago, within {{days}}",
    },
    warning: {
      digestStillHeld: "{{tag}} is deleted, but its image stays: {{kept}} point to the same digest.",
      triggerNamesDeletedTag: "The trigger {{trigger}} fires on {{tag}}, which this policy deletes.",
      everythingGoes: "Every tag of the image is deleted.",
      onlyOneLeft: "Only {{kept}} is left.",
      tieAtTheCount: "{{tags}} were pushed in the same second on both sides of the count; SWR may keep a different one.",
      unreadableTime: "The push time of {{tag}} could not be read; it is counted as the oldest.",
    },
    history: {
      title: "Deleted by retention",
      failed: "The retention log could not be read.",
      empty: "Retention has not deleted any tag of this image.",
      when: "Deleted at (UTC)",
    },
  },
};

export type RetentionMessages = typeof retentionEn;
export default retentionEn;
