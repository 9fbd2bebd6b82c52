import { getTranslations } from "next-intl/server";
import { WelcomeView } from "./welcome-view";

export async function generateMetadata() {
  const t = await getTranslations("PageTitles");
  return { title: t("welcome") };
}

export default function WelcomePage() {
  return <WelcomeView />;
}
