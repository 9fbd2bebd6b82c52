"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { MIN_PASSWORD_LENGTH, signUpInput } from "~/core/accounts/account-inputs";
import { safeNextPath } from "~/core/accounts/safe-next";
import { AuthCard, FormError } from "../_components/auth/auth-card";
import { useAccountErrors } from "../_components/auth/use-account-errors";
import { Button } from "../_components/ui/button";
import { Field, Input } from "../_components/ui/field";
import { authClient } from "../_lib/auth-client";

type SignUp = z.infer<typeof signUpInput>;

/** A new account; it joins a workspace by invitation link or creates its own next (/welcome). */
export function SignUpForm() {
  const t = useTranslations("SignUp");
  const errorText = useAccountErrors();
  const nextParam = useSearchParams().get("next");
  const next = safeNextPath(nextParam, "/welcome");
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignUp>({
    resolver: zodResolver(signUpInput),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    // Where the form returns to: an invitation link proves the invitation when sign-up is by invitation only.
    const result = await authClient.signUp.email({ ...values, callbackURL: next });
    if (result.error) return setError(errorText.server(result.error, "signUp"));
    window.location.assign(next);
  });

  return (
    <AuthCard
      title={t("title")}
      subtitle={nextParam?.startsWith("/invite/") ? t("invitedSubtitle") : undefined}
      footer={t.rich("haveAccount", {
        link: (chunks) => (
          <Link
            className="text-accent hover:underline"
            href={nextParam ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in"}
          >
            {chunks}
          </Link>
        ),
      })}
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <FormError message={error} />
        <Field label={t("name")} htmlFor="name" error={errorText.field("name", errors.name)}>
          <Input id="name" autoComplete="name" autoFocus {...form.register("name")} />
        </Field>
        <Field label={t("email")} htmlFor="email" error={errorText.field("email", errors.email)}>
          <Input id="email" type="email" autoComplete="email" {...form.register("email")} />
        </Field>
        <Field
          label={t("password")}
          htmlFor="password"
          error={errorText.field("newPassword", errors.password)}
          hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
        >
          <Input id="password" type="password" autoComplete="new-password" {...form.register("password")} />
        </Field>
        <Button type="submit" variant="primary" className="mt-1 h-8 justify-center" disabled={isSubmitting}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </form>
    </AuthCard>
  );
}
