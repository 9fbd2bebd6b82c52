import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, Select } from "~/app/_components/ui/field";
import { LOCALES, LOCALE_NAMES } from "~/core/i18n/locales";

/**
 * The language a preset words its default messages in, when it is created: on the Integrations
 * page's dialog and in the template wizard's inline form alike.
 */
export function PresetLanguageField({
  id,
  label,
  hint,
  register,
}: {
  id: string;
  label: string;
  hint: string;
  register: UseFormRegisterReturn<"language">;
}) {
  return (
    <Field label={label} htmlFor={id} hint={hint}>
      <Select id={id} {...register}>
        {LOCALES.map((code) => (
          <option key={code} value={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
