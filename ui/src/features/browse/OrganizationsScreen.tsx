import { Link, useNavigate } from "@tanstack/react-router";
import type { TFunction } from "i18next";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { DataTable, type DataColumn } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblem } from "../../components/form/FieldProblem";
import { Modal } from "../../components/Modal";
import { TypedConfirmation } from "../../components/TypedConfirmation";
import type { OrganizationRow } from "../../ipc";
import { useActiveProfile } from "../profiles/queries";
import { useNewOrganization } from "../organizations/useNewOrganization";
import { formatCount } from "./format";
import { NoProfile } from "./NoProfile";
import { useDeleteOrganization, useOrganizationRows } from "./queries";
import "./browse.css";

/** The organizations of the active profile with the account's permission on each. */
export function OrganizationsScreen() {
  const { t } = useTranslation();
  const profile = useActiveProfile();
  return (
    <section className="screen" data-testid="screen-organizations" aria-labelledby="organizations-title">
      <header className="screen-header">
        <h1 id="organizations-title">{t("organizations.title")}</h1>
        <p className="screen-description">{t("organizations.description")}</p>
      </header>
      {profile.isSuccess && profile.data === null && <NoProfile />}
      {profile.error && <ErrorNotice title={t("organizations.loadFailed")} error={profile.error} onRetry={() => void profile.refetch()} />}
      {profile.data && <Organizations key={profile.data.id} profileId={profile.data.id} />}
    </section>
  );
}

function permissionLabel(t: TFunction, permission: number): string {
  if (permission >= 7) return t("organizations.permission.manage");
  if (permission >= 3) return t("organizations.permission.write");
  if (permission >= 1) return t("organizations.permission.read");
  return t("organizations.permission.other", { value: permission });
}

const BY_NAME = [{ id: "name", desc: false }];

function organizationColumns(t: TFunction, language: string, onDelete: (name: string) => void): DataColumn<OrganizationRow>[] {
  return [
    {
      id: "name",
      accessorFn: (row) => row.name,
      header: t("organizations.column.name"),
      size: 200,
      minSize: 120,
      meta: { grow: 2, className: "cell-name" },
    },
    {
      id: "permission",
      accessorFn: (row) => row.permission,
      sortDescFirst: true,
      header: t("organizations.column.permission"),
      size: 120,
      minSize: 90,
      meta: { grow: 1 },
      cell: ({ row }) => permissionLabel(t, row.original.permission),
    },
    {
      id: "images",
      accessorFn: (row) => row.imageCount,
      sortDescFirst: true,
      header: t("organizations.column.images"),
      size: 80,
      meta: { numeric: true },
      cell: ({ row }) => formatCount(row.original.imageCount, language),
    },
    {
      id: "actions",
      enableSorting: false,
      enableResizing: false,
      header: t("organizations.column.actions"),
      size: 280,
      meta: { className: "cell-actions", label: t("organizations.column.actions") },
      cell: ({ row }) => <OrganizationActions name={row.original.name} onDelete={onDelete} />,
    },
  ];
}

function OrganizationActions({ name, onDelete }: { name: string; onDelete: (name: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Link
        to="/images"
        search={{ organization: name }}
        className="button button-small"
        data-testid="organization-images"
        aria-label={t("organizations.browseLabel", { name })}
      >
        {t("organizations.browse")}
      </Link>
      <Link
        to="/organizations/$org/users"
        params={{ org: name }}
        className="button button-small"
        data-testid="organization-users-link"
        data-organization={name}
        aria-label={t("organizations.usersLabel", { name })}
      >
        {t("organizations.users")}
      </Link>
      <button
        type="button"
        className="button button-small button-danger"
        data-testid="organization-delete"
        aria-label={t("organizations.deleteLabel", { name })}
        onClick={() => {
          onDelete(name);
        }}
      >
        {t("organizations.delete")}
      </button>
    </>
  );
}

function Organizations({ profileId }: { profileId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const rows = useOrganizationRows(profileId);
  const [deleting, setDeleting] = useState<string | null>(null);
  const language = i18n.language;
  const columns = useMemo(() => organizationColumns(t, language, setDeleting), [t, language]);

  return (
    <>
      <CreateOrganization profileId={profileId} />
      {rows.error && <ErrorNotice title={t("organizations.loadFailed")} error={rows.error} onRetry={() => void rows.refetch()} />}
      {rows.isPending && <p className="muted">{t("app.loading")}</p>}
      {rows.data && (
        <DataTable
          columns={columns}
          rows={rows.data}
          getRowId={(row) => row.name}
          label={t("organizations.title")}
          testId="organizations-list"
          widthsKey="organizations"
          initialSorting={BY_NAME}
          onActivate={(row) => {
            void navigate({ to: "/images", search: { organization: row.name } });
          }}
          rowAttributes={(row) => ({ "data-testid": "organization-row", "data-organization": row.name })}
          placeholder={<p>{t("organizations.empty")}</p>}
        />
      )}
      {deleting !== null && (
        <DeleteOrganization
          profileId={profileId}
          name={deleting}
          onClose={() => {
            setDeleting(null);
          }}
        />
      )}
    </>
  );
}

function CreateOrganization({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const inputId = useId();
  const { form, create, onSubmit } = useNewOrganization(profileId);
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <form className="organization-create" onSubmit={(event) => void onSubmit(event)} noValidate>
      <div className="stacked-field">
        <label htmlFor={inputId}>{t("organizations.createName")}</label>
        <span className="inline-controls">
          <input
            id={inputId}
            className="input"
            data-testid="organization-create-name"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={`${inputId}-hint ${inputId}-problem`}
            {...register("name", {
              // A new name takes the last outcome, created or failed, off the screen.
              onChange: () => {
                create.reset();
              },
            })}
          />
          <button
            type="submit"
            className="button button-primary"
            data-testid="organization-create"
            disabled={!formState.isValid || formState.isSubmitting || create.isPending}
          >
            {t("organizations.create")}
          </button>
        </span>
        <p id={`${inputId}-hint`} className="field-hint">
          {t("organizations.createRules")}
        </p>
        <FieldProblem error={errors.name} id={`${inputId}-problem`} testId="organization-create-name-problem" />
        {create.isSuccess && (
          <p className="status-success" role="status">
            {t("organizations.created", { name: create.variables })}
          </p>
        )}
      </div>
      {create.error && <ErrorNotice title={t("organizations.createFailed")} error={create.error} testId="organization-create-error" />}
    </form>
  );
}

function DeleteOrganization({ profileId, name, onClose }: { profileId: string; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteOrganization(profileId);
  const [typed, setTyped] = useState("");
  return (
    <Modal
      open
      onClose={onClose}
      title={t("organizations.deleteTitle", { name })}
      closeLabel={t("organizations.cancel")}
      testId="organization-delete-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("organizations.cancel")}
          </button>
          <button
            type="button"
            className="button button-primary button-destructive"
            data-testid="organization-delete-confirm"
            disabled={typed !== name || remove.isPending}
            onClick={() => {
              remove.mutate(name, { onSuccess: onClose });
            }}
          >
            {remove.isPending ? t("organizations.deleting") : t("organizations.deleteConfirm")}
          </button>
        </>
      }
    >
      <p>{t("organizations.deleteIntro")}</p>
      <TypedConfirmation
        label={t("organizations.deleteConfirmLabel", { name })}
        value={typed}
        onChange={setTyped}
        testId="organization-delete-input"
      />
      {remove.error && <ErrorNotice title={t("organizations.deleteFailed")} error={remove.error} testId="organization-delete-error" />}
    </Modal>
  );
}
