import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthCard } from "../_components/auth/auth-card";

/** Sign-up by invitation only and no live invitation: said before anyone fills in a form. */
export async function SignUpClosed() {
  const t = await getTranslations("SignUp");
  return (
    <AuthCard
      title={t("closedTitle")}
      footer={t.rich("haveAccount", {
        link: (chunks) => (
          <Link className="text-accent hover:underline" href="/sign-in">
            {chunks}
          </Link>
        ),
      })}
    >
      <p role="status" data-testid="sign-up-closed">
        {t("closedText")}
      </p>
    </AuthCard>
  );
}
