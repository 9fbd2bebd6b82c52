"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FileUp } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "~/app/_components/ui/button";
import { Dialog } from "~/app/_components/ui/dialog";
import { useTRPC } from "~/app/_lib/trpc";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

interface Issue {
  message: string;
}

function issuesOf(error: unknown): Issue[] {
  if (typeof error !== "object" || error === null || !("data" in error)) return [];
  const { data } = error;
  if (typeof data !== "object" || data === null || !("domain" in data)) return [];
  const { domain } = data;
  if (typeof domain !== "object" || domain === null || !("issues" in domain) || !Array.isArray(domain.issues))
    return [];
  return domain.issues.flatMap((i: unknown): Issue[] =>
    typeof i === "object" && i !== null && "message" in i && typeof i.message === "string"
      ? [{ message: i.message }]
      : [],
  );
}

/**
 * Picks a template file and imports it. The server reads it like any untrusted file; a refusal
 * lists each problem with its place (shown as text), and nothing is stored.
 */
export function ImportTemplateButton({ onImported }: { onImported: (templateId: string) => void }) {
  const t = useTranslations("ImportTemplate");
  const locale = useLocale();
  const trpc = useTRPC();
  const serverError = useServerErrorText();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<{ file: string; message: string; issues: Issue[] } | null>(null);
  const [fileName, setFileName] = useState("");
  const importFile = useMutation(
    trpc.templates.import.mutationOptions({
      onSuccess: async ({ templateId, name }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.templates.list.queryKey() });
        toast.success(t("imported", { name }));
        onImported(templateId);
      },
      onError: (error) => setRefused({ file: fileName, message: serverError(error), issues: issuesOf(error) }),
    }),
  );

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        aria-label={t("file")}
        data-testid="template-file-input"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (!file) return;
          setFileName(file.name);
          importFile.mutate({ fileText: await file.text(), locale });
        }}
      />
      <Button onClick={() => input.current?.click()} disabled={importFile.isPending}>
        <FileUp className="size-3.5" aria-hidden /> {t("import")}
      </Button>
      <Dialog
        open={refused !== null}
        onOpenChange={(open) => (open ? null : setRefused(null))}
        title={t("refused")}
        description={refused ? t("nothingImported", { file: refused.file }) : undefined}
        size="md"
        footer={
          <Button variant="primary" onClick={() => setRefused(null)}>
            {t("close")}
          </Button>
        }
      >
        <ul className="flex flex-col gap-1.5 p-4" data-testid="import-issues">
          {(refused?.issues.length ? refused.issues : [{ message: refused?.message ?? "" }]).map((issue, i) => (
            <li key={i} className="rounded-md border border-danger/30 bg-danger/5 px-2.5 py-1.5 text-[12px]">
              {/* Messages start with the place (e.g. graph.nodes.3.data.label); shown as text, never markup. */}
              {issue.message}
            </li>
          ))}
        </ul>
      </Dialog>
    </>
  );
}
