"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Archive, ArchiveRestore, Copy, MoreHorizontal, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { DropdownMenu } from "radix-ui";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "../_components/ui/button";
import { Dialog } from "../_components/ui/dialog";
import { useTRPC } from "../_lib/trpc";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

interface FlowSummary {
  id: string;
  name: string;
  openIncidents: number;
  archived: boolean;
}

const ITEM =
  "flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-[13px] outline-none data-[highlighted]:bg-raised";

/** The ⋯ menu of a flow row: duplicate, archive or unarchive, delete; the last two confirm first. */
export function FlowRowMenu({ flow }: { flow: FlowSummary }) {
  const t = useTranslations("FlowLifecycle");
  const serverError = useServerErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<"archive" | "delete" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
  const onError = (err: unknown) => toast.error(serverError(err));
  const duplicate = useMutation(
    trpc.flows.duplicate.mutationOptions({
      onSuccess: async (copy) => {
        await refresh();
        toast.success(t("duplicated", { name: copy.name }));
      },
      onError,
    }),
  );
  const archive = useMutation(
    trpc.flows.setArchived.mutationOptions({
      onSuccess: async (_, input) => {
        setConfirm(null);
        await refresh();
        toast.success(input.archived ? t("archived", { name: flow.name }) : t("unarchived", { name: flow.name }));
      },
      onError,
    }),
  );
  const remove = useMutation(
    trpc.flows.delete.mutationOptions({
      onSuccess: async () => {
        setConfirm(null);
        await refresh();
        toast.success(t("deleted", { name: flow.name }));
      },
      onError,
    }),
  );

  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <Button variant="ghost" className="px-1.5" aria-label={t("open", { name: flow.name })}>
            <MoreHorizontal className="size-4" aria-hidden />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={4}
            className="z-50 min-w-44 rounded-md border border-border bg-panel p-1 text-fg shadow-lg"
          >
            <DropdownMenu.Item className={ITEM} onSelect={() => duplicate.mutate({ flowId: flow.id })}>
              <Copy className="size-3.5" aria-hidden /> {t("duplicate")}
            </DropdownMenu.Item>
            {flow.archived ? (
              <DropdownMenu.Item className={ITEM} onSelect={() => archive.mutate({ flowId: flow.id, archived: false })}>
                <ArchiveRestore className="size-3.5" aria-hidden /> {t("unarchive")}
              </DropdownMenu.Item>
            ) : (
              <DropdownMenu.Item className={ITEM} onSelect={() => setConfirm("archive")}>
                <Archive className="size-3.5" aria-hidden /> {t("archive")}
              </DropdownMenu.Item>
            )}
            <DropdownMenu.Separator className="my-1 h-px bg-border" />
            <DropdownMenu.Item className={`${ITEM} text-danger`} onSelect={() => setConfirm("delete")}>
              <Trash2 className="size-3.5" aria-hidden /> {t("delete")}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>

      <Dialog
        open={confirm === "archive"}
        onOpenChange={(open) => setConfirm(open ? "archive" : null)}
        title={t("archiveTitle", { name: flow.name })}
        footer={
          <>
            <Button onClick={() => setConfirm(null)}>{t("cancel")}</Button>
            <Button
              variant="primary"
              disabled={archive.isPending}
              onClick={() => archive.mutate({ flowId: flow.id, archived: true })}
            >
              {t("archiveConfirm")}
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-2 p-4 text-[13px]">
          <p>{t("archiveBody")}</p>
          {flow.openIncidents > 0 ? (
            <p className="text-warn">{t("archiveOpen", { count: flow.openIncidents })}</p>
          ) : null}
        </div>
      </Dialog>

      <Dialog
        open={confirm === "delete"}
        onOpenChange={(open) => setConfirm(open ? "delete" : null)}
        title={t("deleteTitle", { name: flow.name })}
        footer={
          <>
            <Button onClick={() => setConfirm(null)}>{t("cancel")}</Button>
            <Button
              variant="danger"
              disabled={remove.isPending || flow.openIncidents > 0}
              onClick={() => remove.mutate({ flowId: flow.id })}
            >
              {t("deleteConfirm")}
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-2 p-4 text-[13px]">
          {flow.openIncidents > 0 ? (
            <p className="text-danger" role="alert">
              {t("deleteBlocked", { count: flow.openIncidents })}
            </p>
          ) : (
            <p>{t("deleteBody")}</p>
          )}
        </div>
      </Dialog>
    </>
  );
}
