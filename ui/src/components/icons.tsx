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

/** Four panels of different heights, as a dashboard lays out its parts. */
export function DashboardIcon() {
  return (
    <Icon>
      <rect x="3" y="3" width="6" height="8" rx="1.2" />
      <rect x="11" y="3" width="6" height="5" rx="1.2" />
      <rect x="3" y="13" width="6" height="4" rx="1.2" />
      <rect x="11" y="10" width="6" height="7" rx="1.2" />
    </Icon>
  );
}

/** An arrow rising out of a tray. */
export function UploadIcon() {
  return (
    <Icon>
      <path d="M10 13V3.5M6.2 7.2L10 3.4l3.8 3.8" />
      <path d="M3.5 12.5v2.5a1.5 1.5 0 0 0 1.5 1.5h10a1.5 1.5 0 0 0 1.5-1.5v-2.5" />
    </Icon>
  );
}

export function CopyIcon() {
  return (
    <Icon>
      <rect x="7" y="7" width="9.5" height="9.5" rx="1.5" />
      <path d="M13 7V5a1.5 1.5 0 0 0-1.5-1.5h-6A1.5 1.5 0 0 0 4 5v6.5A1.5 1.5 0 0 0 5.5 13H7" />
    </Icon>
  );
}

export function ArrowUpIcon() {
  return (
    <Icon>
      <path d="M10 16V4M5 9l5-5 5 5" />
    </Icon>
  );
}

export function ArrowDownIcon() {
  return (
    <Icon>
      <path d="M10 4v12M5 11l5 5 5-5" />
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

/** Three stacked layers: an image. */
export function ImagesIcon() {
  return (
    <Icon>
      <path d="M10 3l7 3.5-7 3.5-7-3.5z" />
      <path d="M3 10l7 3.5 7-3.5M3 13.5l7 3.5 7-3.5" />
    </Icon>
  );
}

/** Two buildings side by side: an organization. */
export function OrganizationIcon() {
  return (
    <Icon>
      <rect x="3" y="6.5" width="6" height="10" rx="1" />
      <rect x="9" y="3.5" width="8" height="13" rx="1" />
      <path d="M12 7h2M12 10h2M12 13h2M5.5 10h1M5.5 13h1" />
    </Icon>
  );
}

export function SearchIcon() {
  return (
    <Icon>
      <circle cx="8.5" cy="8.5" r="5" />
      <path d="M12.2 12.2l4.3 4.3" />
    </Icon>
  );
}

export function CheckIcon() {
  return (
    <Icon>
      <path d="M4.5 10.5l3.5 3.5 7.5-8" />
    </Icon>
  );
}

export function RefreshIcon() {
  return (
    <Icon>
      <path d="M16 10a6 6 0 1 1-1.8-4.3" />
      <path d="M16 3.5v3.5h-3.5" />
    </Icon>
  );
}

export function ArrowLeftIcon() {
  return (
    <Icon>
      <path d="M16 10H4M9 5l-5 5 5 5" />
    </Icon>
  );
}

/** A key: who may do what. */
export function KeyIcon() {
  return (
    <Icon>
      <circle cx="7" cy="10" r="3.5" />
      <path d="M10.5 10h7M15 10v3M17.5 10v2" />
    </Icon>
  );
}

/** A page with lines: the record of changes. */
export function JournalIcon() {
  return (
    <Icon>
      <rect x="4" y="2.5" width="12" height="15" rx="1.5" />
      <path d="M7 6.5h6M7 10h6M7 13.5h4" />
    </Icon>
  );
}
