"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Copy, Link2, Plus } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "~/app/_components/ui/button";
import { Input } from "~/app/_components/ui/field";
import { useTRPC } from "~/app/_lib/trpc";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

/**
 * A template's public links: create one (its address is shown once, here), copy it, revoke any.
 * A revoked link answers "not found" like one that never existed.
 */
export function ShareLinks({ templateId }: { templateId: string }) {
  const t = useTranslations("ShareLinks");
  const format = useFormatter();
  const trpc = useTRPC();
  const serverError = useServerErrorText();
  const queryClient = useQueryClient();
  const links = useQuery(trpc.templates.shareLinks.queryOptions({ templateId }));
  const [fresh, setFresh] = useState<{ id: string; url: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.templates.shareLinks.queryKey({ templateId }) });
  const create = useMutation(
    trpc.templates.createShareLink.mutationOptions({
      onSuccess: async ({ id, path }) => {
        setFresh({ id, url: `${window.location.origin}${path}` });
        await refresh();
      },
      onError: (err) => toast.error(serverError(err)),
    }),
  );
  const revoke = useMutation(
    trpc.templates.revokeShareLink.mutationOptions({
      onSuccess: async ({ id }) => {
        if (fresh?.id === id) setFresh(null);
        toast.success(t("revoked"));
        await refresh();
      },
      onError: (err) => toast.error(serverError(err)),
    }),
  );
  const copy = async (url: string) => {
    await navigator.clipboard.writeText(url).then(
      () => toast.success(t("copied")),
      () => toast.error(t("copyFailed")),
    );
  };

  return (
    <div className="flex flex-col gap-2">
      <p className="text-[12px] text-muted">{t("explainer")}</p>
      {fresh ? (
        <div className="flex items-center gap-1.5" data-testid="new-share-link">
          <Input
            readOnly
            value={fresh.url}
            aria-label={t("newLink")}
            className="font-mono"
            onFocus={(e) => e.target.select()}
          />
          <Button onClick={() => void copy(fresh.url)} aria-label={t("copy")}>
            <Copy className="size-3.5" aria-hidden />
          </Button>
        </div>
      ) : null}
      {fresh ? <p className="text-[11px] text-warn">{t("copyNow")}</p> : null}
      <ul className="divide-y divide-border rounded-md border border-border">
        {links.data?.map((link) => (
          <li key={link.id} className="flex items-center gap-2 px-2.5 py-1.5 text-[12px]">
            <Link2 className="size-3.5 shrink-0 text-muted" aria-hidden />
            <code className="font-mono">{link.tokenPrefix}…</code>
            <span className="text-muted">
              {t("created", { at: format.dateTime(link.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
            </span>
            <span className="ml-auto">
              {link.revokedAt ? (
                <span className="text-muted">{t("revokedState")}</span>
              ) : (
                <Button
                  variant="ghost"
                  onClick={() => revoke.mutate({ templateId, linkId: link.id })}
                  disabled={revoke.isPending}
                >
                  {t("revoke")}
                </Button>
              )}
            </span>
          </li>
        ))}
        {links.data?.length === 0 ? <li className="px-2.5 py-2 text-[12px] text-muted">{t("none")}</li> : null}
      </ul>
      <div>
        <Button onClick={() => create.mutate({ templateId })} disabled={create.isPending}>
          <Plus className="size-3.5" aria-hidden /> {t("create")}
        </Button>
      </div>
    </div>
  );
}
