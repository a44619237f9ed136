// Simplified Chinese copy of the permissions screens. Typed as `PermissionsMessages`, so a missing or extra
// key fails the type check.

import type { PermissionsMessages } from "./permissions.en";

const permissionsZhCN: PermissionsMessages = {
  permissions: {
    title: "Permissions",
  },
};

export default permissionsZhCN;
