// Small inline icons, drawn on a 20×20 grid with `currentColor`; decorative, so hidden from
// assistive technology (the text next to them carries the meaning).

import type { SVGProps } from "react";

function Icon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 20 20"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    />
  );
}

export function SettingsIcon() {
  return (
    <Icon>
      <circle cx="10" cy="10" r="2.6" />
      <path d="M10 2.5v2M10 15.5v2M2.5 10h2M15.5 10h2M4.7 4.7l1.4 1.4M13.9 13.9l1.4 1.4M4.7 15.3l1.4-1.4M13.9 6.1l1.4-1.4" />
    </Icon>
  );
}

export function InfoIcon() {
  return (
    <Icon>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M10 9v5M10 6.2v.1" />
    </Icon>
  );
}

export function ProfileIcon() {
  return (
    <Icon>
      <circle cx="10" cy="7" r="3" />
      <path d="M4 16.5c.8-3 3.2-4.5 6-4.5s5.2 1.5 6 4.5" />
    </Icon>
  );
}

export function RegionIcon() {
  return (
    <Icon>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M2.5 10h15M10 2.5c2.2 2.2 3 4.7 3 7.5s-.8 5.3-3 7.5c-2.2-2.2-3-4.7-3-7.5s.8-5.3 3-7.5z" />
    </Icon>
  );
}

export function CloseIcon() {
  return (
    <Icon>
      <path d="M5 5l10 10M15 5L5 15" />
    </Icon>
  );
}

export function AlertIcon() {
  return (
    <Icon>
      <path d="M10 3l7.5 13h-15z" />
      <path d="M10 8.5v3.5M10 14.2v.1" />
    </Icon>
  );
}

/** The app mark: a stack of container layers. */
export function AppMark() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" className="app-mark">
      <rect x="2" y="2" width="20" height="20" rx="5" className="app-mark-tile" />
      <path d="M7 9.5l5-2.5 5 2.5-5 2.5z" className="app-mark-layer" />
      <path d="M7 12.5l5 2.5 5-2.5M7 15.2l5 2.5 5-2.5" className="app-mark-line" />
    </svg>
  );
}
