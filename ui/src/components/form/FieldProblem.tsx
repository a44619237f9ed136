import { useTranslation } from "react-i18next";

import { localized } from "../errorText";
import { problemsOf, type FormError, type Problem } from "./problem";

/**
 * A field's problems under the field, in the interface language; one that came back from a
 * refused request carries its request id and is announced.
 */
export function FieldProblem({ error, id, testId }: { error: FormError | undefined; id: string; testId: string }) {
  const problems = problemsOf(error);
  const [first, ...more] = problems;
  if (first === undefined) return null;
  if (more.length === 0) return <ProblemText as="p" id={id} problem={first} testId={testId} />;
  return (
    <ul id={id} className="field-errors">
      {problems.map((problem, i) => (
        <ProblemText key={`${problem.rule}-${i}`} as="li" problem={problem} testId={testId} />
      ))}
    </ul>
  );
}

function ProblemText({ as: Tag, id, problem, testId }: { as: "p" | "li"; id?: string; problem: Problem; testId: string }) {
  const { t, i18n } = useTranslation();
  const { refused, requestId } = problem;
  return (
    <Tag id={id} className="field-error" role={refused ? "alert" : undefined} data-testid={testId} data-rule={problem.rule}>
      {localized(problem.text, i18n.language)}
      {refused && requestId && <span className="field-error-detail">{t("errors.requestId", { requestId })}</span>}
    </Tag>
  );
}
