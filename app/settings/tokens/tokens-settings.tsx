"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { grants, ROLES, type Role } from "~/core/accounts/access";
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

/** Personal API tokens for automation: created with a name and a role, shown once, revocable. */
export function TokensSettings() {
  const t = useTranslations("TokensSettings");
  const { role, userId } = useWorkspaceRole();
  return (
    <div className="flex max-w-4xl flex-col gap-8">
      <div className="flex flex-col gap-1">
        <h2 className="text-[15px] font-semibold">{t("title")}</h2>
        <p className="text-muted">{t("subtitle")}</p>
      </div>
      {role ? <CreateToken myRole={role} /> : null}
      <TokenTable isOwner={role === "owner"} selfId={userId} />
    </div>
  );
}

type CreatedToken = RouterOutputs["tokens"]["create"];

function CreateToken({ myRole }: { myRole: Role }) {
  const t = useTranslations("TokensSettings");
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [nameMissing, setNameMissing] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: async (token) => {
        setCreated(token);
        setName("");
        await queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
      },
      onError: (err) => toast.error(errorText(err)),
    }),
  );
  // A token never acts above its user's role: offer only the roles this person holds or below.
  const offered = ROLES.filter((r) => grants(myRole, r));

  return (
    <SettingsSection title={t("create")} description={t("createHint")}>
      <form
        className="flex flex-wrap items-start gap-3 p-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() === "") return setNameMissing(true);
          setNameMissing(false);
          create.mutate({ name: name.trim(), role });
        }}
      >
        <div className="min-w-56 flex-1">
          <Field
            label={t("name")}
            htmlFor="token-name"
            error={nameMissing ? t("nameRequired") : undefined}
            hint={t("nameHint")}
          >
            <Input
              id="token-name"
              value={name}
              maxLength={100}
              placeholder={t("namePlaceholder")}
              aria-invalid={nameMissing}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
        </div>
        <div className="w-36">
          <Field label={t("role")} htmlFor="token-role" hint={t("roleHint")}>
            <RoleSelect id="token-role" value={role} onRoleChange={setRole} roles={offered} />
          </Field>
        </div>
        <div className="mt-5">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            <KeyRound className="size-3.5" aria-hidden /> {t("createButton")}
          </Button>
        </div>
      </form>
      {created ? (
        <CreatedSecret
          testId="new-token"
          copyId="new-token-value"
          copyLabel={t("token")}
          value={created.token}
          actions={
            <Button variant="ghost" onClick={() => setCreated(null)}>
              {t("done")}
            </Button>
          }
        >
          <p className="text-[13px]">
            <strong className="font-semibold">{t("shownOnce", { name: created.name })}</strong> {t("usage")}{" "}
            <code className="font-mono text-[12px] whitespace-nowrap">Authorization: Bearer afu_…</code>
          </p>
        </CreatedSecret>
      ) : null}
    </SettingsSection>
  );
}

function TokenTable({ isOwner, selfId }: { isOwner: boolean; selfId: string | null }) {
  const t = useTranslations("TokensSettings");
  const roles = useTranslations("RoleNames");
  const format = useFormatter();
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions({
      onSuccess: async (revoked) => {
        await queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
        toast.success(t("revoked", { name: revoked.name }));
      },
      onError: (err) => toast.error(errorText(err)),
    }),
  );
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <SettingsSection title={isOwner ? t("allTokens") : t("yourTokens")}>
      {tokens.data && tokens.data.length > 0 ? (
        <SettingsTable
          columns={[
            { key: "name", label: t("columns.name") },
            { key: "role", label: t("columns.role") },
            ...(isOwner ? [{ key: "owner", label: t("columns.owner") }] : []),
            { key: "created", label: t("columns.created") },
            { key: "lastUsed", label: t("columns.lastUsed") },
            { key: "actions", label: t("columns.actions"), hidden: true },
          ]}
        >
          {tokens.data.map((token) => (
            <SettingsRow key={token.id} testId="token-row">
              <SettingsCell>
                <div className="font-medium">{token.name}</div>
                <div className="font-mono text-[11px] text-muted">{token.tokenPrefix}…</div>
              </SettingsCell>
              <SettingsCell>{roles(`${token.role}.label`)}</SettingsCell>
              {isOwner ? (
                <SettingsCell className="text-muted">
                  {token.userId === selfId ? t("you") : token.userName}
                </SettingsCell>
              ) : null}
              <SettingsCell className="whitespace-nowrap text-muted">{when(token.createdAt)}</SettingsCell>
              <SettingsCell className="whitespace-nowrap text-muted">
                {token.lastUsedAt ? when(token.lastUsedAt) : t("never")}
              </SettingsCell>
              <SettingsCell className="text-right">
                {token.revokedAt ? (
                  <StatusBadge tone="neutral">{t("revokedBadge")}</StatusBadge>
                ) : (
                  <Button
                    variant="ghost"
                    disabled={revoke.isPending}
                    aria-label={t("revokeToken", { name: token.name })}
                    onClick={() => {
                      if (window.confirm(t("confirmRevoke", { name: token.name }))) {
                        revoke.mutate({ tokenId: token.id });
                      }
                    }}
                  >
                    {t("revoke")}
                  </Button>
                )}
              </SettingsCell>
            </SettingsRow>
          ))}
        </SettingsTable>
      ) : null}
      <TableState query={tokens} empty={t("empty")} loading={t("loading")} />
    </SettingsSection>
  );
}
