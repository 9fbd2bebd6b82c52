"use client";

import { useFormatter, useMessages, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { CatalogueEntry } from "./catalogue";

/** Whether `key` is one of `table`'s own keys: narrows a runtime name to a translated key. */
const hasKey = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);

/**
 * The catalogue's texts (type names and descriptions, variable labels and hints) in the page's
 * language. The server sends them in English; a text with no translation here shows as sent, so a
 * type or variable added later is never blank, and brand names (Slack, PagerDuty) stay as they are.
 */
export function useCatalogueText() {
  const t = useTranslations("IntegrationCatalogue");
  const table = useMessages().IntegrationCatalogue;
  const format = useFormatter();
  // One object per language: forms can list it as a memo dependency.
  return useMemo(() => {
    const variableLabel = (entry: { type: string }, v: { name: string; label: string }): string => {
      const key = `${entry.type}_${v.name}`;
      return hasKey(table.variableLabels, key) ? t(`variableLabels.${key}`) : v.label;
    };
    return {
      typeLabel: (entry: Pick<CatalogueEntry, "type" | "label">): string =>
        hasKey(table.typeLabels, entry.type) ? t(`typeLabels.${entry.type}`) : entry.label,
      typeDescription: (entry: Pick<CatalogueEntry, "type" | "description">): string =>
        hasKey(table.typeDescriptions, entry.type) ? t(`typeDescriptions.${entry.type}`) : entry.description,
      variableLabel,
      variableDescription: (entry: { type: string }, v: { name: string; description?: string }): string => {
        if (!v.description) return "";
        const key = `${entry.type}_${v.name}`;
        return hasKey(table.variableDescriptions, key) ? t(`variableDescriptions.${key}`) : v.description;
      },
      /** A template reference entry (`alert.summary`, `JsonEncode`): keys spell the dot as `_`. */
      systemVariable: (name: string, english: string): string => {
        const key = name.replaceAll(".", "_");
        return hasKey(table.systemVariables, key) ? t(`systemVariables.${key}`) : english;
      },
      templateFunction: (name: string, english: string): string =>
        hasKey(table.functions, name) ? t(`functions.${name}`) : english,
      /** "60 / min per integration", or per the variable that scopes the limit (e.g. per routing key). */
      rateLimit: (entry: CatalogueEntry): string => {
        const per = entry.rateLimit.per;
        const count = format.number(entry.rateLimit.eventsPerMinute);
        if (per.kind === "integration") return t("rateLimitPerIntegration", { count });
        const v = entry.variables.find((candidate) => candidate.name === per.name);
        return t("rateLimitPer", { count, scope: v ? variableLabel(entry, v) : per.name });
      },
    };
  }, [t, table, format]);
}
