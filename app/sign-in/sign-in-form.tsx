"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { signInInput } from "~/core/accounts/account-inputs";
import { safeNextPath } from "~/core/accounts/safe-next";
import { AuthCard, FormError } from "../_components/auth/auth-card";
import { useAccountErrors } from "../_components/auth/use-account-errors";
import { Button } from "../_components/ui/button";
import { Field, Input } from "../_components/ui/field";
import { authClient } from "../_lib/auth-client";

type SignIn = z.infer<typeof signInInput>;

/** `offerSignUp`: whether this visitor may create an account (sign-up open, or a live invitation). */
export function SignInForm({ offerSignUp }: { offerSignUp: boolean }) {
  const t = useTranslations("SignIn");
  const errorText = useAccountErrors();
  const next = safeNextPath(useSearchParams().get("next"));
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignIn>({ resolver: zodResolver(signInInput), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await authClient.signIn.email(values);
    if (result.error) return setError(errorText.server(result.error, "signIn"));
    // A full load: every query starts again as the signed-in user.
    window.location.assign(next);
  });
  const withNext = (path: string) => (next === "/flows" ? path : `${path}?next=${encodeURIComponent(next)}`);

  return (
    <AuthCard
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        offerSignUp
          ? t.rich("noAccount", {
              link: (chunks) => (
                <Link className="text-accent hover:underline" href={withNext("/sign-up")}>
                  {chunks}
                </Link>
              ),
            })
          : t("noAccountInvitationOnly")
      }
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <FormError message={error} />
        <Field label={t("email")} htmlFor="email" error={errorText.field("email", errors.email)}>
          <Input id="email" type="email" autoComplete="email" autoFocus {...form.register("email")} />
        </Field>
        <Field label={t("password")} htmlFor="password" error={errorText.field("password", errors.password)}>
          <Input id="password" type="password" autoComplete="current-password" {...form.register("password")} />
        </Field>
        <Button type="submit" variant="primary" className="mt-1 h-8 justify-center" disabled={isSubmitting}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
        <Link href="/forgot-password" className="text-center text-[12px] text-muted hover:text-fg">
          {t("forgot")}
        </Link>
      </form>
    </AuthCard>
  );
}
