"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, type RouterOutputs } from "../../_lib/trpc";

type Results = RouterOutputs["runs"]["resend"];

/** "2 delivered, 1 failed again" for the toast after a re-send. */
export function summarizeResend(results: Results): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  const words: Record<string, string> = {
    delivered: "delivered",
    failed: "failed again",
    skipped: "skipped",
    not_failed: "no longer failed",
    missing: "not found",
  };
  return [...counts].map(([outcome, n]) => `${n} ${words[outcome] ?? outcome}`).join(", ") || "Nothing to re-send";
}

/** Re-send mutations shared by the run page and the dead-letter view; both refresh what they show. */
export function useResend() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() });
  const report = (results: Results) => {
    const text = summarizeResend(results);
    if (results.some((r) => r.outcome === "failed")) toast.error(`Re-sent: ${text}`);
    else toast.success(`Re-sent: ${text}`);
  };
  const options = {
    onSuccess: report,
    onError: (err: { message: string }) => toast.error(err.message),
    onSettled: refresh,
  };
  return {
    resend: useMutation(trpc.runs.resend.mutationOptions(options)),
    resendFailed: useMutation(trpc.runs.resendFailed.mutationOptions(options)),
  };
}
