"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { Button } from "~/app/_components/ui/button";
import { Dialog } from "~/app/_components/ui/dialog";
import { Field, Input, Select, Textarea } from "~/app/_components/ui/field";
import { useTRPC } from "~/app/_lib/trpc";
import { splitTags } from "./edit-template-dialog";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

const DRAFT = "draft";

/** Built per render language: the refusals are shown under the fields. */
const formSchema = (messages: { flowRequired: string; nameRequired: string }) =>
  z.object({
    flowId: z.string().min(1, messages.flowRequired),
    flowVersionId: z.string(),
    name: z.string().trim().min(1, messages.nameRequired).max(200),
    description: z.string().trim().max(5000),
    tags: z.string().max(400),
    note: z.string().trim().max(2000),
  });
type SaveForm = z.infer<ReturnType<typeof formSchema>>;

export interface SaveAsTemplateTarget {
  /** Preselects the flow (e.g. the template's source flow). */
  flowId?: string;
  /** Saves a new version of this template instead of a new template. */
  templateId?: string;
  name?: string;
  description?: string;
  tags?: string[];
}

interface Props {
  target: SaveAsTemplateTarget | null;
  onOpenChange: (open: boolean) => void;
}

/**
 * Saves a flow's draft or one of its published versions as a template (or as the template's next
 * version). The server turns integrations into placeholders and drops every secret; a flow that
 * could not run from the template is refused with the node named.
 */
export function SaveAsTemplateDialog({ target, onOpenChange }: Props) {
  const t = useTranslations("SaveAsTemplate");
  return (
    <Dialog
      open={target !== null}
      onOpenChange={onOpenChange}
      title={target?.templateId ? t("titleVersion") : t("title")}
      description={t("description")}
      size="md"
    >
      {target ? <SaveForm target={target} onDone={() => onOpenChange(false)} /> : null}
    </Dialog>
  );
}

function SaveForm({ target, onDone }: { target: SaveAsTemplateTarget; onDone: () => void }) {
  const t = useTranslations("SaveAsTemplate");
  const trpc = useTRPC();
  const serverError = useServerErrorText();
  const router = useRouter();
  const queryClient = useQueryClient();
  const flows = useQuery(trpc.flows.list.queryOptions());
  const form = useForm<SaveForm>({
    resolver: zodResolver(
      useMemo(() => formSchema({ flowRequired: t("flowRequired"), nameRequired: t("nameRequired") }), [t]),
    ),
    defaultValues: {
      flowId: target.flowId ?? "",
      flowVersionId: DRAFT,
      name: target.name ?? "",
      description: target.description ?? "",
      tags: (target.tags ?? []).join(", "),
      note: "",
    },
  });
  const flowId = useWatch({ control: form.control, name: "flowId" });
  const versions = useQuery(trpc.flows.versions.queryOptions({ flowId }, { enabled: flowId !== "" }));
  const save = useMutation(
    trpc.templates.saveFromFlow.mutationOptions({
      onSuccess: async ({ templateId, version }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.templates.list.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.templates.get.queryKey({ templateId }) });
        toast.success(t("saved", { version }));
        onDone();
        router.push(`/templates/${templateId}`);
      },
    }),
  );
  const submit = form.handleSubmit((values) =>
    save.mutate({
      flowId: values.flowId,
      flowVersionId: values.flowVersionId === DRAFT ? undefined : values.flowVersionId,
      templateId: target.templateId,
      name: values.name,
      description: values.description,
      tags: splitTags(values.tags),
      note: values.note,
    }),
  );
  const errors = form.formState.errors;

  return (
    <form onSubmit={submit} className="flex flex-col gap-4 p-4" noValidate>
      <div className="grid grid-cols-2 gap-3">
        <Field label={t("flow")} htmlFor="template-flow" error={errors.flowId?.message}>
          <Select
            id="template-flow"
            {...form.register("flowId", {
              onChange: (e: { target: { value: string } }) => {
                form.setValue("flowVersionId", DRAFT);
                const flow = flows.data?.find((f) => f.id === e.target.value);
                if (flow && !form.getValues("name")) form.setValue("name", flow.name);
              },
            })}
          >
            <option value="">{t("chooseFlow")}</option>
            {flows.data?.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("from")} htmlFor="template-version">
          <Select id="template-version" {...form.register("flowVersionId")}>
            <option value={DRAFT}>{t("currentDraft")}</option>
            {versions.data?.map((v) => (
              <option key={v.id} value={v.id}>
                {t("publishedVersion", { version: v.version })}
                {v.note ? ` — ${v.note}` : ""}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t("name")} htmlFor="template-name" error={errors.name?.message}>
        <Input id="template-name" autoComplete="off" {...form.register("name")} />
      </Field>
      <Field label={t("descriptionLabel")} htmlFor="template-description" hint={t("descriptionHint")}>
        <Textarea id="template-description" rows={3} {...form.register("description")} />
      </Field>
      <Field label={t("tags")} htmlFor="template-tags" hint={t("tagsHint")}>
        <Input id="template-tags" autoComplete="off" {...form.register("tags")} />
      </Field>
      {target.templateId ? (
        <Field label={t("note")} htmlFor="template-note">
          <Input id="template-note" autoComplete="off" {...form.register("note")} />
        </Field>
      ) : null}
      {save.error ? (
        <p className="rounded-md border border-danger/30 bg-danger/5 px-2.5 py-1.5 text-[12px]" role="alert">
          {serverError(save.error)}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onDone}>
          {t("cancel")}
        </Button>
        <Button variant="primary" type="submit" disabled={save.isPending}>
          {target.templateId ? t("saveVersion") : t("save")}
        </Button>
      </div>
    </form>
  );
}
