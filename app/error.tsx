"use client";

import { AlertTriangle } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "./_components/ui/button";

/** A page that failed to render: says so in the page's language and offers to try again. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("ErrorPages");
  return (
    <main className="flex min-h-[60vh] flex-1 flex-col items-center justify-center gap-2 p-6 text-center" role="alert">
      <AlertTriangle className="size-5 text-danger" aria-hidden />
      <h1 className="text-[16px] font-semibold">{t("errorTitle")}</h1>
      <p className="max-w-sm text-muted">{t("errorText")}</p>
      {error.digest ? (
        <p className="font-mono text-[11px] text-muted">{t("reference", { digest: error.digest })}</p>
      ) : null}
      <Button variant="primary" onClick={reset}>
        {t("retry")}
      </Button>
    </main>
  );
}
