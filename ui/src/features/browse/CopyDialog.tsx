import { useId } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblem } from "../../components/form/FieldProblem";
import { fromViolation, ownProblem } from "../../components/form/problem";
import { showRefusal, useRuleForm } from "../../components/form/useRuleForm";
import { Modal } from "../../components/Modal";
import { useRuleChecks } from "../rules/queries";
import { useCopyTag, type ImageRef } from "./queries";

interface CopyValues {
  /** `org/image:tag`. */
  target: string;
}

/** The field of the form under the names the backend gives the parts of a reference in a rule violation. */
const FIELDS = { namespace: "target", repository: "target", tag: "target" } as const;

/**
 * `org/image:tag` read as the backend reads it: the organization is the first segment, the image
 * the rest (it may hold `/`), the tag what follows a `:` after the last `/`; a registry host in
 * front is dropped. `tag` is null when there is none, or a digest instead.
 */
function targetParts(text: string): { organization: string; image: string; tag: string | null } {
  const at = text.indexOf("@");
  const colon = text.lastIndexOf(":");
  const tagged = at === -1 && colon > text.lastIndexOf("/");
  const path = at !== -1 ? text.slice(0, at) : tagged ? text.slice(0, colon) : text;
  const segments = path.split("/");
  if (segments.length > 2 && /[.:]/.test(segments[0] ?? "")) segments.shift();
  return { organization: segments[0] ?? "", image: segments.slice(1).join("/"), tag: tagged ? text.slice(colon + 1) : null };
}

/** Copies one tag to another `org/image:tag`; the registry links or copies the layers itself. */
export function CopyDialog({ imageRef, tag, onClose }: { imageRef: ImageRef; tag: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const copy = useCopyTag(imageRef.profileId);
  const rules = useRuleChecks();
  const source = `${imageRef.organization}/${imageRef.image}:${tag}`;
  const inputId = useId();
  const hintId = useId();
  const outcome = copy.data;

  const form = useRuleForm<CopyValues>({
    defaultValues: { target: `${imageRef.organization}/${imageRef.image}:` },
    // SWR's rules for each part of the reference are the backend's; a missing part, or the
    // source itself, is this form's.
    check: async ({ target }) => {
      const text = target.trim();
      const problem = (key: "targetMissing" | "imageMissing" | "tagMissing" | "sameAsSource", rule: string = key) =>
        ownProblem(i18n, rule, (say) => say(`copyTag.problems.${key}`));
      if (text === "") return { target: problem("targetMissing", "required") };
      const parts = targetParts(text);
      const [organizationRule, imageRule, tagRule] = await Promise.all([
        parts.organization === "" ? null : rules.value("organization", parts.organization),
        parts.image === "" ? null : rules.value("image", parts.image),
        parts.tag === null || parts.tag === "" ? null : rules.value("tag", parts.tag),
      ]);
      const broken = organizationRule ?? imageRule;
      return {
        target:
          broken !== null
            ? fromViolation(broken)
            : parts.organization === "" || parts.image === ""
              ? problem("imageMissing")
              : parts.tag === null || parts.tag === ""
                ? problem("tagMissing")
                : tagRule !== null
                  ? fromViolation(tagRule)
                  : text === source
                    ? problem("sameAsSource")
                    : null,
      };
    },
  });
  const { register, formState, handleSubmit } = form;
  const { errors } = formState;
  const onSubmit = handleSubmit(({ target }) => {
    copy.mutate(
      { source, target: target.trim() },
      {
        onError: (failure) => {
          if (showRefusal(form, failure, FIELDS)) copy.reset();
        },
      },
    );
  });

  const footer = outcome ? (
    <button type="button" className="button" onClick={onClose}>
      {t("copyTag.close")}
    </button>
  ) : (
    <>
      <button type="button" className="button" onClick={onClose}>
        {t("copyTag.cancel")}
      </button>
      <button
        type="submit"
        form={inputId + "-form"}
        className="button button-primary"
        data-testid="copy-submit"
        disabled={!formState.isValid || formState.isSubmitting || copy.isPending}
      >
        {copy.isPending ? t("copyTag.copying") : t("copyTag.submit")}
      </button>
    </>
  );

  return (
    <Modal open onClose={onClose} title={t("copyTag.title", { source })} closeLabel={t("copyTag.close")} testId="copy-dialog" footer={footer}>
      {!outcome && (
        <form id={inputId + "-form"} className="stacked-field" onSubmit={(event) => void onSubmit(event)} noValidate>
          <label htmlFor={inputId}>{t("copyTag.target")}</label>
          <input
            id={inputId}
            className="input"
            data-testid="copy-target"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.target ? true : undefined}
            aria-describedby={`${hintId} ${inputId}-problem`}
            {...register("target")}
          />
          <p id={hintId} className="field-hint">
            {t("copyTag.targetHint")}
          </p>
          <FieldProblem error={errors.target} id={`${inputId}-problem`} testId="copy-target-problem" />
        </form>
      )}
      {copy.error && <ErrorNotice title={t("copyTag.failed")} error={copy.error} />}
      {outcome && (
        <div data-testid="copy-result" role="status">
          <p className="status-success">{t("copyTag.result", { target: outcome.target })}</p>
          <p>{t("copyTag.counts", { mounted: outcome.mounted, copied: outcome.copied, present: outcome.present })}</p>
        </div>
      )}
    </Modal>
  );
}
