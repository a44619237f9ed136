import { useId, useState, type SyntheticEvent } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { localized } from "../../components/errorText";
import { SHARE_DESCRIPTION_MAX } from "../../ipc/bindings";
import type { ImageRef } from "../browse/queries";
import { FieldViolation, violationOn } from "../attributes/violation";
import { isAnswered, useValueCheck } from "../rules/queries";
import { todayUtc } from "./dates";
import { useAddShare } from "./queries";
import { UntilProblem, useUntilCheck } from "./UntilCheck";
import { numberFormat } from "../../i18n/formatters";

/** The fields of the form under the names the backend gives them in a rule violation. */
const FIELDS = ["access_domain", "deadline", "share_description"] as const;

type Until = "forever" | "day";

/** Shares the image with one more account; disabled while the image is public. */
export function ShareForm({
  imageRef,
  sharedWith,
  disabled,
}: {
  imageRef: ImageRef;
  sharedWith: readonly string[];
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const add = useAddShare(imageRef);
  const [account, setAccount] = useState("");
  const [until, setUntil] = useState<Until>("day");
  const [day, setDay] = useState("");
  const [description, setDescription] = useState("");

  const today = todayUtc();
  const name = account.trim();
  // SWR's rule for an account name is the backend's; whether the image is shared with it already is this list's.
  const accountCheck = useValueCheck("shareAccount", name, name !== "");
  const nameViolation = name === "" ? null : (accountCheck.data ?? null);
  const taken = nameViolation === null && sharedWith.includes(name);
  const nameChecked = name !== "" && isAnswered(accountCheck);
  const deadline = useUntilCheck(until === "forever" ? "forever" : day);
  const length = Array.from(description).length;
  const over = length - SHARE_DESCRIPTION_MAX;
  const ready = nameChecked && nameViolation === null && !taken && deadline.ready && over <= 0;
  const number = (value: number) => numberFormat(i18n.language).format(value);

  const error = add.error;
  const onField = violationOn(error, FIELDS);
  const violation = (field: (typeof FIELDS)[number]) =>
    error && onField?.field === field ? <FieldViolation error={error} id={`${id}-${field}-error`} testId="sharing-add-error" /> : null;

  const edit = () => {
    add.reset();
  };

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!ready || disabled || add.isPending) return;
    const trimmed = description.trim();
    add.mutate(
      { account: name, until: until === "forever" ? "forever" : day, description: trimmed === "" ? null : trimmed },
      {
        onSuccess: () => {
          setAccount("");
          setDay("");
          setDescription("");
        },
      },
    );
  };

  return (
    <form className="panel share-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t("sharing.add.title")}
      </h2>
      <fieldset className="share-form-fields" disabled={disabled}>
        <div className="stacked-field">
          <label htmlFor={`${id}-account`}>{t("sharing.add.account")}</label>
          <input
            id={`${id}-account`}
            className="input share-account-input"
            data-testid="sharing-add-account"
            autoComplete="off"
            spellCheck={false}
            value={account}
            aria-invalid={nameViolation !== null || taken || onField?.field === "access_domain" ? true : undefined}
            aria-describedby={`${id}-account-hint`}
            onChange={(event) => {
              edit();
              setAccount(event.target.value);
            }}
          />
          <p id={`${id}-account-hint`} className="field-hint">
            {t("sharing.add.accountHint")}
          </p>
          {nameViolation !== null && (
            <p className="field-error" data-testid="sharing-add-account-problem" data-rule={nameViolation.rule}>
              {localized(nameViolation.message, i18n.language)}
            </p>
          )}
          {taken && (
            <p className="field-error" data-testid="sharing-add-account-problem" data-rule="taken">
              {t("sharing.problems.accountTaken", { account: name })}
            </p>
          )}
          {violation("access_domain")}
        </div>

        <fieldset className="stacked-field share-until">
          <legend>{t("sharing.add.until")}</legend>
          <div className="share-until-choices">
            <label className="inline-check">
              <input
                type="radio"
                name={`${id}-until`}
                value="day"
                data-testid="sharing-add-until"
                checked={until === "day"}
                onChange={() => {
                  edit();
                  setUntil("day");
                }}
              />
              {t("sharing.add.untilDate")}
            </label>
            <label className="visually-hidden" htmlFor={`${id}-date`}>
              {t("sharing.add.date")}
            </label>
            <input
              id={`${id}-date`}
              type="date"
              className="input"
              data-testid="sharing-add-date"
              min={today}
              value={day}
              aria-invalid={deadline.violation !== null || onField?.field === "deadline" ? true : undefined}
              aria-describedby={`${id}-date-hint`}
              onChange={(event) => {
                edit();
                setDay(event.target.value);
                setUntil("day");
              }}
            />
            <label className="inline-check">
              <input
                type="radio"
                name={`${id}-until`}
                value="forever"
                data-testid="sharing-add-forever"
                checked={until === "forever"}
                onChange={() => {
                  edit();
                  setUntil("forever");
                }}
              />
              {t("sharing.add.forever")}
            </label>
          </div>
          <p id={`${id}-date-hint`} className="field-hint">
            {t("sharing.add.dateHint")}
          </p>
          {until === "day" && <UntilProblem check={deadline} id={`${id}-date-problem`} testId="sharing-add-date-problem" />}
          {until === "day" && deadline.missing && name !== "" && (
            <p className="field-hint" data-testid="sharing-add-date-problem">
              {t("sharing.problems.dateMissing")}
            </p>
          )}
          {violation("deadline")}
        </fieldset>

        <div className="stacked-field">
          <label htmlFor={`${id}-description`}>{t("sharing.add.description")}</label>
          <textarea
            id={`${id}-description`}
            className="input share-description-input"
            data-testid="sharing-add-description"
            rows={3}
            value={description}
            aria-invalid={over > 0 || onField?.field === "share_description" ? true : undefined}
            aria-describedby={`${id}-description-count`}
            onChange={(event) => {
              edit();
              setDescription(event.target.value);
            }}
          />
          <p
            id={`${id}-description-count`}
            className={over > 0 ? "field-error" : "field-hint"}
            data-testid="sharing-add-description-count"
            data-over={over > 0}
          >
            {t("sharing.add.descriptionCount", { used: number(length), max: number(SHARE_DESCRIPTION_MAX) })}
          </p>
          {over > 0 && (
            <p className="field-error" data-testid="sharing-add-description-problem">
              {t("sharing.problems.descriptionLength", { max: number(SHARE_DESCRIPTION_MAX), over: number(over) })}
            </p>
          )}
          {violation("share_description")}
        </div>

        <div className="share-form-actions">
          <button
            type="submit"
            className="button button-primary"
            data-testid="sharing-add-submit"
            disabled={disabled || !ready || add.isPending}
          >
            {add.isPending ? t("sharing.add.submitting") : t("sharing.add.submit")}
          </button>
          {add.isSuccess && (
            <p className="status-success" role="status" data-testid="sharing-added">
              {t("sharing.add.added", { account: add.variables.account })}
            </p>
          )}
        </div>
      </fieldset>
      {error && !onField && <ErrorNotice title={t("sharing.add.failed")} error={error} testId="sharing-add-error" />}
    </form>
  );
}
