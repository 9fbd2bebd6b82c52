import { DatabaseZap } from "lucide-react";
import { useTranslations } from "next-intl";

/** The words "database unavailable, retrying…" in the page's language, as one status line. */
export function DatabaseUnavailableStatus({ className = "" }: { className?: string }) {
  const t = useTranslations("ErrorPages");
  return (
    <div
      role="status"
      className={`flex items-center gap-2 rounded-md border border-warn/40 bg-raised px-3 py-1.5 text-[13px] shadow-md ${className}`}
    >
      <DatabaseZap className="size-4 text-warn" aria-hidden />
      {t("databaseUnavailable")}
    </div>
  );
}
