import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { CopyIcon } from "../../components/icons";
import { useIpc } from "../../ipc";
import { imageOfReference } from "../browse/format";
import { withoutDigest } from "./format";

/**
 * A reference with the `docker pull` command for it and a button copying that command. Once
 * pushed (`pushed`), the reference links to the image's tags.
 */
export function PullCommand({ reference, digest, pushed = false }: { reference: string; digest?: string | null; pushed?: boolean }) {
  const { t } = useTranslation();
  const client = useIpc();
  const [copied, setCopied] = useState(false);
  const name = withoutDigest(reference);
  const command = `docker pull ${name}`;
  const image = pushed ? imageOfReference(name) : null;
  return (
    <div className="pull">
      {image ? (
        <Link
          to="/images/$org/$image/$tab"
          params={{ org: image.organization, image: image.image, tab: "tags" }}
          className="pull-reference-link"
          data-testid="upload-image-link"
        >
          <code className="pull-reference" data-testid="upload-reference">{name}</code>
        </Link>
      ) : (
        <code className="pull-reference" data-testid="upload-reference">{name}</code>
      )}
      {digest && <code className="pull-digest" data-testid="upload-digest" title={digest}>{digest}</code>}
      <div className="pull-command">
        <code>{command}</code>
        <button
          type="button"
          className="button button-small"
          data-testid="upload-pull-copy"
          aria-label={t("uploads.actions.copyPull")}
          onClick={() => {
            void client.copyText(command).then(() => {
              setCopied(true);
              setTimeout(() => {
                setCopied(false);
              }, 2000);
            });
          }}
        >
          <CopyIcon />
          {copied ? t("uploads.actions.copied") : t("uploads.actions.copy")}
        </button>
      </div>
    </div>
  );
}
