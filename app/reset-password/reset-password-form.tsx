"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { MIN_PASSWORD_LENGTH, resetPasswordInput } from "~/core/accounts/account-inputs";
import { AuthCard, FormError } from "../_components/auth/auth-card";
import { useAccountErrors } from "../_components/auth/use-account-errors";
import { Button } from "../_components/ui/button";
import { Field, Input } from "../_components/ui/field";
import { authClient } from "../_lib/auth-client";

type Reset = z.infer<typeof resetPasswordInput>;

/** The page a reset link lands on; a used or expired link says so and offers a new one. */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const t = useTranslations("ResetPassword");
  const errorText = useAccountErrors();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Reset>({ resolver: zodResolver(resetPasswordInput), defaultValues: { password: "" } });
  const submit = form.handleSubmit(async ({ password }) => {
    if (!token) return;
    setError(null);
    const result = await authClient.resetPassword({ newPassword: password, token });
    if (result.error) return setError(errorText.server(result.error, "resetPassword"));
    setDone(true);
  });
  const again = (chunks: ReactNode) => (
    <Link className="text-accent hover:underline" href="/forgot-password">
      {chunks}
    </Link>
  );

  return (
    <AuthCard title={t("title")}>
      {!token ? (
        <p role="alert">{t.rich("invalidLink", { link: again })}</p>
      ) : done ? (
        <p role="status">
          {t.rich("done", {
            link: (chunks) => (
              <Link className="text-accent hover:underline" href="/sign-in">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
          <FormError message={error} />
          <Field
            label={t("newPassword")}
            htmlFor="password"
            error={errorText.field("newPassword", form.formState.errors.password)}
            hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
          >
            <Input id="password" type="password" autoComplete="new-password" autoFocus {...form.register("password")} />
          </Field>
          <Button type="submit" variant="primary" className="h-8 justify-center" disabled={form.formState.isSubmitting}>
            {t("submit")}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
