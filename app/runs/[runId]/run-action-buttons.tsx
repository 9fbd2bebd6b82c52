"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Ban, BellOff, CircleCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "../../_components/ui/button";
import { useTRPC, type RouterOutputs } from "../../_lib/trpc";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

type Actions = RouterOutputs["runs"]["get"]["actions"];

export function RunActionButtons({ runId, actions }: { runId: string; actions: Actions }) {
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const queryClient = useQueryClient();
  const t = useTranslations("RunDetail.actions");
  const settle = {
    onError: (err: unknown) => toast.error(errorText(err)),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.runs.get.queryKey({ runId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.runs.list.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.runs.stats.pathKey() }),
      ]),
  };
  const acknowledge = useMutation(
    trpc.runs.acknowledge.mutationOptions({
      ...settle,
      onSuccess: () => toast.success(t("acknowledged")),
    }),
  );
  const resolve = useMutation(
    trpc.runs.resolve.mutationOptions({
      ...settle,
      onSuccess: () => toast.success(t("resolving")),
    }),
  );
  const cancel = useMutation(
    trpc.runs.cancel.mutationOptions({
      ...settle,
      onSuccess: () => toast.success(t("cancelling")),
    }),
  );
  const busy = acknowledge.isPending || resolve.isPending || cancel.isPending;

  return (
    <>
      <Button
        variant="primary"
        disabled={!actions.acknowledge || busy}
        title={actions.acknowledge ? t("acknowledgeTitle") : t("acknowledgeClosed")}
        onClick={() => acknowledge.mutate({ runId })}
      >
        <BellOff className="size-3.5" aria-hidden /> {t("acknowledge")}
      </Button>
      <Button
        disabled={!actions.resolve || busy}
        title={actions.resolve ? t("resolveTitle") : t("closed")}
        onClick={() => resolve.mutate({ runId })}
      >
        <CircleCheck className="size-3.5" aria-hidden /> {t("resolve")}
      </Button>
      <Button
        variant="ghost"
        disabled={!actions.cancel || busy}
        title={actions.cancel ? t("cancelTitle") : t("closed")}
        onClick={() => cancel.mutate({ runId })}
      >
        <Ban className="size-3.5" aria-hidden /> {t("cancel")}
      </Button>
    </>
  );
}
