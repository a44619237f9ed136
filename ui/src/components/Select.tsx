import type { Ref } from "react";
import * as Radix from "@radix-ui/react-select";

import { CheckIcon, ChevronDownIcon } from "./icons";
import "./Select.css";

/** One entry of a {@link Select} or a {@link ChoiceGroup}. */
export interface Choice<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
}

/**
 * A list to choose one value from, on Radix's select: a button that shows the choice and opens a
 * list beside it. Keyboard and screen-reader behaviour are Radix's (arrows, typing the start of a
 * label, Enter, Escape, the combobox role); the look is ours in both themes, where a native
 * `<select>` would draw the toolkit's own list.
 *
 * Values are plain strings and `""` is a value like any other (the "all organizations" entry of a
 * filter): Radix keeps the empty string for "nothing chosen", so values cross it with a prefix.
 * A value that is none of the choices (the list is still loading, nothing is chosen yet) shows
 * the `placeholder`.
 */
export function Select<V extends string>({
  value,
  onChange,
  choices,
  id,
  testId,
  className,
  disabled = false,
  placeholder,
  "aria-label": ariaLabel,
  "aria-describedby": describedBy,
  "aria-invalid": invalid,
  ref,
}: {
  value: V;
  onChange: (value: V) => void;
  choices: readonly Choice<V>[];
  id?: string;
  testId?: string;
  className?: string;
  disabled?: boolean;
  placeholder?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  /** The button, so that a form can move focus to a choice it refuses. */
  ref?: Ref<HTMLButtonElement>;
}) {
  const chosen = choices.some((choice) => choice.value === value);
  return (
    <Radix.Root
      value={chosen ? encode(value) : ""}
      onValueChange={(next) => {
        const choice = choices.find((c) => encode(c.value) === next);
        if (choice !== undefined) onChange(choice.value);
      }}
      disabled={disabled}
    >
      <Radix.Trigger
        ref={ref}
        id={id}
        className={className === undefined ? "select" : `select ${className}`}
        data-testid={testId}
        data-value={chosen ? value : undefined}
        aria-label={ariaLabel}
        aria-describedby={describedBy}
        aria-invalid={invalid}
      >
        <span className="select-value">
          <Radix.Value placeholder={placeholder} />
        </span>
        <Radix.Icon className="select-chevron">
          <ChevronDownIcon />
        </Radix.Icon>
      </Radix.Trigger>
      <Radix.Portal>
        <Radix.Content className="select-list" position="popper" sideOffset={4} collisionPadding={8}>
          <Radix.Viewport className="select-viewport">
            {choices.map((choice) => (
              <Radix.Item
                key={choice.value}
                value={encode(choice.value)}
                disabled={choice.disabled}
                className="select-item"
                data-value={choice.value}
              >
                <Radix.ItemText>{choice.label}</Radix.ItemText>
                <Radix.ItemIndicator className="select-item-mark">
                  <CheckIcon />
                </Radix.ItemIndicator>
              </Radix.Item>
            ))}
          </Radix.Viewport>
        </Radix.Content>
      </Radix.Portal>
    </Radix.Root>
  );
}

function encode(value: string): string {
  return `=${value}`;
}
