import type { TFunction } from "i18next";
import { useCallback, useId, useMemo, useState } from "react";
import { Controller } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { DataTable, type DataColumn } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblem } from "../../components/form/FieldProblem";
import { ownProblem } from "../../components/form/problem";
import { useRuleForm } from "../../components/form/useRuleForm";
import { Select } from "../../components/Select";
import type { Level, Scope, UserLevel, Wanted } from "../../ipc";
import { LEVELS, levelLabel } from "./levels";
import { PermissionDiff } from "./PermissionDiff";
import { useOrganizationMatrix, usePermissionList } from "./queries";

const OTHER = "__other__";

/**
 * The users of one organization or image with their levels: change a level, revoke, or grant a
 * new user. Every change is shown as a diff first.
 */
export function ScopeUsers({ profileId, scope }: { profileId: string; scope: Scope }) {
  const { t } = useTranslation();
  const list = usePermissionList(profileId, scope);
  const [wanted, setWanted] = useState<Wanted[] | null>(null);
  const wish = useCallback(
    (user: { userId: string; userName: string }, level: Level | null) => {
      setWanted([{ scope, userId: user.userId, userName: user.userName, level }]);
    },
    [scope],
  );
  const columns = useMemo(() => userColumns(t, wish), [t, wish]);
  const data = list.data;
  // The account's own level comes first; it cannot be changed from here.
  const rows = useMemo(
    (): ScopeUser[] => (data ? [...(data.own ? [{ ...data.own, own: true }] : []), ...data.users.map((user) => ({ ...user, own: false }))] : []),
    [data],
  );

  return (
    <div className="permission-scope">
      <p className="muted">{t("permissions.levels")}</p>
      {list.error && <ErrorNotice title={t("permissions.loadFailed")} error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <p className="muted">{t("app.loading")}</p>}
      {list.data && (
        <DataTable
          columns={columns}
          rows={rows}
          getRowId={(user) => user.userId}
          label={t("permissions.usersOf", { organization: scope.image === null ? scope.organization : `${scope.organization}/${scope.image}` })}
          testId="permission-list"
          widthsKey="permissions"
          rowAttributes={(user) => ({
            "data-testid": "permission-row",
            "data-own": user.own ? "true" : undefined,
            "data-user": user.userName,
            "data-level": user.level,
          })}
        />
      )}
      {list.data?.users.length === 0 && <p className="muted">{t("permissions.noGrants")}</p>}
      {list.data && <AddUser profileId={profileId} listed={list.data.users} onWish={wish} />}
      <PermissionDiff
        profileId={profileId}
        wanted={wanted}
        onClose={() => {
          setWanted(null);
        }}
      />
    </div>
  );
}

type ScopeUser = UserLevel & { own: boolean };

function userColumns(t: TFunction, onWish: (user: UserLevel, level: Level | null) => void): DataColumn<ScopeUser>[] {
  const levelChoices = LEVELS.map((level) => ({ value: level, label: levelLabel(t, level) }));
  return [
    {
      id: "user",
      enableSorting: false,
      header: t("permissions.column.user"),
      size: 220,
      meta: { grow: 2 },
      cell: ({ row }) =>
        row.original.own ? (
          <>
            {row.original.userName} <span className="badge">{t("permissions.you")}</span>
          </>
        ) : (
          <>
            {row.original.userName}
            <span className="muted permission-user-id"> {row.original.userId}</span>
          </>
        ),
    },
    {
      id: "level",
      enableSorting: false,
      header: t("permissions.column.level"),
      size: 160,
      meta: { grow: 1 },
      cell: ({ row }) => {
        const user = row.original;
        if (user.own) return levelLabel(t, user.level);
        return (
          <Select
            testId="permission-row-level"
            aria-label={t("permissions.levelOf", { user: user.userName })}
            value={user.level}
            onChange={(level) => {
              onWish(user, level);
            }}
            choices={levelChoices}
          />
        );
      },
    },
    {
      id: "actions",
      enableSorting: false,
      enableResizing: false,
      header: t("permissions.column.actions"),
      size: 200,
      meta: { label: t("permissions.column.actions"), className: "cell-wrap" },
      cell: ({ row }) =>
        row.original.own ? (
          <span className="muted">{t("permissions.ownLevel")}</span>
        ) : (
          <button
            type="button"
            className="button button-danger"
            data-testid="permission-row-revoke"
            onClick={() => {
              onWish(row.original, null);
            }}
          >
            {t("permissions.revoke")}
          </button>
        ),
    },
  ];
}

interface GrantValues {
  /** The ID of a user offered, or `OTHER` to type one; "" while none is chosen. */
  user: string;
  userName: string;
  userId: string;
  level: Level;
}

