"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowRight } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { useTRPC } from "~/app/_lib/trpc";
import { NeedsList } from "../../_components/needs-list";
import { TemplateGraph } from "../../_components/template-thumbnail";
import { UseTemplateDialog, type UsableTemplate } from "../../_components/use-template-dialog";

/**
 * Where a shared link's "Use this template" lands, inside the app (so signed in, in the current
 * workspace): adds a copy of the template to the workspace, then runs the wizard.
 */
export function UseSharedTemplate({ token }: { token: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const shared = useQuery(trpc.templates.shared.queryOptions({ token }, { retry: false }));
  const [using, setUsing] = useState<UsableTemplate | null>(null);
  const add = useMutation(
    trpc.templates.useShared.mutationOptions({
      onSuccess: async ({ templateId, copied }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.templates.list.queryKey() });
        if (copied) toast.success("Template added to this workspace");
        const template = await queryClient.fetchQuery(trpc.templates.get.queryOptions({ templateId }));
        setUsing(template);
      },
      onError: (err) => toast.error(err.message),
    }),
  );

  const t = shared.data;
  return (
    <>
      <PageHeader
        title={t ? `Use "${t.name}"` : "Shared template"}
        subtitle="Adds a copy of the shared template to this workspace, then connects its integrations"
        actions={
          t ? (
            <Button variant="primary" onClick={() => add.mutate({ token })} disabled={add.isPending}>
              Add to this workspace and set up <ArrowRight className="size-3.5" aria-hidden />
            </Button>
          ) : null
        }
      />
      {shared.error ? <p className="p-6 text-danger">{shared.error.message}</p> : null}
      {t ? (
        <div className="flex flex-col gap-3 p-6">
          <p className="max-w-3xl text-[13px] leading-relaxed whitespace-pre-line">{t.description}</p>
          <NeedsList placeholders={t.placeholders} />
          <TemplateGraph template={t} size="large" className="h-[420px] rounded-lg border border-border" />
        </div>
      ) : null}
      <UseTemplateDialog template={using} onOpenChange={(open) => (open ? null : setUsing(null))} />
    </>
  );
}
