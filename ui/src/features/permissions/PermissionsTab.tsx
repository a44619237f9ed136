import { useTranslation } from "react-i18next";

import type { ImageRef } from "../browse/queries";
import { levelLabel } from "./levels";
import { usePermissionList } from "./queries";
import { ScopeUsers } from "./ScopeUsers";
import "./permissions.css";

/** Grants on one image, with the organization's grants beside them for context. */
export function PermissionsTab({ imageRef }: { imageRef: ImageRef }) {
  const { t } = useTranslation();
  const { profileId, organization, image } = imageRef;
  const base = usePermissionList(profileId, { organization, image: null });
  return (
    <div data-testid="permissions-tab">
      <p>{t("permissions.effective")}</p>
      {base.data && base.data.users.length > 0 && (
        <p className="muted" data-testid="permissions-organization-grants">
          {t("permissions.organizationGrants", {
            organization,
            grants: base.data.users.map((u) => `${u.userName}: ${levelLabel(t, u.level)}`).join(", "),
          })}
        </p>
      )}
      <ScopeUsers profileId={profileId} scope={{ organization, image }} />
    </div>
  );
}
