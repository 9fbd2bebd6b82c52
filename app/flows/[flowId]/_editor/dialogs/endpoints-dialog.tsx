"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Copy, Plus } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "~/app/_components/ui/button";
import { Dialog } from "~/app/_components/ui/dialog";
import { StatusBadge } from "~/app/_components/ui/status-badge";
import { useTRPC } from "~/app/_lib/trpc";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

function CopyBlock({ label, text, testId }: { label: string; text: string; testId?: string }) {
  const t = useTranslations("Endpoints");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      toast.error(t("clipboardRefused"));
    }
  };
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between text-[12px] text-muted">
        {label}
        <Button variant="ghost" onClick={() => void copy()} aria-label={t("copyNamed", { label })}>
          {copied ? <Check className="size-3.5 text-ok" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}{" "}
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
      <pre
        className="overflow-x-auto rounded-md border border-border bg-bg p-2 font-mono text-[12px] whitespace-pre-wrap break-all select-all"
        data-testid={testId}
      >
        {text}
      </pre>
    </div>
  );
}

const curlExample = (url: string) =>
  [
    `curl -X POST '${url}' \\`,
    `  -H 'content-type: application/json' \\`,
    `  -d '{"key":"checkout-api","status":"error","summary":"Checkout API is down"}'`,
  ].join("\n");

function Endpoints({ flowId }: { flowId: string }) {
  const t = useTranslations("Endpoints");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverError = useServerErrorText();
  const endpoints = useQuery(trpc.flows.endpoints.queryOptions({ flowId }));
  const [created, setCreated] = useState<{ token: string; path: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.flows.endpoints.queryKey({ flowId }) });
  const create = useMutation(
    trpc.flows.createEndpoint.mutationOptions({
      onSuccess: async (endpoint) => {
        setCreated(endpoint);
        await refresh();
      },
      onError: (e) => toast.error(serverError(e)),
    }),
  );
  const revoke = useMutation(
    trpc.flows.revokeEndpoint.mutationOptions({
      onSuccess: async () => {
        setConfirming(null);
        await refresh();
      },
      onError: (e) => toast.error(serverError(e)),
    }),
  );
  const origin = typeof window === "undefined" ? "" : window.location.origin;

  return (
    <div className="flex flex-col gap-4 p-4">
      <p className="text-[12px] leading-5 text-muted">{t("explainer")}</p>
      {created ? (
        <div
          className="flex flex-col gap-3 rounded-md border border-accent/40 bg-accent/5 p-3"
          data-testid="new-endpoint"
        >
          <p className="text-[12px] font-medium">{t("copyNow")}</p>
          <CopyBlock label={t("url")} text={`${origin}${created.path}`} testId="endpoint-url" />
          <CopyBlock label={t("curl")} text={curlExample(`${origin}${created.path}`)} />
        </div>
      ) : null}
      <div>
        <Button variant="primary" onClick={() => create.mutate({ flowId })} disabled={create.isPending}>
          <Plus className="size-3.5" aria-hidden /> {t("create")}
        </Button>
      </div>
      <table className="w-full text-left text-[12px]">
        <thead className="border-b border-border text-muted">
          <tr>
            <th className="py-1.5 font-medium">{t("columns.token")}</th>
            <th className="py-1.5 font-medium">{t("columns.created")}</th>
            <th className="py-1.5 font-medium">{t("columns.status")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {endpoints.data?.map((e) => (
            <tr key={e.id} className="border-b border-border last:border-0" data-testid="endpoint-row">
              <td className="py-1.5 font-mono">{e.tokenPrefix}…</td>
              <td className="py-1.5 text-muted">
                {format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </td>
              <td className="py-1.5">
                {e.revokedAt ? (
                  <StatusBadge tone="neutral">{t("revoked")}</StatusBadge>
                ) : (
                  <StatusBadge tone="ok">{t("active")}</StatusBadge>
                )}
              </td>
              <td className="py-1.5 text-right">
                {e.revokedAt ? null : confirming === e.id ? (
                  <span className="inline-flex gap-1">
                    <Button
                      variant="danger"
                      onClick={() => revoke.mutate({ flowId, endpointId: e.id })}
                      disabled={revoke.isPending}
                    >
                      {t("revokeNow")}
                    </Button>
                    <Button variant="ghost" onClick={() => setConfirming(null)}>
                      {t("keep")}
                    </Button>
                  </span>
                ) : (
                  <Button variant="ghost" onClick={() => setConfirming(e.id)}>
                    {t("revoke")}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {endpoints.data?.length === 0 ? <p className="text-[12px] text-muted">{t("none")}</p> : null}
    </div>
  );
}

/** The flow's inbound endpoint tokens. */
export function EndpointsDialog({
  flowId,
  open,
  onOpenChange,
}: {
  flowId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useTranslations("Endpoints");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} size="md" title={t("title")}>
      <Endpoints flowId={flowId} />
    </Dialog>
  );
}
