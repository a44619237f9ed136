import { useNavigate, useSearch } from "@tanstack/react-router";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { DataTable, type DataColumn, type TableSelection } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import { including, NO_SELECTION, rangeTo, toggle, toggled, type RowSelection } from "../../components/rowSelection";
import { Select } from "../../components/Select";
import type { ImageQuery, Level, Matrix, Wanted } from "../../ipc";
import { NoProfile } from "../browse/NoProfile";
import { PAGE_SIZE, useImageIndex, useImagePage } from "../browse/queries";
import { useActiveProfile } from "../profiles/queries";
import { LEVELS, levelLabel } from "./levels";
import { PermissionDiff } from "./PermissionDiff";
import { useImageMatrix, useOrganizationMatrix } from "./queries";
import "./permissions.css";

/**
 * Every known user's effective level across organizations, or across the images of one
 * organization, with where each level comes from; rows and columns can be selected for a bulk
 * change, which goes through the same diff as any other.
 */
export function PermissionsScreen() {
  const { t } = useTranslation();
  const profile = useActiveProfile();
  const { organization } = useSearch({ from: "/permissions" });
  return (
    <section className="screen screen-wide" data-testid="screen-permissions" aria-labelledby="permissions-title">
      <header className="screen-header">
        <h1 id="permissions-title">{t("permissions.title")}</h1>
        <p className="screen-description">{t("permissions.description")}</p>
      </header>
      {profile.isSuccess && profile.data === null && <NoProfile />}
      {profile.error && <ErrorNotice title={t("permissions.loadFailed")} error={profile.error} />}
      {profile.data && <Matrices key={profile.data.id} profileId={profile.data.id} organization={organization ?? null} />}
    </section>
  );
}

const IMAGES_OF = (organization: string): ImageQuery => ({
  text: "",
  organization,
  category: null,
  visibility: "all",
  sort: "name",
  descending: false,
});

