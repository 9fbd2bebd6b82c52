"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowRight } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { useServerErrorText } from "~/app/_components/use-server-error-text";
import { useTRPC } from "~/app/_lib/trpc";
import { NeedsList } from "../../_components/needs-list";
import { TemplateGraph } from "../../_components/template-thumbnail";
import { UseTemplateDialog, type UsableTemplate } from "../../_components/use-template-dialog";

/**
 * Where a shared link's "Use this template" lands, inside the app (so signed in, in the current
 * workspace): adds a copy of the template to the workspace, then runs the wizard.
 */
export function UseSharedTemplate({ token }: { token: string }) {
  const t = useTranslations("SharedTemplate");
  const locale = useLocale();
  const serverError = useServerErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const shared = useQuery(trpc.templates.shared.queryOptions({ token }, { retry: false }));
  const [using, setUsing] = useState<UsableTemplate | null>(null);
  const add = useMutation(
    trpc.templates.useShared.mutationOptions({
      onSuccess: async ({ templateId, copied }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.templates.list.queryKey() });
        if (copied) toast.success(t("added"));
        const template = await queryClient.fetchQuery(trpc.templates.get.queryOptions({ templateId }));
        setUsing(template);
      },
      onError: (err) => toast.error(serverError(err)),
    }),
  );

  const template = shared.data;
  return (
    <>
      <PageHeader
        title={template ? t("useNamed", { name: template.name }) : t("sharedTitle")}
        subtitle={t("addSubtitle")}
        actions={
          template ? (
            <Button variant="primary" onClick={() => add.mutate({ token, locale })} disabled={add.isPending}>
              {t("addAndSetUp")} <ArrowRight className="size-3.5" aria-hidden />
            </Button>
          ) : null
        }
      />
      {shared.error ? <p className="p-6 text-danger">{serverError(shared.error)}</p> : null}
      {template ? (
        <div className="flex flex-col gap-3 p-6">
          <p className="max-w-3xl text-[13px] leading-relaxed whitespace-pre-line">{template.description}</p>
          <NeedsList placeholders={template.placeholders} />
          <TemplateGraph template={template} size="large" className="h-[420px] rounded-lg border border-border" />
        </div>
      ) : null}
      <UseTemplateDialog template={using} onOpenChange={(open) => (open ? null : setUsing(null))} />
    </>
  );
}
