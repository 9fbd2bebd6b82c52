"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { MIN_PASSWORD_LENGTH, setupInput } from "~/core/accounts/account-inputs";
import { isLocale } from "~/core/i18n/locales";
import { AuthCard, FormError } from "../_components/auth/auth-card";
import { useAccountErrors } from "../_components/auth/use-account-errors";
import { Button } from "../_components/ui/button";
import { Field, Input } from "../_components/ui/field";
import { useTRPC } from "../_lib/trpc";

type Setup = z.infer<typeof setupInput>;

/** The first owner and their workspace, in one step. */
export function SetupForm() {
  const t = useTranslations("Setup");
  const locale = useLocale();
  const errorText = useAccountErrors();
  const trpc = useTRPC();
  const form = useForm<Setup>({
    resolver: zodResolver(setupInput),
    defaultValues: { name: "", email: "", password: "", workspaceName: "" },
  });
  const { errors } = form.formState;
  const setup = useMutation(trpc.account.setup.mutationOptions({ onSuccess: () => window.location.assign("/flows") }));

  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")}>
      <form
        onSubmit={form.handleSubmit((values) =>
          setup.mutate({ ...values, locale: isLocale(locale) ? locale : undefined }),
        )}
        className="flex flex-col gap-3"
        noValidate
      >
        <FormError
          message={errorText.server(
            // better-auth's refusal code (password too short, email taken…) travels as the reason's value.
            setup.error
              ? { status: setup.error.data?.httpStatus, code: String(setup.error.data?.domain?.values?.authCode ?? "") }
              : null,
            "setup",
          )}
        />
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
        <Field
          label={t("workspaceName")}
          htmlFor="workspaceName"
          error={errorText.field("workspaceName", errors.workspaceName)}
          hint={t("workspaceHint")}
        >
          <Input id="workspaceName" placeholder="Acme SRE" {...form.register("workspaceName")} />
        </Field>
        <Button type="submit" variant="primary" className="mt-1 h-8 justify-center" disabled={setup.isPending}>
          {setup.isPending ? t("submitting") : t("submit")}
        </Button>
      </form>
    </AuthCard>
  );
}
