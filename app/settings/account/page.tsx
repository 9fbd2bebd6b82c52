import { AccountSettings } from "./account-settings";

export const metadata = { title: "Account · Alertflow" };

export default function AccountPage() {
  return <AccountSettings />;
}
