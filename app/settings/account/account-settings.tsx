"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { changePasswordInput, MIN_PASSWORD_LENGTH } from "~/core/accounts/account-inputs";
import { isLocale, type Locale } from "~/core/i18n/locales";
import { LocaleOptions } from "~/app/_components/locale-options";
import { FormError } from "../../_components/auth/auth-card";
import { useAccountErrors } from "../../_components/auth/use-account-errors";
import { Button } from "../../_components/ui/button";
import { Field, Input, Select } from "../../_components/ui/field";
import { useChooseLocale } from "../../_components/use-choose-locale";
import { authClient } from "../../_lib/auth-client";

type ChangePassword = z.infer<typeof changePasswordInput>;

const BROWSER = "browser";

/** The signed-in user's own settings: who they are, their interface language, and their password. */
export function AccountSettings({ profileLocale }: { profileLocale: Locale | null }) {
  const t = useTranslations("AccountSettings");
  const errorText = useAccountErrors();
  const session = authClient.useSession();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ChangePassword>({
    resolver: zodResolver(changePasswordInput),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await authClient.changePassword({ ...values, revokeOtherSessions: true });
    if (result.error) return setError(errorText.server(result.error, "changePassword"));
    form.reset();
    toast.success(t("passwordChanged"));
  });
  const user = session.data?.user;

  return (
    <div className="flex max-w-md flex-col gap-8">
      <section className="flex flex-col gap-1">
        <h2 className="text-[13px] font-semibold">{t("profile")}</h2>
        <dl className="grid grid-cols-[6rem_1fr] gap-y-1 text-[13px]">
          <dt className="text-muted">{t("name")}</dt>
          <dd>{user?.name ?? "…"}</dd>
          <dt className="text-muted">{t("email")}</dt>
          <dd>{user?.email ?? "…"}</dd>
        </dl>
      </section>
      <LanguageSection profileLocale={profileLocale} />
      <section className="flex flex-col gap-3">
        <h2 className="text-[13px] font-semibold">{t("changePassword")}</h2>
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
          <FormError message={error} />
          <Field
            label={t("currentPassword")}
            htmlFor="current-password"
            error={errorText.field("password", errors.currentPassword)}
          >
            <Input
              id="current-password"
              type="password"
              autoComplete="current-password"
              {...form.register("currentPassword")}
            />
          </Field>
          <Field
            label={t("newPassword")}
            htmlFor="new-password"
            error={errorText.field("newPassword", errors.newPassword)}
            hint={t("newPasswordHint", { min: MIN_PASSWORD_LENGTH })}
          >
            <Input id="new-password" type="password" autoComplete="new-password" {...form.register("newPassword")} />
          </Field>
          <div>
            <Button type="submit" variant="primary" disabled={isSubmitting}>
              {t("changePassword")}
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}

/** The profile's language: saved at once, it outranks the switcher's cookie and the browser on every device. */
function LanguageSection({ profileLocale }: { profileLocale: Locale | null }) {
  const t = useTranslations("AccountSettings");
  const { choose, pending, error } = useChooseLocale({ signedIn: true });
  return (
    <section className="flex flex-col gap-3">
      <h2 className="text-[13px] font-semibold">{t("language")}</h2>
      <Field label={t("interfaceLanguage")} htmlFor="profile-locale" hint={t("languageHint")}>
        <Select
          id="profile-locale"
          value={profileLocale ?? BROWSER}
          disabled={pending}
          onChange={(event) => {
            const value = event.target.value;
            void choose(isLocale(value) ? value : null);
          }}
        >
          <option value={BROWSER}>{t("followBrowser")}</option>
          <LocaleOptions />
        </Select>
      </Field>
      <FormError message={error ? t("languageNotSaved") : null} />
    </section>
  );
}
