"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "~/app/_components/ui/button";
import { Input } from "~/app/_components/ui/field";
import type { EditorForm } from "./form-model";

interface SecretInputProps {
  id: string;
  /** `secrets.<Name>` for a type's variable, `customVariables.<i>.value` for the person's own. */
  field: `secrets.${string}` | `customVariables.${number}.value`;
  secretName: string;
  /** Whether a value is stored; the value itself never reaches the browser. */
  stored: boolean;
  placeholder?: string;
}

/**
 * A write-only field. A stored secret shows "set" with Replace and Remove; typing a new value
 * replaces it on save. Nothing typed is ever shown back.
 */
export function SecretInput({ id, field, secretName, stored, placeholder }: SecretInputProps) {
  const t = useTranslations("IntegrationEditor.secret");
  const { register, setValue, control } = useFormContext<EditorForm>();
  const removals = useWatch({ control, name: "removeSecrets" });
  const removed = removals.includes(secretName);
  const [replacing, setReplacing] = useState(false);

  const setRemoved = (remove: boolean) => {
    const next = remove ? [...removals, secretName] : removals.filter((n) => n !== secretName);
    setValue("removeSecrets", next, { shouldDirty: true });
    if (remove) setValue(field, "", { shouldDirty: true });
  };

  if (stored && removed) {
    return (
      <div className="flex h-7 items-center gap-2 text-[12px]">
        <span className="text-danger">{t("removedOnSave")}</span>
        <Button variant="ghost" onClick={() => setRemoved(false)}>
          {t("undo")}
        </Button>
      </div>
    );
  }
  if (stored && !replacing) {
    return (
      <div className="flex h-7 items-center gap-2" data-testid={`secret-${secretName}`}>
        <span className="inline-flex items-center gap-1 rounded border border-ok/40 px-1.5 py-px text-[11px] font-medium text-ok">
          <KeyRound className="size-3" aria-hidden /> {t("set")}
        </span>
        <Button variant="ghost" onClick={() => setReplacing(true)}>
          {t("replace")}
        </Button>
        <Button variant="ghost" onClick={() => setRemoved(true)}>
          {t("remove")}
        </Button>
      </div>
    );
  }
  return (
    <div className="flex items-center gap-2">
      <Input
        id={id}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        placeholder={placeholder ?? (stored ? t("newValue") : t("notSet"))}
        className="font-mono"
        {...register(field)}
      />
      {stored ? (
        <Button
          variant="ghost"
          onClick={() => {
            setValue(field, "", { shouldDirty: true });
            setReplacing(false);
          }}
        >
          {t("cancel")}
        </Button>
      ) : null}
    </div>
  );
}
