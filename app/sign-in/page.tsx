import { redirectToSetupWhenNew } from "~/server/page-context";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in · Alertflow" };

export default async function SignInPage() {
  await redirectToSetupWhenNew();
  return <SignInForm />;
}
