"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link2, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import type { Role } from "~/core/accounts/access";
import { useWorkspaceRole } from "../../_components/auth/use-workspace-role";
import { Button } from "../../_components/ui/button";
import { Field, Input } from "../../_components/ui/field";
import { StatusBadge } from "../../_components/ui/status-badge";
import { useTRPC, type RouterOutputs } from "../../_lib/trpc";
import { CreatedSecret } from "../created-secret";
import { RoleSelect } from "../role-select";
import { SettingsSection } from "../settings-section";
import { SettingsCell, SettingsRow, SettingsTable, TableState } from "../settings-table";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

/** Members with their roles, invitation links and pending invitations; owners act, others read. */
export function MembersSettings() {
  const t = useTranslations("MembersSettings");
  const { can, userId, loading } = useWorkspaceRole();
  const isOwner = can("owner");
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <div className="flex flex-col gap-1">
        <h2 className="text-[15px] font-semibold">{t("title")}</h2>
        <p className="text-muted">{isOwner || loading ? t("subtitle") : t("readOnly")}</p>
      </div>
      <MemberTable isOwner={isOwner} selfId={userId} />
      {isOwner ? (
        <>
          <InviteForm />
          <PendingInvitations />
        </>
      ) : null}
    </div>
  );
}

function MemberTable({ isOwner, selfId }: { isOwner: boolean; selfId: string | null }) {
  const t = useTranslations("MembersSettings");
  const roles = useTranslations("RoleNames");
  const format = useFormatter();
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.members.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
  const setRole = useMutation(
    trpc.members.setRole.mutationOptions({
      onSuccess: async (changed) => {
        await refresh();
        toast.success(t("roleChanged", { name: changed.name, role: roles(`${changed.to}.label`) }));
      },
      onError: (err) => toast.error(errorText(err)),
    }),
  );
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: async (removed) => {
        await refresh();
        toast.success(t("removed", { name: removed.name }));
      },
      onError: (err) => toast.error(errorText(err)),
    }),
  );

  return (
    <SettingsSection title={t("members")}>
      <SettingsTable
        columns={[
          { key: "name", label: t("columns.name") },
          { key: "role", label: t("columns.role") },
          { key: "joined", label: t("columns.joined") },
          { key: "actions", label: t("columns.actions"), hidden: true },
        ]}
      >
        {members.data?.map((m) => (
          <SettingsRow key={m.userId} testId="member-row">
            <SettingsCell>
              <div className="font-medium">
                {m.name}
                {m.userId === selfId ? <span className="ml-1.5 text-muted">{t("you")}</span> : null}
              </div>
              <div className="text-muted">{m.email}</div>
            </SettingsCell>
            <SettingsCell>
              {isOwner ? (
                <RoleSelect
                  aria-label={t("roleOf", { name: m.name })}
                  value={m.role}
                  disabled={setRole.isPending}
                  className="w-28"
                  onRoleChange={(role) => setRole.mutate({ userId: m.userId, role })}
                />
              ) : (
                <StatusBadge tone={m.role === "owner" ? "accent" : "neutral"}>{roles(`${m.role}.label`)}</StatusBadge>
              )}
            </SettingsCell>
            <SettingsCell className="text-muted">{format.dateTime(m.joinedAt, { dateStyle: "medium" })}</SettingsCell>
            <SettingsCell className="text-right">
              {isOwner ? (
                <Button
                  variant="ghost"
                  disabled={remove.isPending}
                  aria-label={t("removeMember", { name: m.name })}
                  onClick={() => {
                    if (window.confirm(t("confirmRemove", { name: m.name }))) remove.mutate({ userId: m.userId });
                  }}
                >
                  <Trash2 className="size-3.5" aria-hidden /> {t("remove")}
                </Button>
              ) : null}
            </SettingsCell>
          </SettingsRow>
        ))}
      </SettingsTable>
      <TableState query={members} loading={t("loading")} />
    </SettingsSection>
  );
}

type Invitation = RouterOutputs["members"]["invite"];

