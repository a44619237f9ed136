// English copy of the permission screens (an image's Permissions tab, an organization's users,
// the matrix), merged into `en` so their keys are checked like all others.

const permissionsEn = {
  permissions: {
    title: "Permissions",
    description: "Every user's effective level on each organization, or on each image of one organization, and where it comes from.",
    levels:
      "Read: pull. Write: pull, push, edit attributes, add triggers. Manage: all of that, and delete, grant permissions and share.",
    effective:
      "A user's effective level on an image is the higher of their organization grant and their image grant.",
    organizationGrants: "Granted on the organization {{organization}}: {{grants}}",
    loadFailed: "The permissions could not be read.",
    you: "you",
    ownLevel: "Your own level, as SWR reports it",
    noGrants: "No other user has a permission here.",
    revoke: "Revoke",
    levelOf: "Level of {{user}}",
    matrix: "Levels by user",
    selectUser: "Select {{user}}",
    column: {
      user: "User",
      level: "Level",
      actions: "Actions",
    },
    level: {
      read: "Read",
      write: "Write",
      manage: "Manage",
      none: "None",
    },
    origin: {
      organization: "from the organization",
      image: "from the image",
      own: "your own level",
    },
    action: {
      grant: "Grant",
      change: "Change",
      revoke: "Revoke",
      unchanged: "Unchanged",
    },
    add: {
      title: "Grant a user",
      user: "IAM user",
      pick: "Choose a user",
      other: "Other user…",
      userName: "IAM user name",
      userId: "IAM user ID",
      level: "Level",
      submit: "Review the change",
      whyTyped:
        "SWR has no call that lists IAM users, so the users offered are those holding a permission somewhere; type the IAM user ID (32 hexadecimal characters, on the user's page in IAM) and name of anyone else.",
      problems: {
        user: "Choose the user to grant a level to.",
        userName: "Enter the IAM user name.",
        userId: "Enter the IAM user ID.",
      },
    },
    diff: {
      title: "Permission change",
      intro: "{{count}} change(s), applied one request at a time:",
      nothing: "Nothing changes: every user already has the level asked for.",
      planning: "Reading the current permissions…",
      planFailed: "The change could not be planned.",
      applyFailed: "The change could not be applied.",
      apply: "Apply {{count}} change(s)",
      applying: "Applying…",
      cancel: "Cancel",
      close: "Close",
      on: "on {{scope}}",
    },
    result: {
      done: "Done",
      failed: "Failed",
      unchanged: "Unchanged",
      summary: "All {{done}} change(s) applied.",
      partial: "{{done}} applied, {{failed}} failed: the failed ones were not changed.",
    },
    bulk: {
      selected: "{{users}} user(s) × {{columns}} column(s) selected",
      level: "Level for the selection",
      revoke: "Revoke",
      review: "Review the change",
    },
    show: "Show",
    allOrganizations: "All organizations",
    imagesOf: "Images of {{organization}}",
    firstImages: "The first {{count}} images of the organization are shown.",
    emptyMatrix: "Nothing to show: no organization or image here.",
    backToOrganizations: "Organizations",
    usersOf: "Users of {{organization}}",
    usersDescription: "Who may pull, push or manage the images of this organization.",
  },
};

export type PermissionsMessages = typeof permissionsEn;
export default permissionsEn;
