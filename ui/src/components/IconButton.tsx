import * as Tooltip from "@radix-ui/react-tooltip";
import type { ReactNode } from "react";

/**
 * A button that shows only an icon. Its label is its accessible name and, through Radix's
 * tooltip, shows on hover and on keyboard focus (a `title` shows on hover alone, and late).
 */
export function IconButton({
  label,
  testId,
  className,
  disabled,
  onClick,
  children,
}: {
  label: string;
  testId?: string;
  className?: string;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Tooltip.Provider delayDuration={400}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
          <button
            type="button"
            className={className === undefined ? "icon-button" : `icon-button ${className}`}
            data-testid={testId}
            aria-label={label}
            disabled={disabled}
            onClick={onClick}
          >
            {children}
          </button>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content className="tooltip" sideOffset={4}>
            {label}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