function Matrices({ profileId, organization }: { profileId: string; organization: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const all = useOrganizationMatrix(profileId);
  const index = useImageIndex(organization === null ? null : profileId);
  const window = useImagePage(profileId, index.data, IMAGES_OF(organization ?? ""), 0);
  const images = useMemo(
    () => (organization === null ? [] : (window.data?.rows ?? []).filter((r) => r.organization === organization).map((r) => r.name)),
    [organization, window.data],
  );
  const byImage = useImageMatrix(profileId, organization ?? "", images, organization !== null && window.data !== undefined);
  const matrix = organization === null ? all : byImage;
  const organizations = all.data?.columns ?? [];

  return (
    <>
      <label className="field permissions-switch">
        <span className="field-label">{t("permissions.show")}</span>
        <Select
          id={`${id}-org`}
          testId="permissions-organization"
          value={organization ?? ""}
          onChange={(value) => {
            void navigate({ to: "/permissions", search: value === "" ? {} : { organization: value } });
          }}
          choices={[
            { value: "", label: t("permissions.allOrganizations") },
            ...organizations.map((o) => ({ value: o, label: t("permissions.imagesOf", { organization: o }) })),
          ]}
        />
      </label>
      {organization !== null && (window.data?.matching ?? 0) > PAGE_SIZE && (
        <p className="muted">{t("permissions.firstImages", { count: PAGE_SIZE })}</p>
      )}
      {matrix.error && <ErrorNotice title={t("permissions.loadFailed")} error={matrix.error} onRetry={() => void matrix.refetch()} />}
      {matrix.isPending && <p className="muted">{t("app.loading")}</p>}
      {matrix.data && <MatrixTable key={`${organization ?? ""}|${matrix.data.columns.join(",")}`} profileId={profileId} matrix={matrix.data} />}
    </>
  );
}

type MatrixRow = Matrix["users"][number] & { at: number };

/** The users of `rows` whose level can be changed here: all but your own. */
function others(rows: readonly MatrixRow[]): string[] {
  return rows.filter((row) => !row.own).map((row) => row.userId);
}

function MatrixTable({ profileId, matrix }: { profileId: string; matrix: Matrix }) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<RowSelection>(NO_SELECTION);
  const [columns, setColumns] = useState<ReadonlySet<string>>(new Set());
  const [bulk, setBulk] = useState<Level | "revoke">("read");
  const [wanted, setWanted] = useState<Wanted[] | null>(null);
  const rows = useMemo(() => matrix.users.map((user, at) => ({ ...user, at })), [matrix.users]);
  const selectedUsers = matrix.users.filter((u) => !u.own && users.ids.has(u.userId));
  const selectedColumns = matrix.columns.filter((c) => columns.has(c));

  const selection: TableSelection<MatrixRow> = {
    selected: users.ids,
    onToggle: (id, at, range) => {
      // A Shift range selects every other user between the anchor and the row, as in Tags.
      const span = range ? rangeTo(users, at) : null;
      if (span === null) setUsers(toggle(users, id, at));
      else setUsers(including(users, others(rows.slice(span[0], span[1] + 1))));
    },
    onToggleAll: () => {
      const all = others(rows);
      setUsers(all.every((id) => users.ids.has(id)) ? NO_SELECTION : including(NO_SELECTION, all));
    },
    label: (row) => t("permissions.selectUser", { user: row.userName }),
    disabled: (row) => row.own,
  };

  const tableColumns = useMemo((): DataColumn<MatrixRow>[] => {
    return [
      {
        // Not sortable: a Shift range is taken in the matrix's own order, which the table shows.
        id: "user",
        enableSorting: false,
        header: t("permissions.column.user"),
        size: 200,
        meta: { grow: 1, className: "cell-name" },
        cell: ({ row }) => (
          <>
            {row.original.userName}
            {row.original.own && <span className="badge">{t("permissions.you")}</span>}
          </>
        ),
      },
      ...matrix.columns.map(
        (column, col): DataColumn<MatrixRow> => ({
          id: `column:${column}`,
          enableSorting: false,
          size: 200,
          meta: { grow: 1 },
          header: () => (
            <label className="permission-column">
              <input
                type="checkbox"
                data-testid="matrix-select-column"
                data-column={column}
                checked={columns.has(column)}
                onChange={() => {
                  setColumns((now) => toggled(now, column));
                }}
              />
              {column}
            </label>
          ),
          cell: ({ row }) => {
            const user = row.original;
            const cell = matrix.cells[user.at]?.[col] ?? { level: null, origin: null };
            const origin = cell.origin === null ? "" : t(`permissions.origin.${cell.origin}`);
            return (
              <span
                data-testid="matrix-cell"
                data-user={user.userName}
                data-column={column}
                data-level={cell.level ?? "none"}
                data-origin={cell.origin ?? "none"}
                title={origin}
                className={cell.level === null ? "muted" : undefined}
              >
                {levelLabel(t, cell.level)}
                {cell.origin !== null && <span className="permission-origin"> {origin}</span>}
              </span>
            );
          },
        }),
      ),
    ];
  }, [t, matrix.columns, matrix.cells, columns]);

  const apply = () => {
    setWanted(
      selectedUsers.flatMap((u) =>
        selectedColumns.map((c) => ({
          scope: matrix.organization === null ? { organization: c, image: null } : { organization: matrix.organization, image: c },
          userId: u.userId,
          userName: u.userName,
          level: bulk === "revoke" ? null : bulk,
        })),
      ),
    );
  };

  if (matrix.columns.length === 0) return <p className="list-empty">{t("permissions.emptyMatrix")}</p>;
  return (
    <>
      <DataTable
        columns={tableColumns}
        rows={rows}
        getRowId={(row) => row.userId}
        label={t("permissions.matrix")}
        className="permission-matrix"
        testId="permission-matrix"
        widthsKey={matrix.organization === null ? "permission-matrix" : "permission-matrix-images"}
        selection={selection}
        rowAttributes={(row) => ({ "data-testid": "matrix-row", "data-user": row.userName })}
      />
      <div className="permission-bulk">
        <span>{t("permissions.bulk.selected", { users: selectedUsers.length, columns: selectedColumns.length })}</span>
        <Select
          testId="bulk-level"
          aria-label={t("permissions.bulk.level")}
          value={bulk}
          onChange={setBulk}
          choices={[
            ...LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) })),
            { value: "revoke" as const, label: t("permissions.bulk.revoke") },
          ]}
        />
        <button
          type="button"
          className="button button-primary"
          data-testid="bulk-apply"
          disabled={selectedUsers.length === 0 || selectedColumns.length === 0}
          onClick={apply}
        >
          {t("permissions.bulk.review")}
        </button>
      </div>
      <PermissionDiff
        profileId={profileId}
        wanted={wanted}
        onClose={() => {
          setWanted(null);
        }}
      />
    </>
  );
}
