"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { LOCALES } from "~/core/i18n/locales";
import { integrationTypeSchema } from "~/core/integrations/integration-types";
import { offersPresetLanguage, presetLanguageCustomizations } from "~/core/integrations/preset-language";
import { Button } from "../_components/ui/button";
import { Dialog } from "../_components/ui/dialog";
import { Field, Input } from "../_components/ui/field";
import { useTRPC } from "../_lib/trpc";
import type { CatalogueEntry } from "./_lib/catalogue";
import { useCatalogueText } from "./_lib/use-catalogue-text";
import { useIntegrationErrorText } from "./_lib/use-integration-error-text";
import { PresetLanguageField } from "./_ui/preset-language-field";
import { TypeTile } from "./_ui/type-icon";

/** The name may stay empty: the type's label is a fine first name, and it can be renamed later. */
const createSchema = z.object({
  type: integrationTypeSchema,
  name: z.string().trim().max(200),
  /** The language of the default messages, for presets that word them (see preset-language.ts). */
  language: z.enum(LOCALES),
});
type CreateForm = z.infer<typeof createSchema>;

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  types: CatalogueEntry[];
}

/** Pick a type from the catalogue and name it; everything else is set in the editor. */
export function CreateIntegrationDialog({ open, onOpenChange, types }: Props) {
  const t = useTranslations("NewIntegration");
  const locale = useLocale();
  const text = useCatalogueText();
  const serverError = useIntegrationErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<CreateForm>({
    resolver: zodResolver(createSchema),
    defaultValues: { type: "webhook", name: "", language: locale },
  });
  const chosen = useWatch({ control: form.control, name: "type" });
  const create = useMutation(
    trpc.integrations.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
        router.push(`/integrations/${id}`);
      },
      onError: (err) => toast.error(serverError(err)),
    }),
  );
  const chosenEntry = types.find((e) => e.type === chosen);
  const chosenLabel = (type: string) => {
    const entry = types.find((e) => e.type === type);
    return entry ? text.typeLabel(entry) : type;
  };
  // The messages start as the preset's words in the chosen language; after that they are the person's.
  const submit = form.handleSubmit(({ type, name, language }) =>
    create.mutate({
      type,
      name: name || chosenLabel(type),
      customizations: presetLanguageCustomizations(type, language) ?? {},
    }),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("title")}
      description={t("description")}
      size="md"
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            {t("cancel")}
          </Button>
          <Button variant="primary" type="submit" form="create-integration" disabled={create.isPending}>
            {t("create")}
          </Button>
        </>
      }
    >
      <form id="create-integration" onSubmit={submit} className="flex flex-col gap-4 p-4" noValidate>
        <fieldset>
          <legend className="mb-2 text-[12px] font-medium text-muted">{t("type")}</legend>
          <div className="grid grid-cols-2 gap-1.5" role="radiogroup" aria-label={t("typeGroup")}>
            {types.map((e) => (
              <label
                key={e.type}
                className={`flex cursor-pointer items-start gap-2.5 rounded-md border px-2.5 py-2 has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-accent ${
                  chosen === e.type ? "border-accent bg-accent/5" : "border-border hover:bg-raised"
                }`}
              >
                <input type="radio" value={e.type} className="sr-only" {...form.register("type")} />
                <TypeTile type={e.type} />
                <span className="min-w-0">
                  <span className="block font-medium">{text.typeLabel(e)}</span>
                  <span className="block text-[12px] leading-snug text-muted">{text.typeDescription(e)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          label={t("name")}
          htmlFor="integration-name"
          error={form.formState.errors.name ? t("nameTooLong") : undefined}
          hint={t("nameHint")}
        >
          <Input
            id="integration-name"
            placeholder={chosenEntry ? text.typeLabel(chosenEntry) : ""}
            aria-invalid={form.formState.errors.name ? true : undefined}
            autoComplete="off"
            {...form.register("name")}
          />
        </Field>
        {offersPresetLanguage(chosen) ? (
          <PresetLanguageField
            id="integration-language"
            label={t("language")}
            hint={t("languageHint")}
            register={form.register("language")}
          />
        ) : null}
      </form>
    </Dialog>
  );
}
