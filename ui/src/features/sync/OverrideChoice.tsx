import { useId } from "react";
import { useTranslation } from "react-i18next";

/**
 * The override checkbox with what it does written next to it, so the choice is understood
 * before it is made, not after a job failed.
 */
export function OverrideChoice({
  checked,
  onChange,
  testId,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <div className="sync-check-field">
      <label className="sync-check">
        <input
          type="checkbox"
          data-testid={testId}
          checked={checked}
          aria-describedby={hintId}
          onChange={(event) => {
            onChange(event.target.checked);
          }}
        />
        {t("sync.override.label")}
      </label>
      <p id={hintId} className="field-hint" data-testid={`${testId}-hint`}>
        {t("sync.override.hint")}
      </p>
    </div>
  );
}
