import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, Select } from "~/app/_components/ui/field";
import { LocaleOptions } from "~/app/_components/locale-options";

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
        <LocaleOptions />
      </Select>
    </Field>
  );
}
