import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { useIpc, type Profile, type ProfileEntry } from "../../ipc";
import { ProfileWizard } from "./ProfileWizard";
import { useProfileMutation, useProfiles } from "./queries";

type Editing = { mode: "add" } | { mode: "edit"; profile: Profile } | null;

/** The list of profiles with their actions; the wizard when there is none yet or on request. */
export function ProfilesScreen() {
  const { t } = useTranslation();
  const client = useIpc();
  const profiles = useProfiles();
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const use = useProfileMutation((id: string) => client.setActiveProfile(id));
  const duplicate = useProfileMutation((id: string) => client.duplicateProfile(id));
  const remove = useProfileMutation((id: string) => client.deleteProfile(id));
  const actionError = use.error ?? duplicate.error ?? remove.error;

  const list = profiles.data?.profiles ?? [];
  const firstRun = profiles.isSuccess && list.length === 0;
  // The first-run wizard stays open once the profile it creates appears in the list.
  if (firstRun && editing === null) setEditing({ mode: "add" });

  return (
    <section className="screen" data-testid="screen-profiles" aria-labelledby="profiles-title">
      <header className="screen-header">
        <h1 id="profiles-title">{t("profiles.title")}</h1>
        <p className="screen-description">{t("profiles.description")}</p>
      </header>
      {profiles.error && <ErrorNotice title={t("profiles.loadFailed")} error={profiles.error} />}
      {actionError && <ErrorNotice title={t("profiles.actionFailed")} error={actionError} />}

      {(firstRun || editing !== null) && (
        <ProfileWizard
          key={editing?.mode === "edit" ? editing.profile.id : "add"}
          profile={editing?.mode === "edit" ? editing.profile : undefined}
          onClose={firstRun ? undefined : () => { setEditing(null); }}
        />
      )}

      {!firstRun && editing === null && (
        <div className="panel">
          <button type="button" data-testid="profiles-add" onClick={() => { setEditing({ mode: "add" }); }}>
            {t("profiles.add")}
          </button>
          <ul className="profile-list">
            {list.map((entry) => (
              <ProfileRow
                key={entry.profile.id}
                entry={entry}
                active={profiles.data?.active === entry.profile.id}
                confirming={confirming === entry.profile.id}
                onUse={() => { use.mutate(entry.profile.id); }}
                onEdit={() => { setEditing({ mode: "edit", profile: entry.profile }); }}
                onDuplicate={() => { duplicate.mutate(entry.profile.id); }}
                onDelete={() => { setConfirming(entry.profile.id); }}
                onConfirm={(yes) => {
                  setConfirming(null);
                  if (yes) remove.mutate(entry.profile.id);
                }}
              />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function ProfileRow(props: {
  entry: ProfileEntry;
  active: boolean;
  confirming: boolean;
  onUse: () => void;
  onEdit: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onConfirm: (yes: boolean) => void;
}) {
  const { t } = useTranslation();
  const { profile, secretKey, registry } = props.entry;
  const keyState =
    secretKey === "keyring" ? t("profiles.keyInKeyring") : secretKey === "session" ? t("profiles.keyInSession") : t("profiles.keyMissing");
  return (
    <li data-testid="profile-row" data-id={profile.id} data-active={props.active}>
      <strong data-testid="profile-name">{profile.name}</strong> · {profile.region}
      {props.active && <span data-testid="profile-active"> · {t("profiles.active")}</span>}
      <div className="field-hint">
        {t("profiles.accessKey")}: {profile.accessKeyId} · {t("profiles.registry")}: {registry}
      </div>
      <div className="field-hint" data-testid="profile-key-state" data-state={secretKey ?? "missing"}>
        {keyState}
      </div>
      {!props.active && (
        <button type="button" data-testid="profile-use" onClick={props.onUse}>
          {t("profiles.makeActive")}
        </button>
      )}
      <button type="button" data-testid="profile-edit" onClick={props.onEdit}>
        {t("profiles.edit")}
      </button>
      <button type="button" data-testid="profile-duplicate" onClick={props.onDuplicate}>
        {t("profiles.duplicate")}
      </button>
      <button type="button" data-testid="profile-delete" onClick={props.onDelete}>
        {t("profiles.delete")}
      </button>
      {props.confirming && (
        <div role="alertdialog" aria-label={t("profiles.delete")} data-testid="profile-delete-confirm">
          <p>{t("profiles.confirmDelete", { name: profile.name })}</p>
          <button type="button" data-testid="profile-delete-yes" onClick={() => { props.onConfirm(true); }}>
            {t("profiles.confirmDeleteYes")}
          </button>
          <button type="button" onClick={() => { props.onConfirm(false); }}>
            {t("profiles.cancel")}
          </button>
        </div>
      )}
    </li>
  );
}
