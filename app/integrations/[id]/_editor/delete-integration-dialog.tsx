"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "~/app/_components/ui/button";
import { Dialog } from "~/app/_components/ui/dialog";
import { useTRPC } from "~/app/_lib/trpc";
import { useEditorContext } from "./editor-context";

/** Delete, refused while a published flow sends through it; those flows are listed to fix first. */
export function DeleteIntegrationDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { integration } = useEditorContext();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const usedBy = useQuery(
    trpc.integrations.usedBy.queryOptions({ integrationId: integration.id }, { enabled: open, staleTime: 0 }),
  );
  const remove = useMutation(
    trpc.integrations.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`Deleted ${integration.name}`);
        onOpenChange(false);
        await queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
        router.push("/integrations");
      },
      // The server refuses too (a flow may have been published meanwhile): show the fresh list.
      onError: (err) => {
        toast.error(err.message);
        void usedBy.refetch();
      },
    }),
  );
  const flows = usedBy.data ?? [];
  const blocked = flows.length > 0;

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={blocked ? "This integration is in use" : `Delete “${integration.name}”?`}
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            onClick={() => remove.mutate({ integrationId: integration.id })}
            disabled={blocked || usedBy.isLoading || remove.isPending}
          >
            Delete
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-2 p-4 text-[13px]" data-testid="delete-dialog">
        {usedBy.isLoading ? <p className="text-muted">Checking which flows use it…</p> : null}
        {blocked ? (
          <>
            <p>Published flows send through it. Publish them without it first:</p>
            <ul className="flex flex-col gap-1">
              {flows.map((f) => (
                <li key={f.id}>
                  <Link href={`/flows/${f.id}`} className="font-medium hover:underline">
                    {f.name}
                  </Link>{" "}
                  <span className="text-muted">v{f.version}</span>
                </li>
              ))}
            </ul>
          </>
        ) : !usedBy.isLoading ? (
          <p className="text-muted">
            No published flow uses it. Drafts that link it will show it as missing. This cannot be undone.
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
