"use client";

import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "~/app/_components/ui/button";
import { Input } from "~/app/_components/ui/field";
import { useFormErrorText } from "./form-error-text";
import type { EditorForm } from "./form-model";
import { SecretInput } from "./secret-input";

/**
 * The person's own variables, e.g. a token a customized step sends as `Bearer {{Token}}`.
 * Marked secret, they are stored encrypted like the type's own secrets.
 */
export function CustomVariables() {
  const t = useTranslations("IntegrationEditor.customVariables");
  const errorText = useFormErrorText();
  const { control, register, setValue, getValues, formState } = useFormContext<EditorForm>();
  const rows = useFieldArray({ control, name: "customVariables" });
  const values = useWatch({ control, name: "customVariables" });

  const remove = (index: number) => {
    const row = getValues(`customVariables.${index}`);
    // A stored secret must be removed on the server too, not just dropped from the form.
    if (row.stored) setValue("removeSecrets", [...getValues("removeSecrets"), row.name], { shouldDirty: true });
    rows.remove(index);
  };

  return (
    <div className="mt-4 border-t border-border pt-3">
      <div className="mb-2 flex items-center justify-between">
        <h3 className="text-[12px] font-medium text-muted">{t("title")}</h3>
        <Button variant="ghost" onClick={() => rows.append({ name: "", value: "", secret: false, stored: false })}>
          <Plus className="size-3.5" aria-hidden /> {t("add")}
        </Button>
      </div>
      {rows.fields.length === 0 ? <p className="text-[12px] text-muted">{t("empty")}</p> : null}
      <div className="flex flex-col gap-1.5">
        {rows.fields.map((row, index) => {
          const current = values[index];
          const nameError = errorText(formState.errors.customVariables?.[index]?.name?.message);
          return (
            <div key={row.id} className="grid grid-cols-[180px_minmax(0,1fr)_auto_auto] items-start gap-2">
              <div>
                <Input
                  aria-label={t("name")}
                  placeholder={t("namePlaceholder")}
                  className="font-mono"
                  readOnly={row.stored}
                  aria-invalid={nameError ? true : undefined}
                  {...register(`customVariables.${index}.name`)}
                />
                {nameError ? <p className="mt-0.5 text-[11px] text-danger">{nameError}</p> : null}
              </div>
              {current?.secret ? (
                <SecretInput
                  id={`custom-${index}`}
                  field={`customVariables.${index}.value`}
                  secretName={current.name}
                  stored={row.stored}
                />
              ) : (
                <Input
                  aria-label={t("value")}
                  placeholder={t("value")}
                  className="font-mono"
                  spellCheck={false}
                  {...register(`customVariables.${index}.value`)}
                />
              )}
              <label className="flex h-7 items-center gap-1.5 text-[12px] text-muted">
                <input
                  type="checkbox"
                  className="size-3.5 accent-[var(--accent)]"
                  disabled={row.stored}
                  {...register(`customVariables.${index}.secret`)}
                />
                {t("secret")}
              </label>
              <Button
                variant="ghost"
                onClick={() => remove(index)}
                aria-label={t("remove", { name: current?.name ?? "" })}
              >
                <X className="size-3.5" aria-hidden />
              </Button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
