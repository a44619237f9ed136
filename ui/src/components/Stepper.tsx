// The steps of a multi-step form, in a row: the ones done are ticked, the current one is marked
// for sight and for assistive technology (`aria-current="step"`), the rest wait their turn.

import { CheckIcon } from "./icons";
import "./Stepper.css";

export interface Step {
  id: string;
  label: string;
}

export function Stepper({ steps, current, label, testIdPrefix }: { steps: readonly Step[]; current: string; label: string; testIdPrefix: string }) {
  const at = steps.findIndex((s) => s.id === current);
  return (
    <ol className="stepper" aria-label={label}>
      {steps.map((step, index) => {
        const state = index < at ? "done" : index === at ? "current" : "upcoming";
        return (
          <li
            key={step.id}
            className="stepper-step"
            data-state={state}
            data-testid={`${testIdPrefix}${step.id}`}
            aria-current={state === "current" ? "step" : undefined}
          >
            <span className="stepper-marker" aria-hidden="true">
              {state === "done" ? <CheckIcon /> : index + 1}
            </span>
            <span className="stepper-label">{step.label}</span>
          </li>
        );
      })}
    </ol>
  );
}
