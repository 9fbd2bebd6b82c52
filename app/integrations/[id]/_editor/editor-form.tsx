"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ChevronLeft, Send, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState, type KeyboardEvent } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { useTRPC } from "~/app/_lib/trpc";
import { useCatalogueText } from "../../_lib/use-catalogue-text";
import { useIntegrationErrorText } from "../../_lib/use-integration-error-text";
import { TypeTile } from "../../_ui/type-icon";
import { AboutPanel } from "./about-panel";
import { DeleteIntegrationDialog } from "./delete-integration-dialog";
import { useEditorContext } from "./editor-context";
import { EmailSection } from "./email-section";
import { useFormErrorText } from "./form-error-text";
import { editorFormSchema, formToDraft, integrationToForm, type EditorForm as EditorFormValues } from "./form-model";
import { SettingsSection } from "./settings-section";
import { StepsSection } from "./steps-section";
import { TestSendDialog } from "./test-send-dialog";
import { VariablesSection } from "./variables-section";

/** The first message in react-hook-form's error tree, so the toast says what is wrong. */
function firstErrorMessage(node: unknown): string | undefined {
  if (typeof node !== "object" || node === null) return undefined;
  if ("message" in node && typeof node.message === "string" && node.message !== "") return node.message;
  for (const [key, child] of Object.entries(node)) {
    if (key === "ref") continue;
    const found = firstErrorMessage(child);
    if (found) return found;
  }
  return undefined;
}

export function EditorForm() {
  const t = useTranslations("IntegrationEditor");
  const locale = useLocale();
  const errorText = useFormErrorText();
  const serverError = useIntegrationErrorText();
  const text = useCatalogueText();
  const { entry, integration } = useEditorContext();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [testing, setTesting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const form = useForm<EditorFormValues>({
    resolver: zodResolver(editorFormSchema),
    defaultValues: integrationToForm(integration, entry, locale),
    mode: "onBlur",
  });
  const save = useMutation(
    trpc.integrations.update.mutationOptions({
      onSuccess: async (updated) => {
        queryClient.setQueryData(trpc.integrations.get.queryKey({ integrationId: updated.id }), updated);
        form.reset(integrationToForm(updated, entry, locale));
        toast.success(t("savedToast"));
        await queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
      },
      onError: (err) => toast.error(serverError(err)),
    }),
  );
  const submit = form.handleSubmit(
    (values) => {
      const { type: _type, ...draft } = formToDraft(values, entry);
      save.mutate({ integrationId: integration.id, name: values.name, enabled: values.enabled, ...draft });
    },
    (errors) =>
      toast.error(t("fixFieldsFirst", { problem: errorText(firstErrorMessage(errors)) ?? t("invalidValue") })),
  );
  // Cmd/Ctrl+S saves, as in every editor people already use.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      void submit();
    }
  };
  const dirty = form.formState.isDirty;
  // Closing or reloading the tab with unsaved edits asks first; the browser owns the wording.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate className="flex min-h-0 flex-1 flex-col">
        <PageHeader
          title={
            <span className="flex items-center gap-2">
              <Link
                href="/integrations"
                className="rounded p-0.5 text-muted hover:bg-raised hover:text-fg"
                aria-label={t("backToIntegrations")}
              >
                <ChevronLeft className="size-4" aria-hidden />
              </Link>
              <TypeTile type={entry.type} />
              <span className="truncate">{integration.name}</span>
            </span>
          }
          subtitle={text.typeLabel(entry)}
          actions={
            <>
              <span className="mr-1 text-[12px] text-muted" aria-live="polite">
                {dirty ? t("unsavedChanges") : t("saved")}
              </span>
              <Button onClick={() => setTesting(true)}>
                <Send className="size-3.5" aria-hidden /> {t("sendTest")}
              </Button>
              <Button
                variant="ghost"
                onClick={() => setDeleting(true)}
                aria-label={t("deleteIntegration")}
                title={t("deleteIntegration")}
              >
                <Trash2 className="size-3.5" aria-hidden />
              </Button>
              <Button variant="primary" type="submit" disabled={save.isPending || !dirty} title={t("saveShortcut")}>
                {t("save")}
              </Button>
            </>
          }
        />
        <div className="min-h-0 flex-1 overflow-auto">
          <div className="mx-auto flex max-w-[1500px] flex-col gap-4 p-6">
            <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_340px]">
              <div className="flex min-w-0 flex-col gap-4">
                <SettingsSection />
                <VariablesSection />
              </div>
              <AboutPanel />
            </div>
            {entry.transport === "http" ? <StepsSection /> : entry.transport === "smtp" ? <EmailSection /> : null}
          </div>
        </div>
      </form>
      <TestSendDialog open={testing} onOpenChange={setTesting} />
      <DeleteIntegrationDialog open={deleting} onOpenChange={setDeleting} />
    </FormProvider>
  );
}
