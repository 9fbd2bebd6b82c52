import { BellRing } from "lucide-react";

export default function SharedTemplateNotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-2 p-6 text-center">
      <BellRing className="size-5 text-accent" aria-hidden />
      <h1 className="text-[16px] font-semibold">This template link does not exist or was revoked</h1>
      <p className="text-muted">Ask whoever shared it for a new link.</p>
    </main>
  );
}
