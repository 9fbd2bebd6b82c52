"use client";

import { useQuery } from "@tanstack/react-query";
import { Braces } from "lucide-react";
import { useTranslations } from "next-intl";
import { Popover } from "radix-ui";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "~/app/_components/ui/button";
import { Input } from "~/app/_components/ui/field";
import { useTRPC } from "~/app/_lib/trpc";
import { useCatalogueText } from "../../_lib/use-catalogue-text";
import { useEditorContext } from "./editor-context";

interface Entry {
  insert: string;
  description: string;
}

/** Everything a template can use, searchable; choosing one copies it for pasting into a field. */
export function TemplateReference() {
  const t = useTranslations("IntegrationEditor.reference");
  const text = useCatalogueText();
  const trpc = useTRPC();
  const { entry } = useEditorContext();
  const [query, setQuery] = useState("");
  const reference = useQuery(trpc.integrations.templateReference.queryOptions(undefined, { staleTime: Infinity }));
  const entries: Entry[] = [
    ...entry.variables.map((v) => ({ insert: `{{${v.name}}}`, description: text.variableLabel(entry, v) })),
    ...(reference.data?.systemVariables ?? []).map((v) => ({
      insert: `{{@${v.name}}}`,
      description: text.systemVariable(v.name, v.description),
    })),
    ...(reference.data?.functions ?? []).map((f) => ({
      insert: `{{${f.signature}}}`,
      description: text.templateFunction(f.name, f.description),
    })),
  ];
  const q = query.trim().toLowerCase();
  const shown =
    q === ""
      ? entries
      : entries.filter((e) => e.insert.toLowerCase().includes(q) || e.description.toLowerCase().includes(q));

  const copy = async (value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      toast.success(t("copied", { text: value }));
    } catch {
      toast.error(t("clipboardRefused"));
    }
  };

  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <Button variant="ghost">
          <Braces className="size-3.5" aria-hidden /> {t("button")}
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          className="z-50 flex max-h-[min(520px,var(--radix-popover-content-available-height))] w-[440px] flex-col rounded-lg border border-border bg-panel text-fg shadow-2xl"
        >
          <div className="border-b border-border p-2">
            <Input
              autoFocus
              placeholder={t("search")}
              aria-label={t("search")}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          <ul className="min-h-0 flex-1 overflow-auto py-1" aria-label={t("list")}>
            {shown.map((e) => (
              <li key={e.insert}>
                <button
                  type="button"
                  onClick={() => void copy(e.insert)}
                  className="flex w-full flex-col items-start gap-0.5 px-3 py-1.5 text-left hover:bg-raised focus-visible:bg-raised focus-visible:outline-none"
                >
                  <span className="font-mono text-[12px] break-all">{e.insert}</span>
                  <span className="text-[11px] text-muted">{e.description}</span>
                </button>
              </li>
            ))}
            {shown.length === 0 ? <li className="px-3 py-2 text-[12px] text-muted">{t("noMatch")}</li> : null}
          </ul>
          <p className="border-t border-border px-3 py-1.5 text-[11px] text-muted">{t("footer")}</p>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
