// The app's icons: Lucide's, at one size and stroke, under names that say what they stand for
// here. They are decorative (the text next to them carries the meaning), so Lucide hides them
// from assistive technology.

import {
  ArrowDown,
  ArrowLeft,
  ArrowUp,
  Building2,
  Check,
  ChevronDown,
  Copy,
  Globe,
  Info,
  KeyRound,
  Layers,
  LayoutDashboard,
  RefreshCw,
  ScrollText,
  Search,
  Settings,
  TriangleAlert,
  Upload,
  UserRound,
  X,
  type LucideIcon,
} from "lucide-react";

function sized(Icon: LucideIcon) {
  return function SizedIcon() {
    return <Icon size={16} strokeWidth={1.75} focusable="false" />;
  };
}

export const SettingsIcon = sized(Settings);
export const DashboardIcon = sized(LayoutDashboard);
export const UploadIcon = sized(Upload);
export const CopyIcon = sized(Copy);
export const ArrowUpIcon = sized(ArrowUp);
export const ArrowDownIcon = sized(ArrowDown);
export const InfoIcon = sized(Info);
export const ProfileIcon = sized(UserRound);
export const RegionIcon = sized(Globe);
export const CloseIcon = sized(X);
export const AlertIcon = sized(TriangleAlert);
export const ImagesIcon = sized(Layers);
export const OrganizationIcon = sized(Building2);
export const SearchIcon = sized(Search);
export const CheckIcon = sized(Check);
export const ChevronDownIcon = sized(ChevronDown);
export const RefreshIcon = sized(RefreshCw);
export const ArrowLeftIcon = sized(ArrowLeft);
export const KeyIcon = sized(KeyRound);
export const JournalIcon = sized(ScrollText);

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
