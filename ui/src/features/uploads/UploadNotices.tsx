// The queue pushes while the user works elsewhere in the console. When a push ends and the
// Uploads screen is not open, a notice says so and offers the way on: the image's tags for a
// push that landed, the Uploads screen for one that failed. A failure the backend retries by
// itself is not one the user needs to hear about.

import { useQueryClient } from "@tanstack/react-query";
import { useNavigate, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

import { useToast } from "../../components/Toasts";
import { useIpc, type FailureKind, type UploadEvent } from "../../ipc";
import { useBackendEvent } from "../../ipc/useBackendEvent";
import { imageOfReference } from "../browse/format";
import { withoutDigest } from "./format";
import { uploadsViewQuery } from "./queries";

export function UploadNotices() {
  const { t } = useTranslation();
  const client = useIpc();
  const queryClient = useQueryClient();
  const notify = useToast();
  const navigate = useNavigate();
  const onUploads = useRouterState({ select: (state) => state.location.pathname.startsWith("/uploads") });

  /** The file an item was added from, as the backend's list says (null when it cannot say). */
  const fileOf = async (item: number): Promise<string | null> => {
    try {
      const view = await queryClient.query(uploadsViewQuery(client));
      return view.items.find((entry) => entry.id === item)?.fileName ?? null;
    } catch {
      return null;
    }
  };

  const pushed = (item: number, references: string[]) => {
    const first = references[0];
    if (first === undefined) return;
    const reference = withoutDigest(first);
    const image = imageOfReference(reference);
    void fileOf(item).then((file) => {
      notify({
        tone: "success",
        title:
          references.length === 1
            ? t("uploads.notices.pushed", { reference })
            : t("uploads.notices.pushedMore", { reference, more: references.length - 1 }),
        body: file ?? undefined,
        action: image
          ? {
              label: t("uploads.notices.openImage"),
              run: () => {
                void navigate({ to: "/images/$org/$image/$tab", params: { org: image.organization, image: image.image, tab: "tags" } });
              },
            }
          : undefined,
        testId: "notice-upload-pushed",
      });
    });
  };

  const failed = (item: number, kind: FailureKind) => {
    void fileOf(item).then((file) => {
      notify({
        tone: "danger",
        title: file === null ? t("uploads.notices.failedUnnamed") : t("uploads.notices.failed", { file }),
        body: t(`uploads.kindTitle.${kind}`),
        action: {
          label: t("uploads.notices.openUploads"),
          run: () => {
            void navigate({ to: "/uploads" });
          },
        },
        testId: "notice-upload-failed",
      });
    });
  };

  useBackendEvent(client.onUploadProgress, (event: UploadEvent) => {
    if (onUploads) return;
    if (event.event === "finished") pushed(event.item, event.pushed);
    else if (event.event === "failed" && !event.transient) failed(event.item, event.kind);
  });
  return null;
}