const NO_GRANT: GrantValues = { user: "", userName: "", userId: "", level: "read" };

function AddUser({
  profileId,
  listed,
  onWish,
}: {
  profileId: string;
  listed: UserLevel[];
  onWish: (user: { userId: string; userName: string }, level: Level) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const known = useOrganizationMatrix(profileId);
  const candidates = (known.data?.users ?? []).filter((u) => !u.own && !listed.some((l) => l.userId === u.userId));
  // With no user to offer, typing one is the only way.
  const typed = (user: string) => user === OTHER || (candidates.length === 0 && user === "");

  const form = useRuleForm<GrantValues>({
    defaultValues: NO_GRANT,
    // The user is one of those offered, or one typed with both its name and its ID.
    check: ({ user, userName, userId }) => {
      if (!typed(user)) {
        const offered = candidates.some((c) => c.userId === user);
        return { user: offered ? null : ownProblem(i18n, "required", (say) => say("permissions.add.problems.user")) };
      }
      return {
        userName: userName.trim() === "" ? ownProblem(i18n, "required", (say) => say("permissions.add.problems.userName")) : null,
        userId: userId.trim() === "" ? ownProblem(i18n, "required", (say) => say("permissions.add.problems.userId")) : null,
      };
    },
  });
  const { register, formState, handleSubmit, watch, control } = form;
  const { errors, isValid } = formState;
  const chosen = watch("user");
  const other = typed(chosen);
  // The list of users to offer can change under a valid choice (a grant moves a user into the
  // listed ones): the button follows the list as well as the last check.
  const ready = isValid && (other || candidates.some((c) => c.userId === chosen));

  const onSubmit = handleSubmit(({ user, userName, userId, level }) => {
    const picked = candidates.find((c) => c.userId === user);
    if (typed(user)) onWish({ userId: userId.trim(), userName: userName.trim() }, level);
    else if (picked) onWish(picked, level);
  });

  return (
    <form className="permission-add" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t("permissions.add.title")}
      </h2>
      <div className="permission-add-fields">
        <div className="stacked-field">
          <label htmlFor={`${id}-user`}>{t("permissions.add.user")}</label>
          <Controller
            control={control}
            name="user"
            render={({ field }) => (
              <Select
                id={`${id}-user`}
                testId="permission-add-user"
                ref={field.ref}
                value={other ? OTHER : field.value}
                onChange={field.onChange}
                placeholder={t("permissions.add.pick")}
                aria-invalid={errors.user ? true : undefined}
                aria-describedby={`${id}-user-problem`}
                choices={[
                  ...candidates.map((c) => ({ value: c.userId, label: c.userName })),
                  { value: OTHER, label: t("permissions.add.other") },
                ]}
              />
            )}
          />
          <FieldProblem error={errors.user} id={`${id}-user-problem`} testId="permission-add-user-problem" />
        </div>
        {other && (
          <>
            <div className="stacked-field">
              <label htmlFor={`${id}-user-name`}>{t("permissions.add.userName")}</label>
              <input
                id={`${id}-user-name`}
                className="input"
                data-testid="permission-add-user-name"
                autoComplete="off"
                aria-invalid={errors.userName ? true : undefined}
                aria-describedby={`${id}-why ${id}-user-name-problem`}
                {...register("userName")}
              />
              <FieldProblem error={errors.userName} id={`${id}-user-name-problem`} testId="permission-add-user-name-problem" />
            </div>
            <div className="stacked-field">
              <label htmlFor={`${id}-user-id`}>{t("permissions.add.userId")}</label>
              <input
                id={`${id}-user-id`}
                className="input"
                data-testid="permission-add-user-id"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={errors.userId ? true : undefined}
                aria-describedby={`${id}-why ${id}-user-id-problem`}
                {...register("userId")}
              />
              <FieldProblem error={errors.userId} id={`${id}-user-id-problem`} testId="permission-add-user-id-problem" />
            </div>
          </>
        )}
        <div className="stacked-field">
          <label htmlFor={`${id}-level`}>{t("permissions.add.level")}</label>
          <Controller
            control={control}
            name="level"
            render={({ field }) => (
              <Select
                id={`${id}-level`}
                testId="permission-add-level"
                ref={field.ref}
                value={field.value}
                onChange={field.onChange}
                choices={LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) }))}
              />
            )}
          />
        </div>
        <button type="submit" className="button button-primary" data-testid="permission-add-submit" disabled={!ready || formState.isSubmitting}>
          {t("permissions.add.submit")}
        </button>
      </div>
      {other && (
        <p id={`${id}-why`} className="field-hint">
          {t("permissions.add.whyTyped")}
        </p>
      )}
    </form>
  );
}
