"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { MIN_PASSWORD_LENGTH, resetPasswordInput } from "~/core/accounts/account-inputs";
import { AuthCard, FormError } from "../_components/auth/auth-card";
import { Button } from "../_components/ui/button";
import { Field, Input } from "../_components/ui/field";
import { authClient } from "../_lib/auth-client";

type Reset = z.infer<typeof resetPasswordInput>;

/** The page a reset link lands on; a used or expired link says so and offers a new one. */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Reset>({ resolver: zodResolver(resetPasswordInput), defaultValues: { password: "" } });
  const submit = form.handleSubmit(async ({ password }) => {
    if (!token) return;
    setError(null);
    const result = await authClient.resetPassword({ newPassword: password, token });
    if (result.error) return setError(result.error.message ?? "Could not reset the password");
    setDone(true);
  });
  const again = (
    <Link className="text-accent hover:underline" href="/forgot-password">
      Ask for a new link
    </Link>
  );

  return (
    <AuthCard title="Choose a new password">
      {!token ? (
        <p role="alert">This reset link is invalid or has expired. {again}</p>
      ) : done ? (
        <p role="status">
          Your password is changed and every session was signed out.{" "}
          <Link className="text-accent hover:underline" href="/sign-in">
            Sign in
          </Link>
        </p>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
          <FormError message={error} />
          <Field
            label="New password"
            htmlFor="password"
            error={form.formState.errors.password?.message}
            hint={`At least ${MIN_PASSWORD_LENGTH} characters`}
          >
            <Input id="password" type="password" autoComplete="new-password" autoFocus {...form.register("password")} />
          </Field>
          <Button type="submit" variant="primary" className="h-8 justify-center" disabled={form.formState.isSubmitting}>
            Set password
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
