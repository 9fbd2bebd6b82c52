import { redirectToSetupWhenNew } from "~/server/page-context";
import { ForgotPasswordForm } from "./forgot-password-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Reset your password · Alertflow" };

export default async function ForgotPasswordPage() {
  await redirectToSetupWhenNew();
  return <ForgotPasswordForm />;
}
