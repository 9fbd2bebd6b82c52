"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, Rocket } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "~/app/_components/ui/button";
import { Dialog } from "~/app/_components/ui/dialog";
import { Field, Textarea } from "~/app/_components/ui/field";
import { useTRPC } from "~/app/_lib/trpc";
import { readServerError } from "../server-error";
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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const issues = useEditor((s) => s.issues);
  const [note, setNote] = useState("");
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const publish = useMutation(trpc.flows.publish.mutationOptions());

  const submit = async () => {
    setServerProblems([]);
    if (!(await autosave.flush())) {
      toast.error("The draft could not be saved, so it was not published.");
      return;
    }
    try {
      const version = await publish.mutateAsync({ flowId, note });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.flows.get.queryKey({ flowId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.flows.versions.queryKey({ flowId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() }),
      ]);
      toast.success(`Published version ${version.version}`);
      setNote("");
      onOpenChange(false);
    } catch (err) {
      const e = readServerError(err);
      setServerProblems(e.issues.length > 0 ? e.issues.map((i) => i.message) : [e.message]);
    }
  };

  const problems = serverProblems.length > 0 ? serverProblems : issues.map((i) => i.message);
  const blocked = issues.length > 0;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Publish this flow"
      description="New incidents run the published version; incidents already open keep the version they started with."
      footer={
        <>
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button
            variant="primary"
            onClick={() => void submit()}
            disabled={blocked || publish.isPending}
            data-testid="publish-confirm"
          >
            <Rocket className="size-3.5" aria-hidden /> {publish.isPending ? "Publishing…" : "Publish"}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3 p-4">
        {problems.length > 0 ? (
          <div className="rounded-md border border-danger/40 bg-danger/5 p-3 text-[12px] text-danger">
            <p className="mb-1 flex items-center gap-1.5 font-medium">
              <AlertTriangle className="size-3.5" aria-hidden /> Fix{" "}
              {problems.length === 1 ? "this problem" : `these ${problems.length} problems`} first
            </p>
            <ul className="list-disc pl-5">
              {problems.slice(0, 6).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <Field label="Note" htmlFor="publish-note" hint="What changed, for the version history.">
          <Textarea
            id="publish-note"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="e.g. Page the lead after an hour"
            autoFocus
          />
        </Field>
      </div>
    </Dialog>
  );
}
