import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ChoiceGroup } from "../../components/ChoiceGroup";
import { CopyIcon } from "../../components/icons";
import { useIpc, type PullCommand } from "../../ipc";

type By = "tag" | "digest";

/**
 * One pull line per tool, by tag or by digest, each with a Copy button. A digest pins the exact
 * image; a tag follows whatever is pushed under it next.
 */
export function PullCommands({ pull }: { pull: PullCommand[] }) {
  const { t } = useTranslation();
  const client = useIpc();
  const [by, setBy] = useState<By>("tag");
  const [copied, setCopied] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const digestKnown = pull.some((p) => p.byDigest !== null);
  const shown: By = digestKnown ? by : "tag";

  const copy = (tool: string, command: string) => {
    client.copyText(command).then(
      () => {
        setFailed(false);
        setCopied(tool);
        setTimeout(() => {
          setCopied((now) => (now === tool ? null : now));
        }, 2000);
      },
      () => {
        setFailed(true);
      },
    );
  };

  return (
    <div className="pull-commands">
      {digestKnown ? (
        <ChoiceGroup<By>
          legend={t("pull.reference")}
          value={shown}
          choices={[
            { value: "tag", label: t("pull.byTag") },
            { value: "digest", label: t("pull.byDigest") },
          ]}
          onChange={setBy}
          testId="pull-by"
        />
      ) : (
        <p className="field-hint">{t("pull.noDigest")}</p>
      )}
      <ul className="pull-lines">
        {pull.map((line) => {
          const command = shown === "digest" ? (line.byDigest ?? line.byTag) : line.byTag;
          const tool = t(`pull.tool.${line.tool}`);
          return (
            <li key={line.tool} className="pull-line">
              <span className="pull-tool">{tool}</span>
              <code className="pull-text" data-testid="pull-command" data-tool={line.tool}>
                {command}
              </code>
              <button
                type="button"
                className="button button-small"
                data-testid="pull-copy"
                data-tool={line.tool}
                aria-label={t("pull.copyLabel", { tool })}
                onClick={() => {
                  copy(line.tool, command);
                }}
              >
                <CopyIcon />
                {copied === line.tool ? t("pull.copied") : t("pull.copy")}
              </button>
            </li>
          );
        })}
      </ul>
      {failed && (
        <p className="field-hint field-error" role="alert">
          {t("pull.copyFailed")}
        </p>
      )}
    </div>
  );
}