function InviteForm() {
  const t = useTranslations("MembersSettings");
  const roles = useTranslations("RoleNames");
  const format = useFormatter();
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [created, setCreated] = useState<Invitation | null>(null);
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: async (invitation) => {
        setCreated(invitation);
        setEmail("");
        await queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() });
      },
      onError: (err) => toast.error(errorText(err)),
    }),
  );
  const emailProblem = email.trim() !== "" && !/^[^\s@]+@[^\s@]+$/.test(email.trim());

  return (
    <SettingsSection title={t("invite")} description={t("inviteHint")}>
      <form
        className="flex flex-wrap items-start gap-3 p-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!emailProblem) invite.mutate({ role, email: email.trim() });
        }}
      >
        <div className="min-w-56 flex-1">
          <Field
            label={t("email")}
            htmlFor="invite-email"
            error={emailProblem ? t("emailInvalid") : undefined}
            hint={t("emailHint")}
          >
            <Input
              id="invite-email"
              type="email"
              value={email}
              maxLength={200}
              placeholder="name@example.com"
              aria-invalid={emailProblem}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
        </div>
        <div className="w-36">
          <Field label={t("role")} htmlFor="invite-role">
            <RoleSelect id="invite-role" value={role} onRoleChange={setRole} />
          </Field>
        </div>
        <div className="mt-5">
          <Button type="submit" variant="primary" disabled={invite.isPending}>
            <Link2 className="size-3.5" aria-hidden /> {t("createLink")}
          </Button>
        </div>
      </form>
      {created ? (
        <CreatedSecret
          testId="invitation-link"
          copyId="invitation-url"
          copyLabel={t("link")}
          value={`${window.location.origin}${created.path}`}
        >
          <p className="text-[13px]">
            {t("linkReady", {
              role: roles(`${created.role}.label`),
              expires: format.dateTime(created.expiresAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
          {created.mail === "none" ? null : (
            <p
              className={`text-[13px] ${created.mail === "sent" ? "text-ok" : "text-warn"}`}
              role="status"
              data-testid="invitation-mail"
            >
              {created.mail === "sent"
                ? t("mailSent", { email: created.note })
                : created.mail === "failed"
                  ? t("mailFailed", { email: created.note })
                  : t("mailUnconfigured")}
            </p>
          )}
        </CreatedSecret>
      ) : null}
    </SettingsSection>
  );
}

function PendingInvitations() {
  const t = useTranslations("MembersSettings");
  const roles = useTranslations("RoleNames");
  const format = useFormatter();
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.members.invitations.queryOptions());
  const revoke = useMutation(
    trpc.members.revokeInvitation.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() });
        toast.success(t("revoked"));
      },
      onError: (err) => toast.error(errorText(err)),
    }),
  );
  const [now] = useState(() => Date.now());

  return (
    <SettingsSection title={t("pending")}>
      {invitations.data && invitations.data.length > 0 ? (
        <SettingsTable
          columns={[
            { key: "for", label: t("columns.for") },
            { key: "role", label: t("columns.role") },
            { key: "invitedBy", label: t("columns.invitedBy") },
            { key: "expires", label: t("columns.expires") },
            { key: "actions", label: t("columns.actions"), hidden: true },
          ]}
        >
          {invitations.data.map((inv) => (
            <SettingsRow key={inv.id} testId="invitation-row">
              <SettingsCell>{inv.note || <span className="text-muted">{t("anyone")}</span>}</SettingsCell>
              <SettingsCell>{roles(`${inv.role}.label`)}</SettingsCell>
              <SettingsCell className="text-muted">{inv.invitedBy ?? "—"}</SettingsCell>
              <SettingsCell>
                {inv.expiresAt.getTime() <= now ? (
                  <StatusBadge tone="warn">{t("expired")}</StatusBadge>
                ) : (
                  <span className="text-muted">
                    {format.dateTime(inv.expiresAt, { dateStyle: "medium", timeStyle: "short" })}
                  </span>
                )}
              </SettingsCell>
              <SettingsCell className="text-right">
                <Button
                  variant="ghost"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ invitationId: inv.id })}
                >
                  {t("revoke")}
                </Button>
              </SettingsCell>
            </SettingsRow>
          ))}
        </SettingsTable>
      ) : null}
      <TableState query={invitations} empty={t("noPending")} loading={t("loading")} />
    </SettingsSection>
  );
}
