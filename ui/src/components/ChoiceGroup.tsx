import { useId, type ReactNode } from "react";

import type { Choice } from "./Select";

export type { Choice } from "./Select";

/**
 * A single choice among a few options, shown as a segmented control: native radio buttons, so
 * arrow keys, Tab and screen readers work as usual.
 */
export function ChoiceGroup<T extends string>({
  legend,
  hint,
  value,
  choices,
  onChange,
  testId,
}: {
  legend: string;
  hint?: ReactNode;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  testId: string;
}) {
  const name = useId();
  const hintId = `${name}-hint`;
  return (
    <fieldset className="field" data-testid={testId} aria-describedby={hint ? hintId : undefined}>
      <legend className="field-label">{legend}</legend>
      <div className="field-control">
        <div className="segmented">
          {choices.map((choice) => (
            <label key={choice.value} className="segmented-option" data-testid={`${testId}-${choice.value}`}>
              <input
                type="radio"
                name={name}
                value={choice.value}
                checked={choice.value === value}
                disabled={choice.disabled}
                onChange={() => {
                  onChange(choice.value);
                }}
              />
              <span>{choice.label}</span>
            </label>
          ))}
        </div>
        {hint !== undefined && (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )}
      </div>
    </fieldset>
  );
}
