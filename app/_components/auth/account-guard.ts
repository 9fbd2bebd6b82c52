"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { useTRPC } from "../../_lib/trpc";

/**
 * The signed-in part of the app: a stale or missing session goes to sign-in (or setup on a new
 * instance), a user in no workspace to /welcome. The server refuses the data either way.
 * Returns the signed-in account (or undefined) and whether the account query has answered yet.
 */
export function useAccountState() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const me = useQuery(trpc.account.me.queryOptions(undefined, { staleTime: 60_000 }));
  const data = me.data;
  useEffect(() => {
    if (!data) return;
    if (!data.user) {
      window.location.assign(data.setupNeeded ? "/setup" : `/sign-in?next=${encodeURIComponent(pathname)}`);
    } else if (!data.current && !data.viaToken) {
      window.location.assign("/welcome");
    }
  }, [data, pathname]);
  return { me: data?.user ? data : undefined, answered: data !== undefined };
}
