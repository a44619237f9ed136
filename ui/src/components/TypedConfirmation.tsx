import { useId } from "react";

/**
 * The field of a destructive dialog where the user types a name to confirm, as SWR's own console
 * asks: the dialog keeps its action disabled until `value` equals what it expects.
 */
export function TypedConfirmation({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  const inputId = useId();
  return (
    <div className="stacked-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        className="input"
        data-testid={testId}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
    </div>
  );
}
