"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useTRPC, type RouterOutputs } from "../../_lib/trpc";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

type Results = RouterOutputs["runs"]["resend"];

/** "2 delivered, 1 failed again" for the toast after a re-send. */
export function summarizeResend(results: Results, t: ReturnType<typeof useTranslations<"RunResend">>): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  return [...counts].map(([outcome, count]) => t("summary", { outcome, count })).join(", ") || t("nothing");
}

/** Re-send mutations shared by the run page and the dead-letter view; both refresh what they show. */
export function useResend() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useTranslations("RunResend");
  const errorText = useServerErrorText();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() });
  const report = (results: Results) => {
    const text = t("done", { summary: summarizeResend(results, t) });
    if (results.some((r) => r.outcome === "failed")) toast.error(text);
    else toast.success(text);
  };
  const options = {
    onSuccess: report,
    onError: (err: unknown) => toast.error(errorText(err)),
    onSettled: refresh,
  };
  return {
    resend: useMutation(trpc.runs.resend.mutationOptions(options)),
    resendFailed: useMutation(trpc.runs.resendFailed.mutationOptions(options)),
  };
}
