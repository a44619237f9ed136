// English copy of the sharing screens, merged into `en` so their keys are checked like all others.

const sharingEn = {
  sharing: {
    title: "Sharing",
    intro:
      "Share this private image with other Huawei Cloud accounts. A share is read-only: the account can pull the image, but never push to it, change it or delete it.",
    publicNote:
      "This image is public: anyone can already pull it without logging in, so it cannot be shared. Make it private to share it with chosen accounts.",
    publicNoteLink: "Change visibility",
    loadFailed: "The shares of this image could not be read.",
    empty: "This image is not shared with any account.",
    count_one: "Shared with {{count}} account",
    count_other: "Shared with {{count}} accounts",
    columns: {
      account: "Account",
      deadline: "Shared until (UTC)",
      expiry: "Expiry",
      description: "Description",
      creator: "Shared by",
      actions: "Actions",
    },
    deadlineForever: "No end date",
    createdBy: "{{creator}}, {{created}}",
    expiry: {
      never: "never expires",
      expired: "expired",
      today: "expires within a day",
      days_one: "expires in {{count}} day",
      days_other: "expires in {{count}} days",
    },
    edit: "Edit deadline",
    editLabel: "Edit the deadline of the share with {{account}}",
    remove: "Stop sharing",
    removeLabel: "Stop sharing with {{account}}",
    editor: {
      date: "Last day (UTC)",
      forever: "Never expires",
      save: "Save",
      saving: "Saving…",
      cancel: "Cancel",
      failed: "The deadline could not be changed.",
      saved: "The share with {{account}} now ends as shown.",
    },
    add: {
      title: "Share with an account",
      account: "Account name",
      accountHint: "The name of the Huawei Cloud account (not of an IAM user in it).",
      until: "Shared until",
      forever: "Never expires",
      untilDate: "Through a day",
      date: "Last day (UTC)",
      dateHint: "The share lasts through the end of the chosen day in UTC.",
      description: "Description (optional)",
      descriptionCount: "{{used}} / {{max}} characters",
      submit: "Share",
      submitting: "Sharing…",
      added: "Shared with {{account}}.",
      failed: "The image could not be shared.",
    },
    problems: {
      accountMissing: "Enter the name of the account to share with.",
      accountTaken: "The image is already shared with {{account}}; change its deadline in the list instead.",
      dateMissing: "Choose the last day of the share, or choose Never expires.",
      descriptionLength: "The description can have at most {{max}} characters; shorten it by {{over}}.",
    },
    removeDialog: {
      title: "Stop sharing with {{account}}?",
      body: "{{account}} will no longer be able to pull {{image}}. Copies it has already pulled are not affected.",
      confirm: "Stop sharing",
      removing: "Stopping…",
      cancel: "Cancel",
      failed: "Sharing could not be stopped.",
    },
  },
};

export type SharingMessages = typeof sharingEn;
export default sharingEn;
