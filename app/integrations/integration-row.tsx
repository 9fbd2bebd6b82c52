"use client";

import { KeyRound } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { RouterOutputs } from "../_lib/trpc";
import { StatusBadge } from "../_components/ui/status-badge";
import type { CatalogueEntry } from "./_lib/catalogue";
import { useCatalogueText } from "./_lib/use-catalogue-text";
import { Switch } from "./_ui/switch";
import { TypeTile } from "./_ui/type-icon";

type ListedIntegration = RouterOutputs["integrations"]["list"][number];

/** Which secrets are set, by label; custom secrets (not in the catalogue) by name. */
function SecretChips({ integration, entry }: { integration: ListedIntegration; entry: CatalogueEntry | undefined }) {
  const t = useTranslations("Integrations");
  const text = useCatalogueText();
  const declared = (entry?.variables ?? []).filter((v) => v.secret);
  const custom = integration.secretNames.filter((name) => !declared.some((v) => v.name === name));
  if (declared.length === 0 && custom.length === 0) return <span className="text-muted">{t("noSecrets")}</span>;
  const chip = (key: string, label: string, set: boolean) => (
    <span
      key={key}
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-px text-[11px] ${set ? "border-border text-fg" : "border-warn/40 text-warn"}`}
      title={set ? t("secretSet", { label }) : t("secretNotSet", { label })}
    >
      <KeyRound className="size-3" aria-hidden />
      {label}
      <span className="text-muted">{set ? t("set") : t("unset")}</span>
    </span>
  );
  return (
    <div className="flex flex-wrap gap-1">
      {declared.map((v) =>
        chip(v.name, entry ? text.variableLabel(entry, v) : v.label, integration.secretNames.includes(v.name)),
      )}
      {custom.map((name) => chip(name, name, true))}
    </div>
  );
}

interface RowProps {
  integration: ListedIntegration;
  entry: CatalogueEntry | undefined;
  onToggle: (enabled: boolean) => void;
  toggling: boolean;
}

export function IntegrationRow({ integration, entry, onToggle, toggling }: RowProps) {
  const t = useTranslations("Integrations");
  const text = useCatalogueText();
  const format = useFormatter();
  const used = integration.usedBy;
  const missing = integration.missing.filter((m) => !m.perLevel);
  return (
    <tr className="border-b border-border last:border-0 hover:bg-raised/60" data-testid="integration-row">
      <td className="px-4 py-2">
        <div className="flex items-center gap-2.5">
          <TypeTile type={integration.type} />
          <div className="min-w-0">
            <div className="flex items-center gap-2">
              <Link href={`/integrations/${integration.id}`} className="font-medium hover:underline">
                {integration.name}
              </Link>
              {missing.length > 0 ? (
                <span
                  title={t("notSet", {
                    names: missing.map((m) => (entry ? text.variableLabel(entry, m) : m.label)).join(", "),
                  })}
                >
                  <StatusBadge tone="warn">{t("needsSetup")}</StatusBadge>
                </span>
              ) : null}
            </div>
            <div className="text-[12px] text-muted">{entry ? text.typeLabel(entry) : integration.typeLabel}</div>
          </div>
        </div>
      </td>
      <td className="px-4 py-2">
        <div className="flex items-center gap-2">
          <Switch
            checked={integration.enabled}
            onCheckedChange={onToggle}
            disabled={toggling}
            label={t("enableNamed", { name: integration.name })}
          />
          <span className="text-[12px] text-muted">{integration.enabled ? t("on") : t("off")}</span>
        </div>
      </td>
      <td className="px-4 py-2">
        <SecretChips integration={integration} entry={entry} />
      </td>
      <td className="px-4 py-2">
        {used.length === 0 ? (
          <span className="text-muted">{t("noPublishedFlow")}</span>
        ) : (
          <span className="flex flex-wrap gap-x-2" title={used.map((f) => `${f.name} (v${f.version})`).join("\n")}>
            {used.slice(0, 2).map((f) => (
              <Link key={f.id} href={`/flows/${f.id}`} className="hover:underline">
                {f.name} <span className="text-muted">v{f.version}</span>
              </Link>
            ))}
            {used.length > 2 ? <span className="text-muted">{t("more", { count: used.length - 2 })}</span> : null}
          </span>
        )}
      </td>
      <td className="px-4 py-2 text-muted">
        {format.dateTime(integration.updatedAt, { dateStyle: "medium", timeStyle: "short" })}
      </td>
    </tr>
  );
}
