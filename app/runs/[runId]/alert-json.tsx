"use client";

import { Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";

/** The normalized alert the run started from, as formatted JSON. */
export function AlertJson({ alert }: { alert: unknown }) {
  const t = useTranslations("RunDetail.alert");
  const json = JSON.stringify(alert, null, 2);
  const copy = () =>
    navigator.clipboard.writeText(json).then(
      () => toast.success(t("copied")),
      () => toast.error(t("copyRefused")),
    );
  return (
    <section className="overflow-hidden rounded-lg border border-border bg-panel" aria-labelledby="alert-heading">
      <header className="flex items-center justify-between border-b border-border px-4 py-2">
        <h2 id="alert-heading" className="text-[13px] font-semibold">
          {t("title")}
        </h2>
        <button
          type="button"
          onClick={() => void copy()}
          className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-[12px] text-muted hover:bg-raised hover:text-fg"
        >
          <Copy className="size-3.5" aria-hidden /> {t("copy")}
        </button>
      </header>
      <pre className="max-h-96 overflow-auto px-4 py-3 font-mono text-[12px] leading-relaxed" data-testid="alert-json">
        {json}
      </pre>
    </section>
  );
}
