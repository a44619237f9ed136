import { useId } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblem } from "../../components/form/FieldProblem";
import { fromViolation, ownProblem } from "../../components/form/problem";
import { showRefusal, useRuleForm } from "../../components/form/useRuleForm";
import { numberFormat } from "../../i18n/formatters";
import { SHARE_DESCRIPTION_MAX } from "../../ipc/bindings";
import type { ImageRef } from "../browse/queries";
import { useRuleChecks } from "../rules/queries";
import { todayUtc } from "./dates";
import { useAddShare } from "./queries";

interface ShareValues {
  account: string;
  until: "forever" | "day";
  /** The last day, `YYYY-MM-DD`, when `until` is `day`. */
  day: string;
  description: string;
}

/** The fields of the form under the names the backend gives them in a rule violation. */
const FIELDS = { access_domain: "account", deadline: "day", share_description: "description" } as const;

const EMPTY: ShareValues = { account: "", until: "day", day: "", description: "" };

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
  const rules = useRuleChecks();
  const number = (value: number, language = i18n.language) => numberFormat(language).format(value);

  const form = useRuleForm<ShareValues>({
    defaultValues: EMPTY,
    // SWR's rules for an account name and a deadline are the backend's; whether the image is
    // shared with the account already is this list's.
    check: async ({ account, until, day, description }) => {
      const name = account.trim();
      const over = Array.from(description).length - SHARE_DESCRIPTION_MAX;
      const [accountRule, dayRule] = await Promise.all([
        name === "" ? null : rules.value("shareAccount", name),
        until === "day" && day !== "" ? rules.shareUntil(day) : null,
      ]);
      return {
        account:
          name === ""
            ? ownProblem(i18n, "required", (say) => say("sharing.problems.accountMissing"))
            : accountRule !== null
              ? fromViolation(accountRule)
              : sharedWith.includes(name)
                ? ownProblem(i18n, "taken", (say) => say("sharing.problems.accountTaken", { account: name }))
                : null,
        day:
          until === "forever"
            ? null
            : day === ""
              ? ownProblem(i18n, "required", (say) => say("sharing.problems.dateMissing"))
              : dayRule && fromViolation(dayRule),
        description:
          over > 0
            ? ownProblem(i18n, "share_description.length", (say, language) =>
                say("sharing.problems.descriptionLength", { max: number(SHARE_DESCRIPTION_MAX, language), over: number(over, language) }),
              )
            : null,
      };
    },
  });
  const { register, formState, handleSubmit, watch } = form;
  const { errors } = formState;
  const length = Array.from(watch("description")).length;
  const error = add.error;
  const onSubmit = handleSubmit(({ account, until, day, description }) => {
    if (disabled) return;
    const trimmed = description.trim();
    add.mutate(
      { account: account.trim(), until: until === "forever" ? "forever" : day, description: trimmed === "" ? null : trimmed },
      {
        onSuccess: () => {
          form.reset(EMPTY);
        },
        onError: (failure) => {
          if (showRefusal(form, failure, FIELDS)) add.reset();
        },
      },
    );
  });

  return (
    <form className="panel share-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby={`${id}-title`}>
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
            aria-invalid={errors.account ? true : undefined}
            aria-describedby={`${id}-account-hint ${id}-account-problem`}
            {...register("account", { deps: ["day"] })}
          />
          <p id={`${id}-account-hint`} className="field-hint">
            {t("sharing.add.accountHint")}
          </p>
          <FieldProblem error={errors.account} id={`${id}-account-problem`} testId="sharing-add-account-problem" />
        </div>

        <fieldset className="stacked-field share-until">
          <legend>{t("sharing.add.until")}</legend>
          <div className="share-until-choices">
            <label className="inline-check">
              <input type="radio" value="day" data-testid="sharing-add-until" {...register("until", { deps: ["day"] })} />
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
              min={todayUtc()}
              aria-invalid={errors.day ? true : undefined}
              aria-describedby={`${id}-date-hint ${id}-date-problem`}
              {...register("day", {
                onChange: () => {
                  form.setValue("until", "day");
                },
              })}
            />
            <label className="inline-check">
              <input type="radio" value="forever" data-testid="sharing-add-forever" {...register("until", { deps: ["day"] })} />
              {t("sharing.add.forever")}
            </label>
          </div>
          <p id={`${id}-date-hint`} className="field-hint">
            {t("sharing.add.dateHint")}
          </p>
          <FieldProblem error={errors.day} id={`${id}-date-problem`} testId="sharing-add-date-problem" />
        </fieldset>

        <div className="stacked-field">
          <label htmlFor={`${id}-description`}>{t("sharing.add.description")}</label>
          <textarea
            id={`${id}-description`}
            className="input share-description-input"
            data-testid="sharing-add-description"
            rows={3}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={`${id}-description-count ${id}-description-problem`}
            {...register("description")}
          />
          <p
            id={`${id}-description-count`}
            className={length > SHARE_DESCRIPTION_MAX ? "field-error" : "field-hint"}
            data-testid="sharing-add-description-count"
            data-over={length > SHARE_DESCRIPTION_MAX}
          >
            {t("sharing.add.descriptionCount", { used: number(length), max: number(SHARE_DESCRIPTION_MAX) })}
          </p>
          <FieldProblem error={errors.description} id={`${id}-description-problem`} testId="sharing-add-description-problem" />
        </div>

        <div className="share-form-actions">
          <button
            type="submit"
            className="button button-primary"
            data-testid="sharing-add-submit"
            disabled={disabled || !formState.isValid || formState.isSubmitting || add.isPending}
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
      {error && <ErrorNotice title={t("sharing.add.failed")} error={error} testId="sharing-add-error" />}
    </form>
  );
}
