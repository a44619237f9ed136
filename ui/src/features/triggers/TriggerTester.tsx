import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblem } from "../../components/form/FieldProblem";
import { fromViolation, refusal, toFieldError } from "../../components/form/problem";
import { useRuleForm } from "../../components/form/useRuleForm";
import { Select } from "../../components/Select";
import { InfoIcon } from "../../components/icons";
import type { TagQuery, Trigger, TriggerMatch } from "../../ipc";
import { useTagPage, useTagsStatus, type ImageRef } from "../browse/queries";
import { useRuleChecks } from "../rules/queries";
import { splitMatch } from "./form";
import { useTriggerTest } from "./queries";
import { workloadWords } from "./words";

/** The tags offered to pick from: the most recently pushed first (one window of them). */
const RECENT_TAGS: TagQuery = { filter: "", sort: "pushed", descending: true };

interface TestValues {
  tag: string;
}

/** Which triggers a push of a tag would fire, and why, as the backend predicts it. */
export function TriggerTester({ imageRef, triggers }: { imageRef: ImageRef; triggers: readonly Trigger[] }) {
  const { t } = useTranslation();
  const id = useId();
  const rules = useRuleChecks();
  const [tested, setTested] = useState<string | null>(null);
  const test = useTriggerTest(imageRef, tested);
  const status = useTagsStatus(imageRef);
  const recent = useTagPage(imageRef, status.data, RECENT_TAGS, 0);
  const tags = recent.data?.rows.map((row) => row.tag) ?? [];

  const form = useRuleForm<TestValues>({
    defaultValues: { tag: "" },
    // Docker's rules for a tag are the backend's; an empty field is not tested, nor marked.
    check: async ({ tag }) => {
      const rule = tag === "" ? null : await rules.value("tag", tag);
      return { tag: rule && fromViolation(rule) };
    },
  });
  const { register, formState, handleSubmit, watch, setValue } = form;
  const tag = watch("tag");
  // The test is a query, not a request the form sends: a tag SWR refused to test shows on the
  // field for as long as the field holds that tag.
  const refused = test.error && tested === tag ? refusal(test.error) : null;
  const refusedTag = refused !== null && refused.field === "tag" ? toFieldError(refused.problem) : undefined;
  const tagError = formState.errors.tag ?? refusedTag;

  const run = (next: string) => {
    if (next === tested) void test.refetch();
    else setTested(next);
  };
  const onSubmit = handleSubmit((values) => {
    if (values.tag !== "") run(values.tag);
  });

  return (
    <section className="panel trigger-tester" data-testid="trigger-tester" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t("triggers.tester.title")}
      </h2>
      <p className="muted">{t("triggers.tester.intro")}</p>
      <div className="notice notice-info" data-testid="trigger-test-disabled-note">
        <InfoIcon />
        <div className="notice-body">
          <p>{t("triggers.tester.disabledNote")}</p>
        </div>
      </div>
      <form className="trigger-tester-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="trigger-field">
          <label htmlFor={`${id}-tag`} className="trigger-field-label">
            {t("triggers.tester.tag")}
          </label>
          <input
            id={`${id}-tag`}
            className="input trigger-input trigger-code"
            data-testid="trigger-test-tag"
            autoComplete="off"
            spellCheck={false}
            placeholder={t("triggers.tester.tagPlaceholder")}
            aria-invalid={tagError ? true : undefined}
            aria-describedby={`${id}-tag-problem`}
            {...register("tag")}
          />
        </div>
        <div className="trigger-field">
          <label htmlFor={`${id}-pick`} className="trigger-field-label">
            {t("triggers.tester.pick")}
          </label>
          <Select
            id={`${id}-pick`}
            className="trigger-input"
            testId="trigger-test-pick"
            value={tag}
            disabled={tags.length === 0}
            onChange={(picked) => {
              setValue("tag", picked, { shouldDirty: true, shouldValidate: true });
              run(picked);
            }}
            placeholder={recent.data && tags.length === 0 ? t("triggers.tester.pickEmpty") : t("triggers.tester.pickPrompt")}
            choices={tags.map((choice) => ({ value: choice, label: choice }))}
          />
        </div>
        <button
          type="submit"
          className="button button-primary"
          data-testid="trigger-test-run"
          disabled={tag === "" || !formState.isValid || test.isFetching}
        >
          {test.isFetching ? t("triggers.tester.running") : t("triggers.tester.run")}
        </button>
      </form>
      <FieldProblem error={tagError} id={`${id}-tag-problem`} testId="trigger-test-problem" />
      {test.error && refusedTag === undefined && (
        <ErrorNotice title={t("triggers.tester.failed")} error={test.error} testId="trigger-test-error" />
      )}
      {tested !== null && test.data && <Results tag={tested} matches={test.data} triggers={triggers} />}
    </section>
  );
}

function Results({ tag, matches, triggers }: { tag: string; matches: readonly TriggerMatch[]; triggers: readonly Trigger[] }) {
  const { t } = useTranslation();
  if (matches.length === 0) {
    return (
      <p className="list-empty" data-testid="trigger-test-summary">
        {t("triggers.tester.noTriggers")}
      </p>
    );
  }
  const fires = matches.filter((m) => m.fires).length;
  return (
    <div className="trigger-test-results">
      <p className="list-count" data-testid="trigger-test-summary" aria-live="polite">
        {t("triggers.tester.summary", { count: matches.length, fires, tag })}
      </p>
      <ul className="trigger-test-list" aria-label={t("triggers.tester.resultsLabel", { tag })}>
        {matches.map((match) => (
          <ResultRow key={match.trigger} tag={tag} match={match} trigger={triggers.find((tr) => tr.name === match.trigger)} />
        ))}
      </ul>
    </div>
  );
}

function ResultRow({ tag, match, trigger }: { tag: string; match: TriggerMatch; trigger: Trigger | undefined }) {
  const { t } = useTranslation();
  const parts = splitMatch(tag, match.matched);
  const verdict = match.fires ? "fires" : match.matches ? "disabled" : "noMatch";
  const badge = { fires: "badge badge-success", disabled: "badge badge-warning", noMatch: "badge" }[verdict];
  return (
    <li
      className="trigger-test-result"
      data-testid="trigger-test-result"
      data-trigger={match.trigger}
      data-fires={String(match.fires)}
      data-matches={String(match.matches)}
    >
      <div className="trigger-test-result-head">
        <span className="trigger-name">{match.trigger}</span>
        <span className={badge} data-testid="trigger-test-verdict">
          {t(`triggers.tester.${verdict}`)}
        </span>
        <code className="trigger-code trigger-test-tag" data-testid="trigger-test-tagged">
          {parts === null ? (
            tag
          ) : (
            <>
              {parts[0]}
              <mark className="trigger-match" data-testid="trigger-test-highlight" title={t("triggers.tester.matched")}>
                {parts[1]}
              </mark>
              {parts[2]}
            </>
          )}
        </code>
      </div>
      {match.fires && trigger && (
        <p>{t("triggers.tester.updates", { workload: workloadWords(t, trigger), namespace: trigger.cluster_ns })}</p>
      )}
      <p className="field-hint" data-testid="trigger-test-because">
        {t("triggers.tester.because", { because: match.because })}
      </p>
    </li>
  );
}
