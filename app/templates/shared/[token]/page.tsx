import { UseSharedTemplate } from "./use-shared-template";

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <UseSharedTemplate token={token} />;
}
