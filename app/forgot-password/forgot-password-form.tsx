"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { signUpInput } from "~/core/accounts/account-inputs";
import { AuthCard, FormError } from "../_components/auth/auth-card";
import { useAccountErrors } from "../_components/auth/use-account-errors";
import { Button } from "../_components/ui/button";
import { Field, Input } from "../_components/ui/field";
import { authClient } from "../_lib/auth-client";

const forgotInput = signUpInput.pick({ email: true });
type Forgot = z.infer<typeof forgotInput>;

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations("ForgotPassword");
  const errorText = useAccountErrors();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Forgot>({ resolver: zodResolver(forgotInput), defaultValues: { email: "" } });
  const submit = form.handleSubmit(async ({ email }) => {
    setError(null);
    const result = await authClient.requestPasswordReset({ email, redirectTo: "/reset-password" });
    if (result.error) return setError(errorText.server(result.error, "sendLink"));
    setSentTo(email);
  });

  return (
    <AuthCard
      title={t("title")}
      footer={
        <Link className="text-accent hover:underline" href="/sign-in">
          {t("backToSignIn")}
        </Link>
      }
    >
      {sentTo ? (
        <p role="status">{t.rich("sent", { email: sentTo, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
          <FormError message={error} />
          <Field label={t("email")} htmlFor="email" error={errorText.field("email", form.formState.errors.email)}>
            <Input id="email" type="email" autoComplete="email" autoFocus {...form.register("email")} />
          </Field>
          <Button type="submit" variant="primary" className="h-8 justify-center" disabled={form.formState.isSubmitting}>
            {t("submit")}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
