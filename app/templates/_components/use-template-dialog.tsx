"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import type { NodeHighlight } from "~/app/_components/flow-canvas/canvas-types";
import { Button } from "~/app/_components/ui/button";
import { Dialog } from "~/app/_components/ui/dialog";
import { CheckboxField, Field, Input } from "~/app/_components/ui/field";
import { useTRPC } from "~/app/_lib/trpc";
import type { TemplateRef, TemplateSummary } from "../_lib/types";
import { PlaceholderRow } from "./placeholder-row";
import { TemplateGraph } from "./template-thumbnail";
import { useNeedsPhrase } from "../_lib/use-needs-phrase";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

export type UsableTemplate = TemplateSummary & { ref: TemplateRef };

interface Props {
  template: UsableTemplate | null;
  onOpenChange: (open: boolean) => void;
}

interface WizardForm {
  name: string;
  publish: boolean;
  mapping: Record<string, string>;
}

const STEPS = ["connect", "name"] as const;

/**
 * The short wizard from a template to a flow: map each placeholder to an integration of its type
 * (or create one), name the flow, and create it, published or as a draft. It opens the new flow
 * on the canvas.
 */
export function UseTemplateDialog({ template, onOpenChange }: Props) {
  const t = useTranslations("UseTemplate");
  return (
    <Dialog
      open={template !== null}
      onOpenChange={onOpenChange}
      title={template ? t("titleNamed", { name: template.name }) : t("title")}
      description={t("description")}
      size="xl"
    >
      {template ? <Wizard key={template.name} template={template} onDone={() => onOpenChange(false)} /> : null}
    </Dialog>
  );
}

function Wizard({ template, onDone }: { template: UsableTemplate; onDone: () => void }) {
  const t = useTranslations("UseTemplate");
  const trpc = useTRPC();
  const locale = useLocale();
  const serverError = useServerErrorText();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { needs } = useNeedsPhrase();
  const [step, setStep] = useState(0);
  const [focused, setFocused] = useState<string | null>(template.placeholders[0]?.key ?? null);
  const integrations = useQuery(trpc.integrations.list.queryOptions());
  const types = useQuery(trpc.integrations.types.queryOptions(undefined, { staleTime: Infinity }));

  const schema = useMemo(
    () =>
      z.object({
        name: z.string().trim().min(1, t("nameRequired")).max(200),
        publish: z.boolean(),
        mapping: z.object(
          Object.fromEntries(
            template.placeholders.map((p) => [
              p.key,
              z.string().min(1, t("chooseFor", { needs: needs(p), label: p.label })),
            ]),
          ),
        ),
      }),
    [template, t, needs],
  );
  const form = useForm<WizardForm>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: template.name,
      publish: true,
      mapping: Object.fromEntries(template.placeholders.map((p) => [p.key, ""])),
    },
  });
  const use = useMutation(
    trpc.templates.use.mutationOptions({
      onSuccess: async ({ flowId, published }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.templates.list.queryKey() });
        toast.success(published ? t("createdPublished", { version: published.version }) : t("createdDraft"));
        onDone();
        router.push(`/flows/${flowId}`);
      },
      onError: (err) => toast.error(serverError(err)),
    }),
  );

  const highlights = useMemo((): Record<string, NodeHighlight> => {
    const placeholder = template.placeholders.find((p) => p.key === focused);
    return Object.fromEntries((placeholder?.nodeIds ?? []).map((id) => [id, "fired" as const]));
  }, [template, focused]);

  const next = async () => {
    const ok = await form.trigger(template.placeholders.map((p) => `mapping.${p.key}` as const));
    if (ok) setStep(1);
  };
  const submit = form.handleSubmit(({ name, publish, mapping }) =>
    use.mutate({ ref: template.ref, name, publish, mapping, locale }),
  );

  return (
    <div className="flex min-h-[460px] flex-col">
      <ol className="flex items-center gap-4 border-b border-border px-4 py-2 text-[12px]" aria-label={t("steps")}>
        {STEPS.map((label, i) => (
          <li
            key={label}
            aria-current={i === step ? "step" : undefined}
            className={`flex items-center gap-1.5 ${i === step ? "font-medium text-fg" : "text-muted"}`}
          >
            <span
              className={`inline-flex size-4 items-center justify-center rounded-full text-[10px] ${
                i < step ? "bg-ok text-white" : i === step ? "bg-accent text-accent-fg" : "bg-raised"
              }`}
            >
              {i < step ? <Check className="size-3" aria-hidden /> : i + 1}
            </span>
            {t(`step.${label}`)}
          </li>
        ))}
      </ol>
      <div className="grid min-h-0 flex-1 grid-cols-[minmax(360px,1fr)_minmax(0,1.6fr)]">
        <div className="min-w-0 overflow-auto border-r border-border px-4">
          {step === 0 ? (
            <ul className="divide-y divide-border" aria-label={t("placeholders")}>
              {template.placeholders.map((p) => (
                <Controller
                  key={p.key}
                  control={form.control}
                  name={`mapping.${p.key}`}
                  render={({ field, fieldState }) => (
                    <PlaceholderRow
                      placeholder={p}
                      options={(integrations.data ?? []).filter((i) => i.type === p.integrationType)}
                      entry={types.data?.find((entry) => entry.type === p.integrationType)}
                      value={field.value}
                      onChange={field.onChange}
                      onFocus={() => setFocused(p.key)}
                      error={fieldState.error?.message}
                    />
                  )}
                />
              ))}
            </ul>
          ) : (
            <div className="flex flex-col gap-4 py-4">
              <Field label={t("flowName")} htmlFor="flow-name" error={form.formState.errors.name?.message}>
                <Input id="flow-name" autoComplete="off" {...form.register("name")} />
              </Field>
              <CheckboxField label={t("publishNow")} hint={t("publishHint")} {...form.register("publish")} />
              <p className="text-[12px] text-muted">
                {t("origin", { name: template.name, version: template.version })}
              </p>
            </div>
          )}
        </div>
        <TemplateGraph template={template} size="large" highlights={highlights} className="min-h-[420px]" />
      </div>
      <footer className="flex items-center justify-between gap-2 border-t border-border px-4 py-3">
        <span className="text-[12px] text-muted">{t("stepOf", { step: step + 1, total: STEPS.length })}</span>
        <div className="flex gap-2">
          {step === 1 ? (
            <Button variant="ghost" onClick={() => setStep(0)}>
              {t("back")}
            </Button>
          ) : null}
          {step === 0 ? (
            <Button variant="primary" onClick={() => void next()}>
              {t("next")}
            </Button>
          ) : (
            <Button variant="primary" onClick={() => void submit()} disabled={use.isPending}>
              {t("create")}
            </Button>
          )}
        </div>
      </footer>
    </div>
  );
}
