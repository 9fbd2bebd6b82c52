"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { type RouterOutputs, useTRPC } from "../../_lib/trpc";
import { Select } from "../ui/field";

export type SignedInMe = Exclude<RouterOutputs["account"]["me"], { user: null }>;

/** Which workspace the session works in; switching reloads so every page reads the new one. */
export function WorkspaceSwitcher({ me }: { me: SignedInMe }) {
  const trpc = useTRPC();
  const t = useTranslations("Shell");
  const roles = useTranslations("RoleNames");
  const switchTo = useMutation(
    trpc.account.switchWorkspace.mutationOptions({ onSuccess: () => window.location.assign("/flows") }),
  );
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between">
        <label htmlFor="workspace-switcher" className="text-[11px] font-medium uppercase tracking-wide text-muted">
          {t("workspace")}
        </label>
        <Link
          href="/welcome"
          className="text-muted hover:text-fg"
          title={t("newWorkspace")}
          aria-label={t("newWorkspace")}
        >
          <Plus className="size-3.5" aria-hidden />
        </Link>
      </div>
      <Select
        id="workspace-switcher"
        value={me.current?.id ?? ""}
        disabled={switchTo.isPending || me.viaToken}
        onChange={(e) => switchTo.mutate({ workspaceId: e.target.value })}
      >
        {me.workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name} · {roles(`${w.role}.label`)}
          </option>
        ))}
      </Select>
    </div>
  );
}
