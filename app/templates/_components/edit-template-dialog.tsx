"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { Button } from "~/app/_components/ui/button";
import { Dialog } from "~/app/_components/ui/dialog";
import { Field, Input, Textarea } from "~/app/_components/ui/field";
import { useTRPC } from "~/app/_lib/trpc";
import { NO_MARKUP } from "~/core/flow-templates/template-document";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

/** Built per render language: the refusals are shown under the fields. */
const editSchema = (messages: { noMarkup: string; nameRequired: string }) => {
  const noMarkup = (max: number) => z.string().trim().max(max).regex(NO_MARKUP, messages.noMarkup);
  return z.object({
    name: noMarkup(200).min(1, messages.nameRequired),
    description: noMarkup(5000),
    tags: z.string().max(400),
  });
};
type EditForm = z.infer<ReturnType<typeof editSchema>>;

export const splitTags = (text: string) =>
  [
    ...new Set(
      text
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].slice(0, 12);

interface Props {
  template: { templateId: string; name: string; description: string; tags: string[] } | null;
  onOpenChange: (open: boolean) => void;
}

/** Renames, re-describes or re-tags a template; its versions (what the flow does) stay as they are. */
export function EditTemplateDialog({ template, onOpenChange }: Props) {
  const t = useTranslations("EditTemplate");
  return (
    <Dialog open={template !== null} onOpenChange={onOpenChange} title={t("title")} size="md">
      {template ? <EditForm template={template} onDone={() => onOpenChange(false)} /> : null}
    </Dialog>
  );
}

function EditForm({ template, onDone }: { template: NonNullable<Props["template"]>; onDone: () => void }) {
  const t = useTranslations("EditTemplate");
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const queryClient = useQueryClient();
  const schema = useMemo(() => editSchema({ noMarkup: t("noMarkup"), nameRequired: t("nameRequired") }), [t]);
  const form = useForm<EditForm>({
    resolver: zodResolver(schema),
    defaultValues: { name: template.name, description: template.description, tags: template.tags.join(", ") },
  });
  const update = useMutation(
    trpc.templates.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.templates.get.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.templates.list.queryKey() });
        toast.success(t("saved"));
        onDone();
      },
    }),
  );
  const submit = form.handleSubmit((v) =>
    update.mutate({
      templateId: template.templateId,
      name: v.name,
      description: v.description,
      tags: splitTags(v.tags),
    }),
  );
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} className="flex flex-col gap-4 p-4" noValidate>
      <Field label={t("name")} htmlFor="edit-template-name" error={errors.name?.message}>
        <Input id="edit-template-name" autoComplete="off" {...form.register("name")} />
      </Field>
      <Field label={t("description")} htmlFor="edit-template-description" error={errors.description?.message}>
        <Textarea id="edit-template-description" rows={4} {...form.register("description")} />
      </Field>
      <Field label={t("tags")} htmlFor="edit-template-tags" hint={t("tagsHint")}>
        <Input id="edit-template-tags" autoComplete="off" {...form.register("tags")} />
      </Field>
      {update.error ? (
        <p className="rounded-md border border-danger/30 bg-danger/5 px-2.5 py-1.5 text-[12px]" role="alert">
          {errorText(update.error)}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onDone}>
          {t("cancel")}
        </Button>
        <Button variant="primary" type="submit" disabled={update.isPending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
