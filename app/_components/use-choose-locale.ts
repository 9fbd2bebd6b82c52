"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { LOCALE_COOKIE, type Locale } from "~/core/i18n/locales";
import { useTRPC } from "../_lib/trpc";

const YEAR = 60 * 60 * 24 * 365;

export function writeCookie(name: string, value: string) {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${YEAR}; samesite=lax`;
}

/**
 * Switches the interface language. The cookie serves signed-out pages and the browser; a signed-in
 * user's choice is saved on the profile too, since the profile outranks the cookie on every device.
 * `null` (profile only) returns to following the browser.
 */
export function useChooseLocale({ signedIn }: { signedIn: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.account.setLocale.mutationOptions());
  /** Resolves once the choice is in effect; a profile that could not be saved leaves `error` set. */
  const choose = async (locale: Locale | null) => {
    if (locale === null) document.cookie = `${LOCALE_COOKIE}=; path=/; max-age=0; samesite=lax`;
    else writeCookie(LOCALE_COOKIE, locale);
    if (signedIn) {
      try {
        await save.mutateAsync({ locale });
      } catch {
        return;
      }
    }
    router.refresh();
  };
  return { choose, pending: save.isPending, error: save.error };
}
