import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { DataTable, type DataColumn } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import { Select } from "../../components/Select";
import type { PlatformInspection } from "../../ipc";
import { formatBytes, shortDigest } from "../uploads/format";
import { HintList } from "../uploads/Report";
import { formatDate } from "./format";
import { PullCommands } from "./PullCommands";
import { useInspection, type ImageRef } from "./queries";

/** What a tag or digest is made of, read from the registry: per platform, layers, config, history. */
export function InspectPanel({ imageRef, reference, onClose }: { imageRef: ImageRef; reference: string; onClose: () => void }) {
  const { t } = useTranslation();
  const inspection = useInspection(imageRef, reference);
  const [platformAt, setPlatformAt] = useState(0);
  const data = inspection.data;
  const platform = data?.platforms[platformAt] ?? data?.platforms[0];

  return (
    <Modal
      open
      onClose={onClose}
      title={t("inspect.title", { reference })}
      closeLabel={t("inspect.close")}
      testId="inspect-panel"
      className="dialog-side"
      dismissOutside
    >
      {inspection.isPending && (
        <p className="muted" role="status" data-testid="inspect-loading">
          {t("inspect.loading")}
        </p>
      )}
      {inspection.error && (
        <ErrorNotice title={t("inspect.failed")} error={inspection.error} onRetry={() => void inspection.refetch()} />
      )}
      {data && (
        <>
          <dl className="attributes">
            <dt>{t("inspect.digest")}</dt>
            <dd>
              <code>{data.digest}</code>
            </dd>
            <dt>{t("inspect.mediaType")}</dt>
            <dd>
              <code>{data.media_type}</code>
            </dd>
          </dl>
          {data.is_index && (
            <div className="toolbar-field">
              <span>{t("inspect.platforms", { count: data.platforms.length })}</span>
              <Select
                testId="inspect-platform"
                aria-label={t("inspect.platform")}
                value={String(platformAt)}
                onChange={(at) => {
                  setPlatformAt(Number(at));
                }}
                choices={data.platforms.map((p, at) => ({ value: String(at), label: platformName(p) }))}
              />
            </div>
          )}
          {platform && <PlatformView platform={platform} />}
          <section className="inspect-section">
            <h3>{t("inspect.pull")}</h3>
            <PullCommands pull={data.pull} />
          </section>
        </>
      )}
    </Modal>
  );
}

function platformName(p: PlatformInspection): string {
  return [p.os, p.architecture, p.variant].filter((part) => part !== null && part !== "").join("/");
}

type Layer = PlatformInspection["layers"][number] & { at: number };

function PlatformView({ platform }: { platform: PlatformInspection }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { config } = platform;
  const list = (values: string[]) => (values.length === 0 ? <span className="muted">{t("inspect.none")}</span> : <code>{values.join(" ")}</code>);
  // A layer may come twice (an empty layer), so a row is known by its place.
  const layers = useMemo(() => platform.layers.map((layer, at) => ({ ...layer, at })), [platform.layers]);
  const layerColumns = useMemo(
    (): DataColumn<Layer>[] => [
      {
        id: "digest",
        enableSorting: false,
        header: t("inspect.layerDigest"),
        size: 140,
        cell: ({ row }) => <code title={row.original.digest}>{shortDigest(row.original.digest)}</code>,
      },
      {
        id: "size",
        accessorFn: (layer) => layer.size,
        sortDescFirst: true,
        header: t("inspect.layerSize"),
        size: 96,
        meta: { numeric: true },
        cell: ({ row }) => formatBytes(row.original.size, language),
      },
      {
        id: "instruction",
        enableSorting: false,
        header: t("inspect.layerInstruction"),
        size: 320,
        meta: { grow: 1, className: "cell-wrap" },
        cell: ({ row }) =>
          row.original.created_by === null ? (
            <span className="muted">{t("inspect.unknownInstruction")}</span>
          ) : (
            <code>{row.original.created_by}</code>
          ),
      },
    ],
    [t, language],
  );

  return (
    <div className="inspect-platform" data-testid="inspect-platform-view" data-platform={platformName(platform)}>
      <dl className="attributes">
        <dt>{t("inspect.platform")}</dt>
        <dd>
          <code>{platformName(platform)}</code>
        </dd>
        <dt>{t("inspect.digest")}</dt>
        <dd>
          <code>{platform.digest}</code>
        </dd>
        <dt>{t("inspect.configDigest")}</dt>
        <dd>
          <code>{platform.config_digest}</code>
        </dd>
        <dt>{t("inspect.size")}</dt>
        <dd>{formatBytes(platform.size, language)}</dd>
      </dl>

      {platform.hints.length > 0 && (
        <section className="inspect-section">
          <h3>{t("inspect.hints")}</h3>
          <HintList hints={platform.hints} testId="inspect-hint" />
        </section>
      )}

      <section className="inspect-section">
        <h3>{t("inspect.layers")}</h3>
        <DataTable
          columns={layerColumns}
          rows={layers}
          getRowId={(layer) => String(layer.at)}
          label={t("inspect.layers")}
          testId="inspect-layers"
          widthsKey="inspect-layers"
          rowAttributes={(layer) => ({ "data-testid": "inspect-layer", "data-digest": layer.digest })}
        />
      </section>

      <section className="inspect-section" data-testid="inspect-config">
        <h3>{t("inspect.config")}</h3>
        <dl className="attributes">
          <dt>{t("inspect.entrypoint")}</dt>
          <dd>{list(config.entrypoint)}</dd>
          <dt>{t("inspect.cmd")}</dt>
          <dd>{list(config.cmd)}</dd>
          <dt>{t("inspect.env")}</dt>
          <dd>
            {config.env.length === 0 ? (
              <span className="muted">{t("inspect.none")}</span>
            ) : (
              <ul className="plain-list">
                {config.env.map((entry) => (
                  <li key={entry}>
                    <code>{entry}</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t("inspect.labels")}</dt>
          <dd>
            {config.labels.length === 0 ? (
              <span className="muted">{t("inspect.none")}</span>
            ) : (
              <ul className="plain-list">
                {config.labels.map((label) => (
                  <li key={label.key}>
                    <code>
                      {label.key}={label.value}
                    </code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t("inspect.ports")}</dt>
          <dd>{list(config.exposed_ports)}</dd>
          <dt>{t("inspect.user")}</dt>
          <dd>{config.user === "" ? <span className="muted">{t("inspect.defaultUser")}</span> : <code>{config.user}</code>}</dd>
          <dt>{t("inspect.workdir")}</dt>
          <dd>{config.working_dir === "" ? <span className="muted">{t("inspect.none")}</span> : <code>{config.working_dir}</code>}</dd>
          <dt>{t("inspect.created")}</dt>
          <dd>{config.created === null ? <span className="muted">{t("inspect.none")}</span> : formatDate(config.created, language)}</dd>
        </dl>
      </section>

      <section className="inspect-section">
        <h3>{t("inspect.history")}</h3>
        <ol className="history">
          {platform.history.map((step, at) => (
            <li key={at} data-testid="inspect-history-step" data-empty={step.empty_layer}>
              <code className="history-instruction">{step.created_by}</code>
              <span className="history-meta">
                {step.empty_layer && <span className="badge">{t("inspect.emptyLayer")}</span>}
                {step.created !== null && <span className="muted">{formatDate(step.created, language)}</span>}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
