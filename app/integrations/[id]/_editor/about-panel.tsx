"use client";

import { Check, Minus } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCatalogueText } from "../../_lib/use-catalogue-text";
import { useEditorContext } from "./editor-context";

function Capability({ on, children }: { on: boolean; children: string }) {
  return (
    <li className={`flex items-center gap-1.5 ${on ? "" : "text-muted"}`}>
      {on ? <Check className="size-3.5 text-ok" aria-hidden /> : <Minus className="size-3.5" aria-hidden />}
      {children}
    </li>
  );
}

/** What this type does and cannot do, its rate limit, and which published flows use it. */
export function AboutPanel() {
  const t = useTranslations("IntegrationEditor.about");
  const text = useCatalogueText();
  const { entry, integration } = useEditorContext();
  const c = entry.capabilities;
  return (
    <aside
      className="flex flex-col gap-4 rounded-lg border border-border bg-panel p-4 text-[12px]"
      aria-label={t("label")}
    >
      <div>
        <h2 className="text-[13px] font-semibold">{text.typeLabel(entry)}</h2>
        <p className="mt-1 text-muted">{text.typeDescription(entry)}</p>
      </div>
      <ul className="flex flex-col gap-1">
        <Capability on>{t("sendsError")}</Capability>
        <Capability on={c.supportsOk}>{c.supportsOk ? t("sendsOk") : t("cannotSendOk")}</Capability>
        <Capability on={c.supportsReminders && !c.remindersDiscouraged}>
          {c.remindersDiscouraged ? t("remindersDiscouraged") : t("sendsReminders")}
        </Capability>
        <Capability on={c.dedupesRepeats}>{c.dedupesRepeats ? t("dedupes") : t("mayPostTwice")}</Capability>
      </ul>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
        <dt className="text-muted">{t("rateLimit")}</dt>
        <dd>{text.rateLimit(entry)}</dd>
        <dt className="text-muted">{t("transport")}</dt>
        <dd>{entry.transport === "inbox" ? t("transportInbox") : entry.transport.toUpperCase()}</dd>
      </dl>
      <div>
        <h3 className="mb-1 font-medium text-muted">{t("usedBy")}</h3>
        {integration.usedBy.length === 0 ? (
          <p className="text-muted">{t("usedByNone")}</p>
        ) : (
          <ul className="flex flex-col gap-0.5" data-testid="used-by">
            {integration.usedBy.map((flow) => (
              <li key={flow.id}>
                <Link href={`/flows/${flow.id}`} className="hover:underline">
                  {flow.name}
                </Link>{" "}
                <span className="text-muted">{t("version", { version: flow.version })}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </aside>
  );
}
