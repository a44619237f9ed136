import { Link } from "@tanstack/react-router";
import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import { TypedConfirmation } from "../../components/TypedConfirmation";
import type { OrganizationRow } from "../../ipc";
import { useActiveProfile } from "../profiles/queries";
import { useCreateOrganization } from "../organizations/queries";
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

function Organizations({ profileId }: { profileId: string }) {
  const { t, i18n } = useTranslation();
  const rows = useOrganizationRows(profileId);
  const [deleting, setDeleting] = useState<string | null>(null);

  return (
    <>
      <CreateOrganization profileId={profileId} />
      {rows.error && <ErrorNotice title={t("organizations.loadFailed")} error={rows.error} onRetry={() => void rows.refetch()} />}
      {rows.isPending && <p className="muted">{t("app.loading")}</p>}
      {rows.data?.length === 0 && <p className="list-empty">{t("organizations.empty")}</p>}
      {rows.data && rows.data.length > 0 && (
        <div className="table-frame">
          <table className="table">
            <thead>
              <tr>
                <th>{t("organizations.column.name")}</th>
                <th>{t("organizations.column.permission")}</th>
                <th className="cell-number">{t("organizations.column.images")}</th>
                <th>
                  <span className="visually-hidden">{t("organizations.column.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map((row: OrganizationRow) => (
                <tr key={row.name} data-testid="organization-row" data-organization={row.name}>
                  <td className="cell-name">{row.name}</td>
                  <td>{permissionLabel(t, row.permission)}</td>
                  <td className="cell-number">{formatCount(row.imageCount, i18n.language)}</td>
                  <td className="cell-actions">
                    <Link
                      to="/images"
                      search={{ organization: row.name }}
                      className="button button-small"
                      data-testid="organization-images"
                      aria-label={t("organizations.browseLabel", { name: row.name })}
                    >
                      {t("organizations.browse")}
                    </Link>
                    <Link
                      to="/organizations/$org/users"
                      params={{ org: row.name }}
                      className="button button-small"
                      data-testid="organization-users-link"
                      data-organization={row.name}
                      aria-label={t("organizations.usersLabel", { name: row.name })}
                    >
                      {t("organizations.users")}
                    </Link>
                    <button
                      type="button"
                      className="button button-small button-danger"
                      data-testid="organization-delete"
                      aria-label={t("organizations.deleteLabel", { name: row.name })}
                      onClick={() => {
                        setDeleting(row.name);
                      }}
                    >
                      {t("organizations.delete")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
  const create = useCreateOrganization(profileId);
  const [name, setName] = useState("");
  const [created, setCreated] = useState<string | null>(null);
  const inputId = useId();
  return (
    <form
      className="organization-create"
      onSubmit={(event) => {
        event.preventDefault();
        const wanted = name.trim();
        create.mutate(wanted, {
          onSuccess: () => {
            setCreated(wanted);
            setName("");
          },
        });
      }}
    >
      <div className="stacked-field">
        <label htmlFor={inputId}>{t("organizations.createName")}</label>
        <span className="inline-controls">
          <input
            id={inputId}
            className="input"
            data-testid="organization-create-name"
            autoComplete="off"
            spellCheck={false}
            value={name}
            aria-invalid={create.isError}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => {
              setName(e.target.value);
              setCreated(null);
              create.reset();
            }}
          />
          <button type="submit" className="button button-primary" data-testid="organization-create" disabled={name.trim() === "" || create.isPending}>
            {t("organizations.create")}
          </button>
        </span>
        <p id={`${inputId}-hint`} className="field-hint">
          {t("organizations.createRules")}
        </p>
        {created !== null && (
          <p className="status-success" role="status">
            {t("organizations.created", { name: created })}
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
