"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RotateCw, Repeat } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "../../_components/ui/button";
import { useTRPC } from "../../_lib/trpc";
import { useResend } from "../_lib/use-resend";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

interface Props {
  runId: string;
  failedCount: number;
  ended: boolean;
}

/** Editors' repairs: send the failed messages again, or start the incident again on the current version. */
export function RunRepairButtons({ runId, failedCount, ended }: Props) {
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const router = useRouter();
  const queryClient = useQueryClient();
  const t = useTranslations("RunDetail.repair");
  const { resendFailed } = useResend();
  const rerun = useMutation(
    trpc.runs.rerun.mutationOptions({
      onSuccess: ({ runId: next }) => {
        toast.success(t("rerunStarted"));
        void queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() });
        router.push(`/runs/${next}`);
      },
      onError: (err) => toast.error(errorText(err)),
    }),
  );
  return (
    <>
      {failedCount > 0 ? (
        <Button
          disabled={resendFailed.isPending}
          title={t("resendFailedTitle")}
          onClick={() => resendFailed.mutate({ runId })}
        >
          <RotateCw className={`size-3.5 ${resendFailed.isPending ? "animate-spin" : ""}`} aria-hidden />
          {t("resendFailed", { count: failedCount })}
        </Button>
      ) : null}
      <Button
        disabled={!ended || rerun.isPending}
        title={ended ? t("rerunTitle") : t("rerunOpen")}
        onClick={() => rerun.mutate({ runId })}
      >
        <Repeat className="size-3.5" aria-hidden /> {t("rerun")}
      </Button>
    </>
  );
}
