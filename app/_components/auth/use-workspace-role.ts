"use client";

import { useQuery } from "@tanstack/react-query";
import { grants, type Role } from "~/core/accounts/access";
import { useTRPC } from "../../_lib/trpc";

/**
 * The caller's role in the current workspace (null while loading or without one), and whether it
 * reaches `needed`. Pages hide or disable what the role cannot do; the server refuses it anyway.
 */
export function useWorkspaceRole() {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const role: Role | null = me.data?.user ? (me.data.current?.role ?? null) : null;
  return {
    role,
    userId: me.data?.user?.id ?? null,
    loading: me.isLoading,
    can: (needed: Role) => role !== null && grants(role, needed),
  };
}
