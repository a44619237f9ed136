import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { Modal } from "../components/Modal";
import { useIpc } from "../ipc";

/**
 * Asked when the window is closed while an upload is being pushed: quitting stops the push, which
 * resumes from its confirmed layers on the next start; staying lets it finish.
 */
export function QuitWhilePushing() {
  const { t } = useTranslation();
  const client = useIpc();
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    const unlisten = client.onCloseWhilePushing(() => {
      setAsking(true);
    });
    return () => {
      void unlisten.then((stop) => {
        stop();
      });
    };
  }, [client]);

  const stay = () => {
    setAsking(false);
  };
  const footer = (
    <>
      <button type="button" className="button" data-testid="quit-stay" onClick={stay}>
        {t("quit.stay")}
      </button>
      <button
        type="button"
        className="button button-primary button-destructive"
        data-testid="quit-confirm"
        onClick={() => {
          void client.quitApp();
        }}
      >
        {t("quit.confirm")}
      </button>
    </>
  );

  return (
    <Modal open={asking} onClose={stay} title={t("quit.title")} closeLabel={t("quit.stay")} testId="quit-dialog" footer={footer}>
      <p>{t("quit.body")}</p>
    </Modal>
  );
}
