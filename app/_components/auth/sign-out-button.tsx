"use client";

import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { authClient } from "../../_lib/auth-client";
import { Button } from "../ui/button";

/** Ends the session on the server (the row is deleted), then leaves for the sign-in page. */
export function SignOutButton({ compact = false }: { compact?: boolean }) {
  const t = useTranslations("Shell");
  const [pending, setPending] = useState(false);
  const signOut = async () => {
    setPending(true);
    await authClient.signOut();
    window.location.assign("/sign-in");
  };
  return (
    <Button variant="ghost" onClick={signOut} disabled={pending} aria-label={t("signOut")} title={t("signOut")}>
      <LogOut className="size-3.5" aria-hidden />
      {compact ? null : t("signOut")}
    </Button>
  );
}
