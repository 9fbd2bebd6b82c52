import { InvitationView } from "./invitation-view";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invitation · Alertflow" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <InvitationView token={token} />;
}
