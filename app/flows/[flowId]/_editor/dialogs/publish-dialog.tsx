"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, Rocket } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "~/app/_components/ui/button";
import { Dialog } from "~/app/_components/ui/dialog";
import { Field, Textarea } from "~/app/_components/ui/field";
import { useTRPC } from "~/app/_lib/trpc";
import { useIssueText } from "~/app/_components/flow-canvas/use-issue-text";
import { useServerErrorText } from "~/app/_components/use-server-error-text";
import { readServerError } from "../server-error";
import { useEditorStore } from "../store/editor-context";
import { useEditor } from "../store/editor-context";
import type { Autosave } from "../use-autosave";

interface PublishDialogProps {
  flowId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  autosave: Autosave;
}

/** Saves the draft, then makes it an immutable version that new incidents run. */
export function PublishDialog({ flowId, open, onOpenChange, autosave }: PublishDialogProps) {
  const t = useTranslations("Publish");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const issues = useEditor((s) => s.issues);
  const store = useEditorStore();
  const issueText = useIssueText(
    (id) => store.getState().nodes.find((n) => n.id === id),
    (id) => store.getState().integrations[id]?.name,
  );
  const [note, setNote] = useState("");
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const publish = useMutation(trpc.flows.publish.mutationOptions());
  const serverError = useServerErrorText();

  const submit = async () => {
    setServerProblems([]);
    if (!(await autosave.flush())) {
      toast.error(t("draftNotSaved"));
      return;
    }
    try {
      const version = await publish.mutateAsync({ flowId, note });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.flows.get.queryKey({ flowId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.flows.versions.queryKey({ flowId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() }),
      ]);
      toast.success(t("published", { version: version.version }));
      setNote("");
      onOpenChange(false);
    } catch (err) {
      const e = readServerError(err);
      setServerProblems(e.issues.length > 0 ? e.issues.map(issueText) : [serverError(err)]);
    }
  };

  const problems = serverProblems.length > 0 ? serverProblems : issues.map(issueText);
  const blocked = issues.length > 0;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("title")}
      description={t("description")}
      footer={
        <>
          <Button onClick={() => onOpenChange(false)}>{t("cancel")}</Button>
          <Button
            variant="primary"
            onClick={() => void submit()}
            disabled={blocked || publish.isPending}
            data-testid="publish-confirm"
          >
            <Rocket className="size-3.5" aria-hidden /> {publish.isPending ? t("publishing") : t("publish")}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3 p-4">
        {problems.length > 0 ? (
          <div className="rounded-md border border-danger/40 bg-danger/5 p-3 text-[12px] text-danger">
            <p className="mb-1 flex items-center gap-1.5 font-medium">
              <AlertTriangle className="size-3.5" aria-hidden /> {t("fixFirst", { count: problems.length })}
            </p>
            <ul className="list-disc pl-5">
              {problems.slice(0, 6).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <Field label={t("note")} htmlFor="publish-note" hint={t("noteHint")}>
          <Textarea
            id="publish-note"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t("notePlaceholder")}
            autoFocus
          />
        </Field>
      </div>
    </Dialog>
  );
}
