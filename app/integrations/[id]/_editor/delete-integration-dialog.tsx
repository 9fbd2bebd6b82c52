"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "~/app/_components/ui/button";
import { Dialog } from "~/app/_components/ui/dialog";
import { useTRPC } from "~/app/_lib/trpc";
import { useIntegrationErrorText } from "../../_lib/use-integration-error-text";
import { useEditorContext } from "./editor-context";

/** Delete, refused while a published flow sends through it; those flows are listed to fix first. */
export function DeleteIntegrationDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useTranslations("IntegrationEditor.delete");
  const serverError = useIntegrationErrorText();
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
        toast.success(t("deleted", { name: integration.name }));
        onOpenChange(false);
        await queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
        router.push("/integrations");
      },
      // The server refuses too (a flow may have been published meanwhile): show the fresh list.
      onError: (err) => {
        toast.error(serverError(err));
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
      title={blocked ? t("inUseTitle") : t("title", { name: integration.name })}
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            {t("cancel")}
          </Button>
          <Button
            variant="danger"
            onClick={() => remove.mutate({ integrationId: integration.id })}
            disabled={blocked || usedBy.isLoading || remove.isPending}
          >
            {t("delete")}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-2 p-4 text-[13px]" data-testid="delete-dialog">
        {usedBy.isLoading ? <p className="text-muted">{t("checking")}</p> : null}
        {blocked ? (
          <>
            <p>{t("inUse")}</p>
            <ul className="flex flex-col gap-1">
              {flows.map((f) => (
                <li key={f.id}>
                  <Link href={`/flows/${f.id}`} className="font-medium hover:underline">
                    {f.name}
                  </Link>{" "}
                  <span className="text-muted">{t("version", { version: f.version })}</span>
                </li>
              ))}
            </ul>
          </>
        ) : !usedBy.isLoading ? (
          <p className="text-muted">{t("unused")}</p>
        ) : null}
      </div>
    </Dialog>
  );
}
