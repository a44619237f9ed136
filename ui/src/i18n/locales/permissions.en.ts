// English copy of the permissions screens, merged into `en` so their keys are checked like all others.

const permissionsEn = {
  permissions: {
    title: "Permissions",
  },
};

export type PermissionsMessages = typeof permissionsEn;
export default permissionsEn;
