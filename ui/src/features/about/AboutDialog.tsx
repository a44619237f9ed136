import { useTranslation } from "react-i18next";

import { Modal } from "../../components/Modal";
import { AboutContent } from "./AboutContent";

/** The About dialog: the version, what the app is built from, and its licences. */
export function AboutDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t("about.title")}
      closeLabel={t("about.close")}
      testId="about-dialog"
      closeTestId="about-close"
      dismissOutside
      footer={
        <button type="button" className="button" onClick={onClose}>
          {t("about.close")}
        </button>
      }
    >
      <AboutContent />
    </Modal>
  );
}
