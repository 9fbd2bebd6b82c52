"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ROLE_LABELS } from "~/core/accounts/access";
import { AuthCard, FormError } from "../../_components/auth/auth-card";
import { Button } from "../../_components/ui/button";
import { useTRPC } from "../../_lib/trpc";

const UNUSABLE = {
  expired: "This invitation has expired. Ask an owner of the workspace for a new link.",
  used: "This invitation was used already. Each link lets one person join.",
  revoked: "This invitation was revoked.",
  unknown: "This invitation link is not valid.",
} as const;

/** Opened from an invitation link: says which workspace and role, then joins (after sign-in). */
export function InvitationView({ token }: { token: string }) {
  const trpc = useTRPC();
  const invitation = useQuery(trpc.account.invitation.queryOptions({ token }));
  const me = useQuery(trpc.account.me.queryOptions());
  const accept = useMutation(
    trpc.account.acceptInvitation.mutationOptions({ onSuccess: () => window.location.assign("/flows") }),
  );
  const here = `/invite/${encodeURIComponent(token)}`;

  if (invitation.isPending || me.isPending) return <AuthCard title="Invitation">Loading…</AuthCard>;
  const data = invitation.data ?? { state: "unknown" as const };
  if (data.state !== "valid") return <AuthCard title="Invitation">{UNUSABLE[data.state]}</AuthCard>;
  const role = ROLE_LABELS[data.role];
  const user = me.data?.user;
  return (
    <AuthCard
      title={`Join ${data.workspaceName}`}
      subtitle={
        <>
          as <strong>{role.label}</strong>: {role.description.toLowerCase()}
        </>
      }
    >
      {user ? (
        <div className="flex flex-col gap-3">
          <FormError message={accept.error?.message ?? null} />
          <p>
            Signed in as <strong>{user.name}</strong>.
          </p>
          <Button
            variant="primary"
            className="h-8 justify-center"
            disabled={accept.isPending}
            onClick={() => accept.mutate({ token })}
          >
            Join {data.workspaceName}
          </Button>
        </div>
      ) : (
        <div className="flex flex-col gap-2">
          <p>Sign in or create an account to join.</p>
          <Link
            href={`/sign-up?next=${encodeURIComponent(here)}`}
            className="inline-flex h-8 items-center justify-center rounded-md bg-accent px-2.5 text-[13px] font-medium text-accent-fg hover:opacity-90"
          >
            Create an account
          </Link>
          <Link
            href={`/sign-in?next=${encodeURIComponent(here)}`}
            className="inline-flex h-8 items-center justify-center rounded-md border border-border px-2.5 text-[13px] font-medium hover:bg-raised"
          >
            I have an account
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
