import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Command } from "cmdk";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { Modal } from "../../components/Modal";
import { useIpc, type CommandError, type ImageQuery, type ImageWindow } from "../../ipc";
import { useActiveProfile } from "../profiles/queries";
import { browseKeys, useImageIndex } from "./queries";
import "./browse.css";

const LIMIT = 20;

type ScreenPath = "/dashboard" | "/uploads" | "/images" | "/organizations" | "/profiles" | "/settings";
type ScreenLabel = "nav.dashboard" | "nav.uploads" | "nav.images" | "nav.organizations" | "nav.profiles" | "nav.settings";
const SCREENS: readonly { path: ScreenPath; label: ScreenLabel }[] = [
  { path: "/dashboard", label: "nav.dashboard" },
  { path: "/uploads", label: "nav.uploads" },
  { path: "/images", label: "nav.images" },
  { path: "/organizations", label: "nav.organizations" },
  { path: "/profiles", label: "nav.profiles" },
  { path: "/settings", label: "nav.settings" },
];

type Entry = { kind: "screen"; path: ScreenPath; label: string } | { kind: "image"; organization: string; name: string };

/**
 * Ctrl+K (⌘K on macOS) from anywhere: jump to a screen or to an image found by the backend's search.
 * cmdk gives the list its keyboard and screen-reader behaviour.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
    };
  }, []);
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onClose={() => {
        setOpen(false);
      }}
      title={t("palette.title")}
      closeLabel={t("palette.close")}
      testId="palette"
      className="dialog-palette"
      dismissOutside
    >
      <PaletteBody
        onDone={() => {
          setOpen(false);
        }}
      />
    </Modal>
  );
}

function PaletteBody({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useIpc();
  const navigate = useNavigate();
  const profile = useActiveProfile();
  const profileId = profile.data?.id ?? null;
  const index = useImageIndex(profileId);
  const [text, setText] = useState("");
  const query: ImageQuery = { text, organization: null, category: null, visibility: "all", sort: "name", descending: false };
  const images = useQuery<ImageWindow, CommandError>({
    queryKey: [...browseKeys.imagesOf(profileId ?? ""), "palette", index.data?.refreshedAt ?? 0, query],
    queryFn: () => client.queryImages(profileId ?? "", query, 0, LIMIT),
    enabled: profileId !== null && index.data !== undefined,
  });

  // The few screen names are matched here; image search is the backend's, so cmdk does not filter.
  const needle = text.trim().toLowerCase();
  const entries: Entry[] = [
    ...SCREENS.map((s) => ({ path: s.path, label: t(s.label) }))
      .filter((s) => needle === "" || s.label.toLowerCase().includes(needle) || s.path.includes(needle))
      .map((s): Entry => ({ kind: "screen", ...s })),
    ...(images.data?.rows ?? []).map((row): Entry => ({ kind: "image", organization: row.organization, name: row.name })),
  ];

  const go = (entry: Entry) => {
    onDone();
    if (entry.kind === "screen") void navigate({ to: entry.path });
    else void navigate({ to: "/images/$org/$image/$tab", params: { org: entry.organization, image: entry.name, tab: "overview" } });
  };

  return (
    <Command className="palette" shouldFilter={false} loop label={t("palette.label")}>
      <Command.Input
        className="input palette-input"
        data-testid="palette-input"
        aria-label={t("palette.label")}
        placeholder={t("palette.placeholder")}
        autoFocus
        value={text}
        onValueChange={setText}
      />
      <Command.List className="palette-list" label={t("palette.results")}>
        {entries.map((entry) => {
          const target = entry.kind === "screen" ? entry.path : `${entry.organization}/${entry.name}`;
          return (
            <Command.Item
              key={target}
              value={`${entry.kind}:${target}`}
              className="palette-item"
              data-testid="palette-item"
              data-kind={entry.kind}
              data-target={target}
              onSelect={() => {
                go(entry);
              }}
            >
              <span className="palette-kind">{entry.kind === "screen" ? t("palette.screen") : t("palette.image")}</span>
              {entry.kind === "screen" ? entry.label : target}
            </Command.Item>
          );
        })}
      </Command.List>
      {profile.isSuccess && profileId === null && <p className="field-hint">{t("palette.noProfile")}</p>}
      {(images.isFetching || index.isPending) && profileId !== null && <p className="field-hint">{t("palette.loading")}</p>}
      {(images.error ?? index.error) && <p className="field-hint field-error">{t("palette.failed")}</p>}
      {entries.length === 0 && !images.isFetching && needle !== "" && <p className="field-hint">{t("palette.noMatch", { query: text })}</p>}
      <p className="field-hint palette-hint">{t("palette.hint")}</p>
    </Command>
  );
}
