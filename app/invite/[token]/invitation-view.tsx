"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { AuthCard, FormError } from "../../_components/auth/auth-card";
import { useAccountErrors } from "../../_components/auth/use-account-errors";
import { Button } from "../../_components/ui/button";
import { useServerErrorText } from "../../_components/use-server-error-text";
import { useTRPC } from "../../_lib/trpc";

/** Opened from an invitation link: says which workspace and role, then joins (after sign-in). */
export function InvitationView({ token }: { token: string }) {
  const t = useTranslations("Invitation");
  const roles = useTranslations("RoleNames");
  const errorText = useAccountErrors();
  const serverText = useServerErrorText();
  const trpc = useTRPC();
  const invitation = useQuery(trpc.account.invitation.queryOptions({ token }));
  const me = useQuery(trpc.account.me.queryOptions());
  const accept = useMutation(
    trpc.account.acceptInvitation.mutationOptions({ onSuccess: () => window.location.assign("/flows") }),
  );
  const here = `/invite/${encodeURIComponent(token)}`;

  if (invitation.isPending || me.isPending) return <AuthCard title={t("title")}>{t("loading")}</AuthCard>;
  const data = invitation.data ?? { state: "unknown" as const };
  if (data.state !== "valid") return <AuthCard title={t("title")}>{t(`unusable.${data.state}`)}</AuthCard>;
  const user = me.data?.user;
  return (
    <AuthCard
      title={t("join", { workspace: data.workspaceName })}
      subtitle={t.rich("asRole", {
        role: roles(`${data.role}.label`),
        description: roles(`${data.role}.description`),
        strong: (chunks) => <strong>{chunks}</strong>,
      })}
    >
      {user ? (
        <div className="flex flex-col gap-3">
          <FormError
            message={
              // A refusal that says why (the link was used or revoked meanwhile) is worded from its reason.
              accept.error?.data?.domain?.reason
                ? serverText(accept.error)
                : errorText.server(accept.error ? { status: accept.error.data?.httpStatus } : null, "acceptInvitation")
            }
          />
          <p>{t.rich("signedInAs", { name: user.name, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <Button
            variant="primary"
            className="h-8 justify-center"
            disabled={accept.isPending}
            onClick={() => accept.mutate({ token })}
          >
            {t("join", { workspace: data.workspaceName })}
          </Button>
        </div>
      ) : (
        <div className="flex flex-col gap-2">
          <p>{t("signInToJoin")}</p>
          <Link
            href={`/sign-up?next=${encodeURIComponent(here)}`}
            className="inline-flex h-8 items-center justify-center rounded-md bg-accent px-2.5 text-[13px] font-medium text-accent-fg hover:opacity-90"
          >
            {t("createAccount")}
          </Link>
          <Link
            href={`/sign-in?next=${encodeURIComponent(here)}`}
            className="inline-flex h-8 items-center justify-center rounded-md border border-border px-2.5 text-[13px] font-medium hover:bg-raised"
          >
            {t("haveAccount")}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
