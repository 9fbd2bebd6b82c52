import { WelcomeView } from "./welcome-view";

export const metadata = { title: "Welcome · Alertflow" };

export default function WelcomePage() {
  return <WelcomeView />;
}
