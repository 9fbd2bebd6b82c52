"use client";

import { useLocale, useTranslations } from "next-intl";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { Button } from "~/app/_components/ui/button";
import { Field, Input } from "~/app/_components/ui/field";
import { useTRPC } from "~/app/_lib/trpc";
import type { CatalogueEntry } from "~/app/integrations/_lib/catalogue";
import { useCatalogueText } from "~/app/integrations/_lib/use-catalogue-text";
import { useServerErrorText } from "~/app/_components/use-server-error-text";
import { LOCALES } from "~/core/i18n/locales";
import { PresetLanguageField } from "~/app/integrations/_ui/preset-language-field";
import { offersPresetLanguage, presetLanguageCustomizations } from "~/core/integrations/preset-language";

interface Props {
  entry: CatalogueEntry;
  defaultName: string;
  onCreated: (integrationId: string) => void;
  onCancel: () => void;
}

/** Values a new integration cannot do without: required, set on the integration, no default. */
const essentials = (entry: CatalogueEntry) =>
  entry.variables.filter((v) => v.required && v.modes.includes("integration") && v.defaultValue === null);

/**
 * Creates an integration of the placeholder's type without leaving the wizard: a name and the
 * values it cannot work without (secrets typed here go to the server once, write-only).
 * Everything else keeps its default and can be changed on the Integrations page.
 */
export function CreateIntegrationInline({ entry, defaultName, onCreated, onCancel }: Props) {
  const t = useTranslations("CreateIntegration");
  const locale = useLocale();
  const text = useCatalogueText();
  const trpc = useTRPC();
  const serverError = useServerErrorText();
  const queryClient = useQueryClient();
  const fields = useMemo(() => essentials(entry), [entry]);
  const schema = useMemo(
    () =>
      z.object({
        name: z.string().trim().min(1, t("nameRequired")).max(200),
        values: z.object(
          Object.fromEntries(
            fields.map((v) => [
              v.name,
              z
                .string()
                .trim()
                .min(1, t("fieldRequired", { label: text.variableLabel(entry, v) })),
            ]),
          ),
        ),
        /** The language of the default messages, for presets that word them (see preset-language.ts). */
        language: z.enum(LOCALES),
      }),
    [fields, t, text, entry],
  );
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: defaultName,
      values: Object.fromEntries(fields.map((v) => [v.name, ""])),
      language: locale,
    },
  });
  const create = useMutation(
    trpc.integrations.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
        toast.success(t("created", { name: created.name }));
        onCreated(created.id);
      },
      onError: (err) => toast.error(serverError(err)),
    }),
  );
  // As in the Integrations page's dialog: the messages start in the chosen language, then are the person's.
  const submit = form.handleSubmit(({ name, values, language }) => {
    const secret = new Set(fields.filter((v) => v.secret).map((v) => v.name));
    const pick = (wantSecret: boolean) =>
      Object.fromEntries(Object.entries(values).filter(([k]) => secret.has(k) === wantSecret));
    create.mutate({
      type: entry.type,
      name,
      variables: pick(false),
      secrets: pick(true),
      customizations: presetLanguageCustomizations(entry.type, language) ?? {},
    });
  });
  const errors = form.formState.errors;

  return (
    <div
      className="mt-2 flex flex-col gap-3 rounded-md border border-border bg-bg p-3"
      data-testid="create-integration"
    >
      <Field label={t("name")} htmlFor={`new-${entry.type}-name`} error={errors.name?.message}>
        <Input id={`new-${entry.type}-name`} autoComplete="off" {...form.register("name")} />
      </Field>
      {fields.map((v) => (
        <Field
          key={v.name}
          label={text.variableLabel(entry, v)}
          htmlFor={`new-${entry.type}-${v.name}`}
          error={errors.values?.[v.name]?.message}
          hint={v.secret ? t("secretHint") : text.variableDescription(entry, v) || undefined}
        >
          <Input
            id={`new-${entry.type}-${v.name}`}
            type={v.secret ? "password" : "text"}
            autoComplete={v.secret ? "new-password" : "off"}
            spellCheck={false}
            className={v.secret ? "font-mono" : ""}
            aria-invalid={errors.values?.[v.name] ? true : undefined}
            {...form.register(`values.${v.name}`)}
          />
        </Field>
      ))}
      {offersPresetLanguage(entry.type) ? (
        <PresetLanguageField
          id={`new-${entry.type}-language`}
          label={t("language")}
          hint={t("languageHint")}
          register={form.register("language")}
        />
      ) : null}
      <p className="text-[11px] text-muted">{t("otherSettings")}</p>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <Button variant="primary" onClick={() => void submit()} disabled={create.isPending}>
          {t("create", { type: text.typeLabel(entry) })}
        </Button>
      </div>
    </div>
  );
}
