"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Ban, BellOff, CircleCheck } from "lucide-react";
import { toast } from "sonner";
import { Button } from "../../_components/ui/button";
import { useTRPC, type RouterOutputs } from "../../_lib/trpc";

type Actions = RouterOutputs["runs"]["get"]["actions"];

const WHY_NOT = "Only open runs take this action";

export function RunActionButtons({ runId, actions }: { runId: string; actions: Actions }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settle = {
    onError: (err: { message: string }) => toast.error(err.message),
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
      onSuccess: () => toast.success("Acknowledged: escalation and reminders stopped"),
    }),
  );
  const resolve = useMutation(
    trpc.runs.resolve.mutationOptions({
      ...settle,
      onSuccess: () => toast.success("Resolving: Ok messages go out to the levels that fired"),
    }),
  );
  const cancel = useMutation(
    trpc.runs.cancel.mutationOptions({
      ...settle,
      onSuccess: () => toast.success("Cancelling: no more messages will be sent"),
    }),
  );
  const busy = acknowledge.isPending || resolve.isPending || cancel.isPending;

  return (
    <>
      <Button
        variant="primary"
        disabled={!actions.acknowledge || busy}
        title={
          actions.acknowledge
            ? "Stop escalation and reminders; the Ok still goes out on recovery"
            : "Only escalating runs can be acknowledged"
        }
        onClick={() => acknowledge.mutate({ runId })}
      >
        <BellOff className="size-3.5" aria-hidden /> Acknowledge
      </Button>
      <Button
        disabled={!actions.resolve || busy}
        title={actions.resolve ? "End the incident now and send Ok where levels fired" : WHY_NOT}
        onClick={() => resolve.mutate({ runId })}
      >
        <CircleCheck className="size-3.5" aria-hidden /> Resolve
      </Button>
      <Button
        variant="ghost"
        disabled={!actions.cancel || busy}
        title={actions.cancel ? "Stop the run without sending Ok messages" : WHY_NOT}
        onClick={() => cancel.mutate({ runId })}
      >
        <Ban className="size-3.5" aria-hidden /> Cancel run
      </Button>
    </>
  );
}
